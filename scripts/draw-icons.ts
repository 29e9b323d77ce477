/**
 * Draws the two Teams app icons with no image library: shapes are signed-distance functions,
 * anti-aliased by 4x4 supersampling, and written as RGBA PNGs with node's zlib.
 *
 *   manifest/color.png    192x192, full colour: white clipboard-and-tick on the accent colour
 *   manifest/outline.png  32x32, the same symbol in white on a transparent background
 *
 * Run: ts-node --transpile-only scripts/draw-icons.ts [outDir]   (default: manifest/)
 * The output is deterministic, so re-running it leaves the committed PNGs unchanged.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

/** The manifest's accentColor (#1F5C99). */
export const ACCENT: readonly [number, number, number] = [0x1f, 0x5c, 0x99];

/* ---------------------------------------------------------------------------------------- */
/* PNG encoding                                                                              */
/* ---------------------------------------------------------------------------------------- */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes per pixel) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer size does not match width x height');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/* ---------------------------------------------------------------------------------------- */
/* The symbol, in a unit square (x right, y down)                                            */
/* ---------------------------------------------------------------------------------------- */

function roundedBox(px: number, py: number, x0: number, y0: number, x1: number, y1: number, r: number): number {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(py - cy) - ((y1 - y0) / 2 - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** True where the symbol (clipboard outline, clip, tick) is drawn. */
export function insideSymbol(x: number, y: number): boolean {
  const stroke = 0.075;
  const board = Math.abs(roundedBox(x, y, 0.17, 0.14, 0.83, 0.95, 0.09)) - stroke / 2;
  const clip = roundedBox(x, y, 0.34, 0.04, 0.66, 0.22, 0.05);
  const tick = Math.min(segment(x, y, 0.33, 0.56, 0.46, 0.7), segment(x, y, 0.46, 0.7, 0.69, 0.42)) - 0.055;
  return Math.min(board, clip, tick) <= 0;
}

/** Fraction (0..1) of the pixel covered by the symbol, with the symbol drawn in [offset, offset+size). */
function coverage(px: number, py: number, offset: number, size: number, samples = 4): number {
  let hits = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples - offset) / size;
      const y = (py + (sy + 0.5) / samples - offset) / size;
      if (x >= 0 && x <= 1 && y >= 0 && y <= 1 && insideSymbol(x, y)) hits++;
    }
  }
  return hits / (samples * samples);
}

/** 192x192 full-colour icon: white symbol (within the central 112px) on the accent colour. */
export function drawColorIcon(): Buffer {
  const size = 192;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, 40, 112);
      const i = (y * size + x) * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[i + channel] = Math.round((ACCENT[channel] as number) * (1 - c) + 255 * c);
      }
      pixels[i + 3] = 255;
    }
  }
  return encodePng(size, size, pixels);
}

/** 32x32 outline icon: the symbol in white; everything else fully transparent. */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const alpha = Math.round(coverage(x, y, 1, 30) * 255);
      pixels[i] = pixels[i + 1] = pixels[i + 2] = alpha > 0 ? 255 : 0;
      pixels[i + 3] = alpha;
    }
  }
  return encodePng(size, size, pixels);
}

export function drawIcons(outDir: string): { color: string; outline: string } {
  mkdirSync(outDir, { recursive: true });
  const color = join(outDir, 'color.png');
  const outline = join(outDir, 'outline.png');
  writeFileSync(color, drawColorIcon());
  writeFileSync(outline, drawOutlineIcon());
  return { color, outline };
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..', 'manifest'));
  const written = drawIcons(outDir);
  console.log(`wrote ${written.color} and ${written.outline}`);
}
