// Replay codes, the bytes: a growing byte writer and a bounds-checked reader (varints, zigzag
// integers, scaled decimals, exact float64s, strings), CRC-32 and unpadded base64url.

import { MAX_STRING_BYTES } from './format';

// ---------------------------------------------------------------------------------------------
// Bytes

export class Writer {
  private buf = new Uint8Array(256);
  private n = 0;

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.n++] = b & 0xff;
  }

  bytes(bs: Uint8Array): void {
    this.room(bs.length);
    this.buf.set(bs, this.n);
    this.n += bs.length;
  }

  /** Unsigned integer up to 2^53, 7 bits a byte. */
  varint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`replay code: cannot store ${v} as a varint`);
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }

  str(s: string): void {
    const b = UTF8.encode(s);
    this.varint(b.length);
    this.bytes(b);
  }

  hex(h: string): void {
    if (!/^[0-9a-f]*$/.test(h)) throw new Error(`replay code: "${h}" is not a lowercase hex digest`);
    this.varint(h.length);
    for (let i = 0; i < h.length; i += 2)
      this.byte(Number.parseInt(h[i + 1] ? h.slice(i, i + 2) : `${h[i]}0`, 16));
  }

  /** A number: integers and 2- or 4-decimal values as a tagged varint, anything else as float64. */
  num(x: number): void {
    for (let tag = 0; tag < 3; tag++) {
      const scale = SCALES[tag]!;
      const m = Math.round(x * scale);
      if (Math.abs(m) < NUM_LIMIT && m / scale === x && !Object.is(x, -0)) {
        this.varint((m >= 0 ? m * 2 : -m * 2 - 1) * 4 + tag);
        return;
      }
    }
    this.varint(3);
    const f = new DataView(new ArrayBuffer(8));
    f.setFloat64(0, x, true);
    this.bytes(new Uint8Array(f.buffer));
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

const SCALES = [1, 100, 10_000] as const;
const NUM_LIMIT = 2 ** 49;
const UTF8 = new TextEncoder();
// ignoreBOM: a name's leading U+FEFF is kept, so decoding gives back exactly what was encoded.
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Thrown by Reader on malformed data; caught at the decoder's boundary. */
export class Malformed extends Error {}

export class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get left(): number {
    return this.buf.length - this.pos;
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new Malformed('the code ends too soon');
    return this.buf[this.pos++]!;
  }

  take(k: number): Uint8Array {
    if (k > this.left) throw new Malformed('the code ends too soon');
    const out = this.buf.subarray(this.pos, this.pos + k);
    this.pos += k;
    return out;
  }

  varint(): number {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      v += (b & 0x7f) * mul;
      if (b < 0x80) {
        if (!Number.isSafeInteger(v)) break;
        return v;
      }
      mul *= 0x80;
    }
    throw new Malformed('a number in the code is out of range');
  }

  count(max: number, what: string): number {
    const n = this.varint();
    if (n > max) throw new Malformed(`too many ${what} (${n})`);
    return n;
  }

  str(): string {
    const len = this.count(MAX_STRING_BYTES, 'bytes in a name');
    try {
      return UTF8_STRICT.decode(this.take(len));
    } catch (e) {
      if (e instanceof Malformed) throw e;
      throw new Malformed('a name in the code is not valid text');
    }
  }

  hex(): string {
    const digits = this.count(64, 'hex digits');
    const bytes = this.take(Math.ceil(digits / 2));
    let out = '';
    for (const b of bytes) out += b.toString(16).padStart(2, '0');
    return out.slice(0, digits);
  }

  num(): number {
    const v = this.varint();
    const tag = v % 4;
    if (tag === 3) {
      if (v !== 3) throw new Malformed('a number in the code is malformed');
      const b = this.take(8);
      return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
    }
    const z = Math.floor(v / 4);
    const m = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    return m / SCALES[tag]!;
  }

  index<T>(list: readonly T[], what: string): T {
    const i = this.byte();
    const v = list[i];
    if (v === undefined) throw new Malformed(`unknown ${what} #${i}`);
    return v;
  }
}

// CRC-32 (IEEE), to tell a damaged code from an edited one.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// base64url without padding.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[v >>> 18]! + B64[(v >>> 12) & 63]! + B64[(v >>> 6) & 63]! + B64[v & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    out += B64[v >>> 18]! + B64[(v >>> 12) & 63]!;
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[v >>> 18]! + B64[(v >>> 12) & 63]! + B64[(v >>> 6) & 63]!;
  }
  return out;
}

/** The bytes of a base64url string (no padding), or null if it is not one. */
export function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}
