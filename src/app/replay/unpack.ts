// Unpacking a replay code's deflate stream within bounds: the header first, then the whole payload,
// never more than MAX_PAYLOAD_BYTES (a "zip bomb" stops early).

import { Inflate } from 'fflate';
import { Malformed } from './bytes';
import { MAX_PAYLOAD_BYTES } from './format';

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
  private readonly inflate = new Inflate((chunk, final) => {
    this.size += chunk.length;
    if (this.size > MAX_PAYLOAD_BYTES) throw new Malformed('it unpacks to far more than a game');
    this.chunks.push(chunk);
    if (final) this.ended = true;
  });

  constructor(private readonly packed: Uint8Array) {}

  /** At least `want` bytes unpacked (fewer if the stream holds fewer), joined. */
  upTo(want: number): Uint8Array {
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
