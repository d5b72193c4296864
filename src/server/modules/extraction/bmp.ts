import { Invalid } from '../../lib/errors';

/**
 * A small decoder for uncompressed Windows bitmaps (24 and 32 bits, and 8-bit with a palette),
 * which sharp does not read. Returns RGB pixels, top row first.
 */
export function decodeBmp(
  bytes: Uint8Array,
  maxPixels: number,
): { data: Buffer; width: number; height: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 54) throw new Invalid('This BMP file is truncated.');
  const dataOffset = buf.readUInt32LE(10);
  const headerSize = buf.readUInt32LE(14);
  if (headerSize < 40)
    throw new Invalid('This BMP format (OS/2 bitmap) is not supported; save it as PNG or JPEG.');
  const width = buf.readInt32LE(18);
  const rawHeight = buf.readInt32LE(22);
  const bits = buf.readUInt16LE(28);
  const compression = buf.readUInt32LE(30);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0) throw new Invalid('This BMP file has no pixels.');
  if (width * height > maxPixels) {
    throw new Invalid(`This image is ${width} x ${height} pixels, too large to read.`);
  }
  if (compression !== 0 && !(compression === 3 && bits === 32)) {
    throw new Invalid('This BMP file is compressed in a way Docket cannot read; save it as PNG or JPEG.');
  }
  if (bits !== 24 && bits !== 32 && bits !== 8) {
    throw new Invalid(`${bits}-bit BMP files are not supported; save it as PNG or JPEG.`);
  }
  const rowSize = Math.ceil((width * bits) / 32) * 4;
  if (dataOffset + rowSize * height > buf.length) throw new Invalid('This BMP file is truncated.');
  const paletteAt = 14 + headerSize;
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const srcRow = rawHeight > 0 ? height - 1 - y : y;
    const row = dataOffset + srcRow * rowSize;
    for (let x = 0; x < width; x++) {
      let b: number;
      let g: number;
      let r: number;
      if (bits === 8) {
        const index = buf[row + x] ?? 0;
        const p = paletteAt + index * 4;
        b = buf[p] ?? 0;
        g = buf[p + 1] ?? 0;
        r = buf[p + 2] ?? 0;
      } else {
        const p = row + x * (bits / 8);
        b = buf[p] ?? 0;
        g = buf[p + 1] ?? 0;
        r = buf[p + 2] ?? 0;
      }
      const o = (y * width + x) * 3;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
    }
  }
  return { data: out, width, height };
}
