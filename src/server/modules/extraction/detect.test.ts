import { describe, expect, it } from 'vitest';
import { detectKind } from './detect';
import { htmlToText } from './html';

const b = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectKind', () => {
  it.each([
    ['pdf', b('%PDF-1.7\n')],
    ['pdf', b('junk before header %PDF-1.4')],
    ['jpeg', b([0xff, 0xd8, 0xff, 0xe1])],
    ['png', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['gif', b('GIF89a')],
    ['tiff', b([0x49, 0x49, 0x2a, 0x00])],
    ['webp', b('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['heic', b([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic')],
    ['avif', b([0, 0, 0, 24], 'ftypavif', [0, 0, 0, 0], 'mif1avif')],
    ['bmp', b('BM', new Array<number>(12).fill(0), [40, 0, 0, 0], new Array<number>(20).fill(0))],
    ['xml', b('<?xml version="1.0"?><Invoice/>')],
    ['html', b('<!DOCTYPE html><html><body>Hi</body></html>')],
    ['text', b('hello')],
    ['unknown', b([0, 1, 2, 3, 0, 0])],
  ])('when the bytes are %s, then the kind is detected from them', (kind, bytes) => {
    expect(detectKind(bytes)).toBe(kind);
  });

  it('when a BMP header has an unknown DIB size, then it is not taken for a bitmap', () => {
    expect(
      detectKind(b('BM', new Array<number>(12).fill(0), [99, 0, 0, 0], new Array<number>(20).fill(0))),
    ).toBe('unknown');
  });
});

describe('htmlToText', () => {
  it('when an email body has scripts, styles, blocks, cells and entities, then only readable lines remain', () => {
    const html =
      '<html><head><style>p{}</style></head><body><script>x()</script><p>Thanks for your order&nbsp;!</p>' +
      '<table><tr><td>Total</td><td>&euro;12,50</td></tr></table><div>Caf&eacute; &amp; Co<br>Ref&#58; 42</div></body></html>';
    expect(htmlToText(html)).toBe('Thanks for your order !\nTotal €12,50\nCafé & Co\nRef: 42');
  });
});
