import { describe, expect, it } from 'vitest';
import { estimateSlope, groupLines } from './lines';
import type { Word } from './words';

const w = (text: string, x0: number, y0: number, x1: number, y1: number, page = 1): Word => ({
  text,
  box: [x0, y0, x1, y1],
  page,
});

describe('groupLines', () => {
  it('when words share a vertical band, then they form one line read left to right', () => {
    const lines = groupLines([
      w('9.00', 412, 639, 442, 654),
      w('TOTAL:', 245, 639, 293, 658),
      w('CASH', 205, 744, 243, 765),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['TOTAL: 9.00', 'CASH']);
  });

  it('when rows are skewed, then labels still meet their values', () => {
    const words = [
      w('SUB TOTAL', 210, 858, 339, 886),
      w('RM', 513, 870, 546, 898),
      w('15.00', 618, 878, 689, 914),
      w('DISCOUNT', 210, 895, 329, 923),
      w('RM', 512, 905, 546, 934),
      w('0.00', 628, 916, 690, 952),
      w('GST 6%', 202, 1001, 298, 1030),
      w('RM', 499, 1012, 534, 1044),
      w('0.00', 625, 1024, 690, 1061),
    ];
    expect(estimateSlope(words)).toBeGreaterThan(0.02);
    expect(groupLines(words).map((l) => l.text)).toEqual([
      'SUB TOTAL RM 15.00',
      'DISCOUNT RM 0.00',
      'GST 6% RM 0.00',
    ]);
  });

  it('when words are on different pages, then they never share a line', () => {
    const lines = groupLines([w('A', 0, 0, 10, 10, 1), w('B', 20, 0, 30, 10, 2)]);
    expect(lines.map((l) => [l.page, l.text])).toEqual([
      [1, 'A'],
      [2, 'B'],
    ]);
  });
});
