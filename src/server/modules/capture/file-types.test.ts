import { Zip, ZipDeflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffKind } from './file-types';
import { checkImage, unzipWithLimits } from './unpack';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('file types from bytes', () => {
  it('when bytes carry a known signature, then the type follows the bytes whatever the name', () => {
    expect(sniffKind(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('zip');
    expect(sniffKind(bytes('<?xml version="1.0"?><Invoice/>'))).toBe('xml');
    expect(sniffKind(bytes('<html><body>Total 3.00</body></html>'))).toBe('html');
    expect(sniffKind(new Uint8Array([0x4d, 0x5a, 0x00, 0x01]))).toBe('unknown');
  });

  it('when a file name has folders or control characters, then only a clean base name is kept', () => {
    expect(cleanFileName('../../etc/pass\u0007wd', 'x')).toBe('passwd');
    expect(cleanFileName(undefined, 'document-1')).toBe('document-1');
  });
});

describe('ZIP limits', () => {
  it('when a ZIP unpacks to more than the limit (a zip bomb), then it is refused without unpacking it all', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const entry = new ZipDeflate('zeros.pdf', { level: 1 });
    zip.add(entry);
    const block = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 20; i++) entry.push(block);
    entry.push(new Uint8Array(0), true);
    zip.end();
    const bomb = Buffer.concat(chunks);
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    expect(() => unzipWithLimits(bomb, { zipEntries: 10, zipUnpackedBytes: 4 * 1024 * 1024 })).toThrow(
      /unpacks to more than 4 MB/,
    );
    expect(
      unzipWithLimits(bomb, { zipEntries: 10, zipUnpackedBytes: 32 * 1024 * 1024 })[0]?.bytes.byteLength,
    ).toBe(20 * 1024 * 1024);
  });
});

describe('image limits', () => {
  const bmpHeader = (width: number, height: number) => {
    const b = new Uint8Array(54);
    const v = new DataView(b.buffer);
    b[0] = 0x42;
    b[1] = 0x4d;
    v.setUint32(14, 40, true);
    v.setInt32(18, width, true);
    v.setInt32(22, height, true);
    return b;
  };
  it('when a BMP (which sharp cannot read) arrives, then its size is checked from the header', async () => {
    await expect(checkImage(bmpHeader(800, 600))).resolves.toBeUndefined();
    await expect(checkImage(bmpHeader(100_000, 100_000))).rejects.toThrow(
      /too large \(100000 × 100000 pixels\)/,
    );
  });
});
