import { describe, expect, it } from 'vitest';
import { findAmounts, parseAmount, parseNumber } from './amounts';

describe('parseAmount', () => {
  it.each([
    ['9.00', '9.00'],
    ['RM9.00', '9.00'],
    ['RM 1,234.50', '1234.50'],
    ['$ 4.11', '4.11'],
    ['€56,02', '56.02'],
    ['56,02 €', '56.02'],
    ['1.234,56', '1234.56'],
    ['1,234', '1234.00'],
    ['12', '12.00'],
    ['-0.01', '-0.01'],
    ['(5.00)', '-5.00'],
    ['5.00-', '-5.00'],
    ['9.000', '9.000'],
  ])('when the printed amount is "%s", then it reads %s', (raw, expected) => {
    expect(parseAmount(raw)).toBe(expected);
  });

  it('when the text is not a number, then it reads null', () => {
    expect(parseAmount('TOTAL')).toBeNull();
    expect(parseNumber('1.2.3')).toBeNull();
  });
});

describe('findAmounts', () => {
  it('when a line holds a date, a time and a phone number, then none of them is an amount', () => {
    expect(findAmounts('25/12/2018 8:13:39 PM TEL:07-3507405').map((a) => a.value)).toEqual([]);
  });

  it('when a label and an amount share a line, then the amount and its position are found', () => {
    const [a] = findAmounts('TOTAL AMT..... RM 60.31');
    expect(a?.value).toBe('60.31');
    expect(a?.currencyTouching).toBe(true);
    expect(a?.decimals).toBe(2);
  });

  it('when a dotted date is printed, then it is not read as an amount', () => {
    expect(findAmounts('12.01.2019').map((a) => a.value)).toEqual([]);
  });
});
