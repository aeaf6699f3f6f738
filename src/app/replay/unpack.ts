// Unpacking a replay code's deflate stream within bounds: the header first, then the whole payload,
// never more than MAX_PAYLOAD_BYTES (a "zip bomb" stops early).

import { Inflate, inflateSync } from 'fflate';
import { Malformed } from './bytes';
import { MAX_PAYLOAD_BYTES } from './format';

/**
 * Deflate unpacks a byte to at most 1,032 bytes: a stream up to this long cannot unpack to more
 * than MAX_PAYLOAD_BYTES, and is unpacked whole at once (a class is hundreds of such codes; fed in
 * pieces, each piece copied the 32 kB window again).
 */
const WHOLE_AT_ONCE_BYTES = Math.floor(MAX_PAYLOAD_BYTES / 1032);

/**
 * Where such a stream is unpacked (made on first use, then reused): given no room, fflate sets
 * aside 128 kB for every code.
 */
let room: Uint8Array | null = null;

/**
 * Unpacks a code's deflate stream only as far as asked: its header first (whose counts may refuse
 * the code before the rest is unpacked), then the whole payload, never more than
 * MAX_PAYLOAD_BYTES. Fed in small pieces so that no piece can unpack to much (a bomb stops early).
 */
export class Unpacker {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private fed = 0;
  private ended = false;
  private inflater: Inflate | null = null;

  constructor(private readonly packed: Uint8Array) {
    if (packed.length > WHOLE_AT_ONCE_BYTES) return;
    try {
      room ??= new Uint8Array(MAX_PAYLOAD_BYTES + 1);
      const out = inflateSync(packed, { out: room });
      if (out.length > MAX_PAYLOAD_BYTES) return;
      const whole = out.slice();
      this.chunks.push(whole);
      this.size = whole.length;
      this.fed = packed.length;
      this.ended = true;
    } catch {
      // Cut short or damaged: fed in pieces below, which still yields its first bytes (its header).
    }
  }

  private get inflate(): Inflate {
    this.inflater ??= new Inflate((chunk, final) => {
      this.size += chunk.length;
      if (this.size > MAX_PAYLOAD_BYTES) throw new Malformed('it unpacks to far more than a game');
      this.chunks.push(chunk);
      if (final) this.ended = true;
    });
    return this.inflater;
  }

  /** At least `want` bytes unpacked (fewer if the stream holds fewer), joined. */
  upTo(want: number): Uint8Array {
    if (this.ended && this.chunks.length === 1) return this.chunks[0]!;
    const PIECE = 256;
    // Never marked final here: a stream cut short still yields its first bytes (its header).
    while (this.size < want && this.fed < this.packed.length) {
      const next = Math.min(this.fed + PIECE, this.packed.length);
      this.inflate.push(this.packed.subarray(this.fed, next), false);
      this.fed = next;
    }
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** The whole payload; throws if the stream is cut short. */
  all(): Uint8Array {
    this.upTo(Number.POSITIVE_INFINITY);
    if (!this.ended) this.inflate.push(new Uint8Array(0), true);
    if (!this.ended) throw new Malformed('it ends too soon');
    return this.upTo(0);
  }
}
