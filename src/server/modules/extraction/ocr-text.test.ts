import { describe, expect, it } from 'vitest';
import { repairDate, repairDigits, repairOcrWords } from './ocr-text';
import type { Word } from './words';

describe('repairDigits', () => {
  it.each([
    ['2O18-03-25', '2018-03-25'],
    ['l5/03/2018', '15/03/2018'],
    ['RM8.O0', 'RM8.00'],
    ['$1B.20', '$18.20'],
    ['TOTAL', 'TOTAL'],
    ['SDN BHD', 'SDN BHD'],
    ['IOI', 'IOI'],
    ['B2B', 'B2B'],
  ])('when OCR read "%s", then it becomes "%s"', (raw, fixed) => {
    expect(repairDigits(raw)).toBe(fixed);
  });
});

describe('repairOcrWords', () => {
  const word = (text: string, x0: number, x1: number, y0 = 100): Word => ({
    text,
    box: [x0, y0, x1, y0 + 40],
    page: 1,
    confidence: 0.9,
  });

  it('when Tesseract splits an amount at its decimal point with overlapping boxes, then it is one word', () => {
    // Real shape from a receipt: "62." boxed over the "80" that follows it.
    const out = repairOcrWords([word('TOTAL', 50, 170), word('62.', 1008, 1141), word('80', 1097, 1144)]);
    expect(out.map((w) => w.text)).toEqual(['TOTAL', '62.80']);
    expect(out[1]?.box).toEqual([1008, 100, 1144, 140]);
  });

  it('when the cents stand a little apart after "RM4,", then they are joined', () => {
    const out = repairOcrWords([word('Paid', 0, 80), word('RM4,', 300, 380), word('00', 395, 430)]);
    expect(out.map((w) => w.text)).toEqual(['Paid', 'RM4,00']);
  });

  it('when the next word is far away, on another line, or not two digits, then nothing is joined', () => {
    expect(repairOcrWords([word('12.', 0, 60), word('50', 400, 440)]).map((w) => w.text)).toEqual([
      '12.',
      '50',
    ]);
    expect(repairOcrWords([word('12.', 0, 60), word('50', 70, 110, 200)]).map((w) => w.text)).toEqual([
      '12.',
      '50',
    ]);
    expect(repairOcrWords([word('NO.', 0, 60), word('12', 70, 110)]).map((w) => w.text)).toEqual([
      'NO.',
      '12',
    ]);
    expect(repairOcrWords([word('3,', 0, 40), word('5', 50, 70)]).map((w) => w.text)).toEqual(['3,', '5']);
    expect(repairOcrWords([word('3.', 0, 40), word('125', 50, 110)]).map((w) => w.text)).toEqual([
      '3.',
      '125',
    ]);
  });
});

describe('repairDate', () => {
  it.each([
    ['22/03/2078', '22/03/2018'],
    ['08/09/2817', '08/09/2017'],
    ['2078-04-20', '2018-04-20'],
    ['14/dun/2017', '14/JUN/2017'],
    ['25/12/2018', '25/12/2018'],
    ['25/12/2026', '25/12/2026'],
    ['12/01/2099', '12/01/2009'],
    ['14/XYZ/2017', '14/XYZ/2017'],
    ['TOTAL', 'TOTAL'],
  ])('when OCR read "%s" in 2026, then it becomes "%s"', (raw, fixed) => {
    expect(repairDate(raw, 2026)).toBe(fixed);
  });

  it('when more than one swap gives a possible year, then the year is left alone', () => {
    // 2028 in 2026 could be 2020, 2023 or 2026.
    expect(repairDate('01/01/2028', 2026)).toBe('01/01/2028');
  });

  it('when repairOcrWords runs, then dates inside words are repaired too', () => {
    expect(repairOcrWords([{ text: '20/04/2O78', box: [0, 0, 100, 20], page: 1 }])[0]?.text).toBe(
      '20/04/2018',
    );
  });
});

describe('joinSplitDecimals, lost point', () => {
  const word = (text: string, x0: number, x1: number): Word => ({ text, box: [x0, 100, x1, 140], page: 1 });

  it('when the point between units and cents was lost after "RM", then the amount gets its point back', () => {
    const out = repairOcrWords([word('RM', 500, 560), word('64', 600, 650), word('13', 690, 740)]);
    expect(out.map((w) => w.text)).toEqual(['RM', '64.13']);
  });

  it('when two numbers stand side by side without a currency before them, then they stay apart', () => {
    const out = repairOcrWords([word('Qty', 500, 560), word('64', 600, 650), word('13', 690, 740)]);
    expect(out.map((w) => w.text)).toEqual(['Qty', '64', '13']);
  });
});

describe('joinSplitDates', () => {
  const word = (text: string, x0: number, x1: number): Word => ({ text, box: [x0, 100, x1, 142], page: 1 });

  it('when OCR lost the first hyphen of a date, then the date is one word again', () => {
    // Real shape from a receipt: "05" and "02-18" 28 px apart on a 42 px line.
    const out = repairOcrWords([word('548817', 517, 657), word('05', 876, 920), word('02-18', 948, 1066)]);
    expect(out.map((w) => w.text)).toEqual(['548817', '05-02-18']);
  });

  it('when the first number cannot be a day or month, or stands far away, then nothing is joined', () => {
    expect(repairOcrWords([word('45', 876, 920), word('02-18', 948, 1066)]).map((w) => w.text)).toEqual([
      '45',
      '02-18',
    ]);
    expect(repairOcrWords([word('05', 600, 644), word('02-18', 948, 1066)]).map((w) => w.text)).toEqual([
      '05',
      '02-18',
    ]);
  });
});
