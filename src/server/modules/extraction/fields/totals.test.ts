import { describe, expect, it } from 'vitest';
import { extractFields } from '../extract-fields';
import { linesFromText } from '../lines';

function read(text: string, country = 'MY') {
  return extractFields({ file: 't', source: 'words', pageCount: 1, lines: linesFromText(text) }, { country });
}

describe('total selection', () => {
  it('when a rounding adjustment follows the total, then the rounded amount is the total', () => {
    const r = read(
      [
        'TOTAL AMT ..... RM 60.31',
        'ROUNDING ADJ ..... -0.01',
        'RM 60.30',
        'CASH ..... RM 70.30',
        'CHANGE ..... RM 10.00',
      ].join('\n'),
    );
    expect(r.total).toBe('60.30');
  });

  it('when subtotal, tax and total are printed, then the total is the gross and net + tax = total', () => {
    const r = read(
      ['SUBTOTAL 100.00', 'VAT 20% 20.00', 'TOTAL 120.00', 'CASH 150.00', 'CHANGE 30.00'].join('\n'),
      'GB',
    );
    expect([r.net, r.tax, r.total]).toEqual(['100.00', '20.00', '120.00']);
    expect(r.warnings).toEqual([]);
  });

  it('when cash and change are larger than the total, then neither is taken as the total', () => {
    const r = read(['ITEM A 3.50', 'ITEM B 5.00', 'TOTAL 8.50', 'CASH 50.00', 'CHANGE 41.50'].join('\n'));
    expect(r.total).toBe('8.50');
  });

  it('when "total qty" and "grand total" both appear, then the grand total wins', () => {
    const r = read(['TOTAL QTY 2', 'TOTAL ITEMS 2.00', 'GRAND TOTAL 33.90'].join('\n'));
    expect(r.total).toBe('33.90');
  });

  it('when no label names a total, then the largest amount is taken with a warning and low confidence', () => {
    const r = read(['COFFEE 4.50', 'CAKE 6.00', '10.50'].join('\n'));
    expect(r.total).toBe('10.50');
    expect(r.confidence.total).toBeLessThan(0.5);
    expect(r.warnings.join(' ')).toMatch(/largest amount/);
  });

  it('when net plus tax does not make the total, then a warning says so', () => {
    const r = read(['SUBTOTAL 100.00', 'VAT 20.00', 'TOTAL 125.00'].join('\n'), 'GB');
    expect(r.warnings.join(' ')).toMatch(/does not equal the total/);
  });
});
