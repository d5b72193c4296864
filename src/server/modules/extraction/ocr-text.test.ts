import { describe, expect, it } from 'vitest';
import { repairDigits } from './ocr-text';

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
