import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimal,
  decimalsClose,
  fromMinor,
  multiplyDecimal,
  normaliseDecimal,
  parseDecimal,
  percentOf,
  subtractDecimal,
  toMinor,
} from './money';

describe('money', () => {
  it('when a decimal string is converted to minor units, then the currency exponent is used', () => {
    expect(toMinor('12.5', 'EUR')).toBe(1250n);
    expect(toMinor('1000', 'JPY')).toBe(1000n);
    expect(toMinor('1.234', 'KWD')).toBe(1234n);
    expect(toMinor('-0.01', 'GBP')).toBe(-1n);
    expect(fromMinor(1250n, 'EUR')).toBe('12.50');
    expect(fromMinor(-5n, 'USD')).toBe('-0.05');
    expect(fromMinor(7n, 'JPY')).toBe('7');
  });

  it('when a value has more digits than the scale, then it rounds half away from zero', () => {
    expect(parseDecimal('2.345', 2)).toBe(235n);
    expect(parseDecimal('-2.345', 2)).toBe(-235n);
    expect(parseDecimal('2.344', 2)).toBe(234n);
  });

  it('when the input is not a plain decimal, then parsing returns null and arithmetic throws', () => {
    expect(parseDecimal('1,000.00', 2)).toBeNull();
    expect(parseDecimal('abc', 2)).toBeNull();
    expect(toMinor('', 'GBP')).toBeNull();
    expect(() => addDecimals(['1', 'x'])).toThrow(RangeError);
  });

  it('when decimals are added, subtracted and compared, then results are exact (no float drift)', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.30');
    expect(addDecimals(['10.005', '0.005'])).toBe('10.010');
    expect(subtractDecimal('100', '0.01')).toBe('99.99');
    expect(compareDecimal('1.10', '1.1')).toBe(0);
    expect(compareDecimal('-1', '0')).toBe(-1);
    expect(normaliseDecimal('7.5')).toBe('7.50');
    expect(decimalsClose('10.00', '10.02', '0.02')).toBe(true);
    expect(decimalsClose('10.00', '10.03', '0.02')).toBe(false);
  });

  it('when multiplying and taking percentages, then the result is rounded to the scale', () => {
    expect(multiplyDecimal('3', '1.335')).toBe('4.01');
    expect(multiplyDecimal('2.5', '4.10')).toBe('10.25');
    expect(percentOf('100.00', '20')).toBe('20.00');
    expect(percentOf('19.99', '7.5')).toBe('1.50');
  });
});
