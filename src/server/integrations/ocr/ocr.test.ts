import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTesseractCliEngine,
  createTesseractJsEngine,
  findTesseractCli,
  parseOsd,
  parseTesseractTsv,
} from './index';

async function receiptImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="260">
    <rect width="100%" height="100%" fill="white"/>
    <text x="40" y="90" font-family="DejaVu Sans Mono, monospace" font-size="44">CORNER CAFE LTD</text>
    <text x="40" y="190" font-family="DejaVu Sans Mono, monospace" font-size="44">TOTAL 12.50</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('tesseract output parsing', () => {
  it('when TSV rows are at word level, then words get boxes and confidences in [0,1]', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t10\t10\t200\t30\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t10\t80\t30\t96.5\tTOTAL',
      '5\t1\t1\t1\t1\t2\t100\t10\t60\t30\t91\t12.50',
    ].join('\n');
    expect(parseTesseractTsv(tsv).words).toEqual([
      { text: 'TOTAL', box: [10, 10, 90, 40], confidence: 0.965 },
      { text: '12.50', box: [100, 10, 160, 40], confidence: 0.91 },
    ]);
  });

  it('when OSD reports a rotation, then degrees and confidence are read', () => {
    expect(
      parseOsd('Page number: 0\nOrientation in degrees: 90\nRotate: 270\nOrientation confidence: 7.41'),
    ).toEqual({
      degrees: 270,
      confidence: 7.41,
    });
  });
});

describe('OCR engines', () => {
  const js = createTesseractJsEngine();
  afterAll(async () => {
    await js.close();
  });

  it('when tesseract.js reads a clean receipt line twice, then the warm worker returns the words both times', async () => {
    const image = await receiptImage();
    const first = await js.recognize(image, { psm: 6 });
    const second = await js.recognize(image, { psm: 6 });
    for (const page of [first, second])
      expect(page.words.map((w) => w.text).join(' ')).toMatch(/TOTAL 12\.50/);
  });

  const cli = findTesseractCli();
  it.skipIf(!cli)('when the tesseract CLI is installed, then it reads the same words', async () => {
    const engine = createTesseractCliEngine(cli ?? 'tesseract');
    const page = await engine.recognize(await receiptImage(), { psm: 6 });
    expect(page.words.map((w) => w.text).join(' ')).toMatch(/TOTAL 12\.50/);
    expect(page.confidence).toBeGreaterThan(0.5);
  });
});
