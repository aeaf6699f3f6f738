// The README screenshots' shrinker (tests/browser/png-palette.ts): a truecolour PNG comes back as a
// valid palette PNG of the same size whose pixels are close to the originals, with flat colours
// kept exactly.
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunk, decodePng, paletteSized } from './browser/png-palette';

/** An RGB PNG, each row with filter `row % 5` (every filter type the decoder must undo). */
function rgbPng(width: number, height: number, px: (x: number, y: number) => [number, number, number]) {
  const stride = width * 3;
  const img = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) img.set(px(x, y), y * stride + x * 3);
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const f = y % 5;
    raw[y * (stride + 1)] = f;
    for (let i = 0; i < stride; i++) {
      const a = i >= 3 ? img[y * stride + i - 3]! : 0;
      const b = y > 0 ? img[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= 3 ? img[(y - 1) * stride + i - 3]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][f]!;
      raw[y * (stride + 1) + 1 + i] = (img[y * stride + i]! - pred) & 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { png, img };
}

describe('palette PNG for the README screenshots', () => {
  it('decodes every filter type exactly', () => {
    const { png, img } = rgbPng(37, 23, (x, y) => [(x * 7 + y) & 255, (y * 11) & 255, (x * y) & 255]);
    const d = decodePng(png);
    expect([d.width, d.height]).toEqual([37, 23]);
    expect(Buffer.from(d.rgb).equals(img)).toBe(true);
  });

  it('keeps the size, flat colours exactly, and every pixel close', () => {
    const flat: [number, number, number][] = [
      [11, 18, 32],
      [245, 197, 66],
      [232, 238, 248],
    ];
    // Three flat bands and a smooth gradient of far more than 256 colours.
    const { png, img } = rgbPng(120, 90, (x, y) =>
      y < 45 ? flat[Math.floor(x / 40)]! : [x * 2, (y - 45) * 5, (x + y) & 255],
    );
    const out = paletteSized(png);
    expect(out.readUInt32BE(16)).toBe(120);
    expect(out.readUInt32BE(20)).toBe(90);
    expect(out[25]).toBe(3); // colour type: palette
    const plteAt = out.indexOf('PLTE', 0, 'latin1');
    const paletteBytes = out.readUInt32BE(plteAt - 4);
    expect(paletteBytes % 3).toBe(0);
    expect(paletteBytes / 3).toBeLessThanOrEqual(256);
    const palette = out.subarray(plteAt + 4, plteAt + 4 + paletteBytes);
    const idatAt = out.indexOf('IDAT', 0, 'latin1');
    const raw = inflateSync(out.subarray(idatAt + 4, idatAt + 4 + out.readUInt32BE(idatAt - 4)));
    expect(raw.length).toBe(90 * 121);
    let worst = 0;
    for (let y = 0; y < 90; y++) {
      expect(raw[y * 121]).toBe(0);
      for (let x = 0; x < 120; x++) {
        const i = raw[y * 121 + 1 + x]!;
        const got = [...palette.subarray(i * 3, i * 3 + 3)];
        const want = [...img.subarray((y * 120 + x) * 3, (y * 120 + x) * 3 + 3)];
        if (y < 45) expect(got).toEqual(want);
        worst = Math.max(worst, ...got.map((v, k) => Math.abs(v - want[k]!)));
      }
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(24);
  });
});
