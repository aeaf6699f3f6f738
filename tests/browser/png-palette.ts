// Shrinks a screenshot for the README: Chromium's truecolour PNG becomes a 256-colour palette PNG
// (median cut over the image's colours, each colour mapped to its nearest palette entry by a
// weighted RGB distance, no dithering). A screen of flat panels and anti-aliased text has a few
// thousand colours, so the loss is hard to see and the file is about a third of the size.
// Reads 8-bit RGB or RGBA, non-interlaced (what Chromium writes); alpha is dropped.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

interface Image {
  width: number;
  height: number;
  /** RGB, three bytes a pixel, row by row. */
  rgb: Uint8Array;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Buffer): Image {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    const type = png.toString('latin1', o + 4, o + 8);
    const body = png.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    o += 12 + len;
  }
  if (!header) throw new Error('PNG without a header');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bpp = header[9] === 2 ? 3 : header[9] === 6 ? 4 : 0;
  if (header[8] !== 8 || bpp === 0 || header[12] !== 0)
    throw new Error('only 8-bit RGB or RGBA, non-interlaced PNGs');
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * bpp;
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? px[row + i - bpp]! : 0;
      const b = y > 0 ? px[row - stride + i]! : 0;
      const c = y > 0 && i >= bpp ? px[row - stride + i - bpp]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      px[row + i] = (raw[src + i]! + predictor) & 255;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) rgb.set(px.subarray(p * bpp, p * bpp + 3), p * 3);
  return { width, height, rgb };
}

interface Colour {
  rgb: [number, number, number];
  count: number;
  key: number;
}

/** Median cut: splits the box whose widest channel, weighted by its pixels, is largest. */
function medianCut(colours: Colour[], size: number): [number, number, number][] {
  const boxes: Colour[][] = [colours];
  while (boxes.length < size) {
    let pick = -1;
    let pickScore = 0;
    let pickChannel = 0;
    boxes.forEach((box, i) => {
      if (box.length < 2) return;
      let pixels = 0;
      const lo = [255, 255, 255];
      const hi = [0, 0, 0];
      for (const c of box) {
        pixels += c.count;
        for (let ch = 0; ch < 3; ch++) {
          lo[ch] = Math.min(lo[ch]!, c.rgb[ch]!);
          hi[ch] = Math.max(hi[ch]!, c.rgb[ch]!);
        }
      }
      for (let ch = 0; ch < 3; ch++) {
        const score = (hi[ch]! - lo[ch]!) * Math.sqrt(pixels);
        if (score > pickScore) [pick, pickScore, pickChannel] = [i, score, ch];
      }
    });
    if (pick < 0) break;
    const box = boxes[pick]!.sort((x, y) => x.rgb[pickChannel]! - y.rgb[pickChannel]! || x.key - y.key);
    const half = box.reduce((n, c) => n + c.count, 0) / 2;
    let seen = 0;
    let cut = 1;
    for (let i = 0; i < box.length; i++) {
      seen += box[i]!.count;
      if (seen >= half) {
        cut = Math.min(Math.max(i, 1), box.length - 1);
        break;
      }
    }
    boxes.splice(pick, 1, box.slice(0, cut), box.slice(cut));
  }
  return boxes.map((box) => {
    const sum = [0, 0, 0];
    let n = 0;
    for (const c of box) {
      for (let ch = 0; ch < 3; ch++) sum[ch]! += c.rgb[ch]! * c.count;
      n += c.count;
    }
    return [Math.round(sum[0]! / n), Math.round(sum[1]! / n), Math.round(sum[2]! / n)];
  });
}

/** One PNG chunk: length, type, body and CRC. */
export function chunk(type: string, body: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** The image as a palette PNG of at most 256 colours. */
export function paletteSized(png: Buffer): Buffer {
  const { width, height, rgb } = decodePng(png);
  const counts = new Map<number, number>();
  for (let p = 0; p < rgb.length; p += 3) {
    const key = (rgb[p]! << 16) | (rgb[p + 1]! << 8) | rgb[p + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const colours: Colour[] = [...counts].map(([key, count]) => ({
    rgb: [key >> 16, (key >> 8) & 255, key & 255],
    count,
    key,
  }));
  const palette = medianCut(colours, 256);
  const nearest = new Map<number, number>();
  for (const c of colours) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    palette.forEach(([r, g, b], i) => {
      const d = 2 * (r - c.rgb[0]) ** 2 + 4 * (g - c.rgb[1]) ** 2 + 3 * (b - c.rgb[2]) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    nearest.set(c.key, best);
  }
  // One filter byte (none) per row, then the palette indices.
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      raw[y * (width + 1) + 1 + x] = nearest.get((rgb[p]! << 16) | (rgb[p + 1]! << 8) | rgb[p + 2]!)!;
    }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 3;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
