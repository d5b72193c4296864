import { describe, expect, it } from 'vitest';
import { Invalid } from '../../lib/errors';
import { looksLikeWordsFile, readJsonWords, readSroieBoxes, splitSegment } from './words';

describe('readSroieBoxes', () => {
  it('when a transcript contains commas, then only the first eight commas split the line', () => {
    const [word] = readSroieBoxes('110,144,383,144,383,163,110,163,NO.53 55,57 & 59, JALAN SAGU 18,\r\n');
    expect(word).toEqual({ text: 'NO.53 55,57 & 59, JALAN SAGU 18,', box: [110, 144, 383, 163], page: 1 });
  });

  it('when the quad is rotated, then the box is its bounding box', () => {
    const [word] = readSroieBoxes('10,20,50,18,52,40,12,42,TOTAL');
    expect(word?.box).toEqual([10, 18, 52, 42]);
  });

  it('when a line does not start with eight numbers, then the file is refused with the line number', () => {
    expect(() => readSroieBoxes('1,2,3,4,5,6,7,8,OK\nhello,world,1,2,3,4,5,6,7')).toThrow(Invalid);
    expect(() => readSroieBoxes('1,2,3\n')).toThrow(/Line 1/);
  });
});

describe('readJsonWords', () => {
  it('when boxes are given as [x0,y0,x1,y1], then words keep them (normalised) on page 1 by default', () => {
    const words = readJsonWords(
      '[{"text":"TOTAL","box":[10,5,60,20]},{"text":" ","box":[0,0,1,1]},{"text":"9.00","box":[90,20,70,5],"page":2}]',
    );
    expect(words).toEqual([
      { text: 'TOTAL', box: [10, 5, 60, 20], page: 1 },
      { text: '9.00', box: [70, 5, 90, 20], page: 2 },
    ]);
  });

  it('when the JSON is malformed or has the wrong shape, then it is refused with a reason', () => {
    expect(() => readJsonWords('[{"text":')).toThrow(/not valid JSON/);
    expect(() => readJsonWords('[{"text":"a","box":[1,2]}]')).toThrow(/JSON array of/);
  });
});

describe('words helpers', () => {
  it('when a segment has several words, then each gets a share of the box', () => {
    const parts = splitSegment({ text: 'AB CD', box: [0, 0, 50, 10], page: 1 });
    expect(parts.map((p) => p.text)).toEqual(['AB', 'CD']);
    expect(parts[1]?.box[0]).toBeGreaterThan(parts[0]?.box[2] ?? Infinity);
  });

  it('when content is SROIE or JSON words, then it is recognised as a words file', () => {
    expect(looksLikeWordsFile('72,25,326,25,326,64,72,64,TAN WOON YANN')).toBe(true);
    expect(looksLikeWordsFile('[{"text":"a","box":[0,0,1,1]}]')).toBe(true);
    expect(looksLikeWordsFile('hello world')).toBe(false);
  });
});
