import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  createTesseractCliEngine,
  findTesseractCli,
  type OcrEngine,
  type OcrWord,
} from '../../integrations/ocr';
import {
  darkestNeighbour,
  normaliseImage,
  ocrImage,
  rereadNumberLines,
  thickenStrokes,
  voteWords,
} from './image';

const word = (text: string, x0: number, y0: number, confidence = 0.9): OcrWord => ({
  text,
  box: [x0, y0, x0 + 100, y0 + 40],
  confidence,
});

describe('darkestNeighbour', () => {
  it('when one dark pixel sits on white paper, then it grows into a 3 x 3 square', () => {
    const img = new Uint8Array(25).fill(255);
    img[12] = 10; // centre of 5 x 5
    const out = darkestNeighbour(img, 5, 5);
    const dark = [...out.keys()].filter((i) => out[i] === 10);
    expect(dark).toEqual([6, 7, 8, 11, 12, 13, 16, 17, 18]);
    expect(out[0]).toBe(255);
  });

  it('when a stroke has a one-pixel gap, then the gap is closed', () => {
    // A horizontal row: dark, dark, white, dark, dark.
    const img = Uint8Array.from([0, 0, 255, 0, 0]);
    expect([...darkestNeighbour(img, 5, 1)]).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('voteWords', () => {
  it('when the second and third readings agree on another text, then the majority wins', () => {
    const out = voteWords(
      [word('17-04-14', 100, 500)],
      [word('17-04-16', 102, 501)],
      [word('17-04-16', 99, 499)],
    );
    expect(out.map((w) => w.text)).toEqual(['17-04-16']);
    expect(out[0]?.box).toEqual([100, 500, 200, 540]);
  });

  it('when the other readings disagree, or read nothing there, then the first reading stays', () => {
    expect(
      voteWords([word('9.60', 100, 500)], [word('9.00', 100, 500)], [word('9.80', 100, 500)]).map(
        (w) => w.text,
      ),
    ).toEqual(['9.60']);
    expect(voteWords([word('9.60', 100, 500)], [word('9.00', 100, 500)], []).map((w) => w.text)).toEqual([
      '9.60',
    ]);
    expect(
      voteWords([word('9.60', 100, 500)], [word('9.00', 600, 500)], [word('9.00', 600, 500)]).map(
        (w) => w.text,
      ),
    ).toEqual(['9.60']);
  });
});

describe('rereadNumberLines', () => {
  it('when lines with digits are stacked and read again, then the words come back at their own places', async () => {
    // A fake engine that reads the stacked image as it is: it reports where the dark rows are.
    const seen: { width: number; height: number }[] = [];
    const engine: OcrEngine = {
      name: 'tesseract-cli',
      async recognize(image) {
        const meta = await sharp(image).metadata();
        seen.push({ width: meta.width, height: meta.height });
        // Both extra readings say "12.50" where the stack holds the only line: 24 px gap, then the band.
        return {
          words: [{ text: '12.50', box: [300, 24 + 20, 400, 24 + 60], confidence: 0.95 }],
          confidence: 0.95,
        };
      },
      async detectRotation() {
        return null;
      },
      async close() {},
    };
    const page = await sharp({ create: { width: 600, height: 1000, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    // The line's band is 20 px of padding above and below a 40 px word at y = 500.
    const first = [
      word('TOTAL', 50, 500),
      { ...word('12.SO', 300, 500), confidence: 0.4 },
      word('THANK', 50, 800),
    ];
    const out = await rereadNumberLines(page, first, engine);
    expect(out.map((w) => w.text)).toEqual(['TOTAL', '12.50', 'THANK']);
    expect(out[1]?.box).toEqual([300, 500, 400, 540]);
    // Only the one number line (80 px) plus two gaps was read again, twice.
    expect(seen).toEqual([
      { width: 600, height: 128 },
      { width: 600, height: 128 },
    ]);
  });
});

const cli = findTesseractCli();

describe.skipIf(!cli)('OCR of hard receipt images (tesseract CLI)', () => {
  const engine = createTesseractCliEngine(cli ?? 'tesseract');

  async function render(svgBody: string, width: number, height: number): Promise<Buffer> {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <rect width="100%" height="100%" fill="white"/>${svgBody}</svg>`;
    return sharp(Buffer.from(svg)).png().toBuffer();
  }

  it('when a faint, low-contrast, slightly turned receipt is read, then its total and date come out', async () => {
    const body = `<g transform="rotate(2 300 200)" fill="#b8b8b8" font-family="DejaVu Sans Mono, monospace" font-size="22">
      <text x="30" y="60">CORNER CAFE SDN BHD</text>
      <text x="30" y="120">DATE: 17-04-2016</text>
      <text x="30" y="180">2 X COFFEE      9.00</text>
      <text x="30" y="240">TOTAL RM       18.50</text>
    </g>`;
    const jpeg = await sharp(await render(body, 460, 300))
      .blur(0.6)
      .jpeg({ quality: 60 })
      .toBuffer();
    const png = await normaliseImage(jpeg, 'jpeg');
    const result = await ocrImage(png, 1, engine);
    const text = result.words.map((w) => w.text).join(' ');
    expect(text).toMatch(/18\.50/);
    expect(text).toMatch(/17-04-2016/);
  }, 60_000);

  it('when local binarisation is asked for, then the CLI still reads the words', async () => {
    const png = await render(
      '<text x="30" y="60" font-family="DejaVu Sans Mono, monospace" font-size="40">TOTAL 12.50</text>',
      500,
      100,
    );
    const page = await engine.recognize(png, { psm: 6, binarisation: 'local' });
    expect(page.words.map((w) => w.text).join(' ')).toMatch(/TOTAL 12\.50/);
  });

  it('when strokes are thickened, then dark text grows and white paper stays white', async () => {
    const png = await render('<rect x="50" y="20" width="2" height="40" fill="black"/>', 100, 80);
    const thick = await thickenStrokes(png);
    const { data, info } = await sharp(thick).greyscale().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number): number => data[y * info.width + x] ?? -1;
    expect(at(49, 40)).toBeLessThan(64);
    expect(at(52, 40)).toBeLessThan(64);
    expect(at(10, 10)).toBe(255);
  });
});
