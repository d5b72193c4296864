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

  it('when the total line is unreadable, then an amount before tax plus its tax printed further down is the total', () => {
    const lines = [
      'Gross Amount : 40.00',
      'Total GST Amt : 2.40',
      'Sub Total : 42.40',
      'Rounding Adj. : aD',
      'Total (RM): aay',
    ];
    expect(read(lines.join('\n')).total).toBe('42.40');
    // A readable total still wins.
    expect(read([...lines.slice(0, 4), 'Total (RM): 42.40'].join('\n')).total).toBe('42.40');
    expect(read(['Gross Amount : 40.00', 'Total GST Amt : 2.40', 'Total (RM): 42.40'].join('\n')).total).toBe(
      '42.40',
    );
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

/** OCR'd words laid out on lines 40 px apart, each word's box from its position; confidence per word. */
function ocrRead(rows: readonly (readonly (readonly [string, number])[])[]) {
  const words = rows.flatMap((row, i) => {
    let x = 10;
    return row.map(([text, confidence]) => {
      const box: [number, number, number, number] = [x, 10 + i * 40, x + text.length * 14, 40 + i * 40];
      x = box[2] + 14;
      return { text, box, page: 1, confidence };
    });
  });
  return extractFields({ file: 't', source: 'ocr', pageCount: 1, words }, { country: 'MY' });
}

describe('total arithmetic on OCR readings', () => {
  it('when a doubtful total is one digit off cash minus change, then cash minus change is the total', () => {
    const r = ocrRead([
      [
        ['Parking', 0.95],
        ['Fee', 0.95],
        ['RM4.00', 0.93],
      ],
      [
        ['Total', 0.96],
        ['14.00', 0.62],
      ],
      [
        ['Paid', 0.95],
        ['RM4.00', 0.94],
      ],
      [
        ['Change', 0.95],
        ['RM0.00', 0.94],
      ],
    ]);
    expect(r.total).toBe('4.00');
  });

  it('when a doubtful total is one digit off net plus tax, then the sum is taken and rounded below', () => {
    const r = ocrRead([
      [
        ['Total', 0.95],
        ['(Excluding', 0.9],
        ['GST):', 0.9],
        ['62.00', 0.95],
      ],
      [
        ['GST', 0.95],
        ['6%', 0.9],
        ['3.72', 0.94],
      ],
      [
        ['Total', 0.95],
        ['(Inclusive', 0.9],
        ['of', 0.9],
        ['GST):', 0.9],
        ['85.72', 0.55],
      ],
      [
        ['Rounding', 0.95],
        ['Adj:', 0.9],
        ['-0.02', 0.9],
      ],
      [
        ['TOTAL', 0.95],
        [':', 0.5],
        ['65.70', 0.93],
      ],
      [
        ['CASH', 0.95],
        [':', 0.5],
        ['65.70', 0.93],
      ],
    ]);
    expect(r.total).toBe('65.70');
  });

  it('when a "$" glued to the total makes it disagree with cash minus change, then it is read as a 5', () => {
    const r = ocrRead([
      [
        ['TOTAL', 0.95],
        ['$3.14', 0.6],
      ],
      [
        ['CASH', 0.95],
        ['60.00', 0.95],
      ],
      [
        ['CHANGE', 0.95],
        ['6.86', 0.95],
      ],
    ]);
    expect(r.total).toBe('53.14');
  });

  it('when two total lines read the same amount, then a misread change does not move it', () => {
    const r = ocrRead([
      [
        ['Total', 0.9],
        ['with', 0.9],
        ['GST', 0.9],
        ['12,00', 0.8],
      ],
      [
        ['TOTAL', 0.95],
        ['12,00', 0.7],
      ],
      [
        ['Cash', 0.95],
        ['50,00', 0.95],
      ],
      [
        ['CHANGE', 0.95],
        ['36.00', 0.7],
      ],
    ]);
    expect(r.total).toBe('12.00');
  });

  it('when the words carry no OCR confidence (a text layer), then the printed total is kept', () => {
    const r = read(['TOTAL 14.00', 'PAID RM4.00', 'CHANGE RM0.00'].join('\n'));
    expect(r.total).toBe('14.00');
  });

  it('when the rounding line amount is unreadable, then the amount on the 0.05 grid just below the total is the total', () => {
    const r = read(
      [
        'Sub-total 127.37',
        'Total Sales Incl GST 127.37',
        'Rounding Adj ~(),02',
        'Total After Adj Incl GST 127.35',
        'GST Summary Amount Tax',
        'Total 127.37 0.00',
      ].join('\n'),
    );
    expect(r.total).toBe('127.35');
  });

  it('when OCR reads "Tota)" or "jotal", then the line still counts as a total', () => {
    expect(read(['ITEM 12.00', 'DISCOUNT -3.00', 'Tota) (Inclusive of GST): 9.00'].join('\n')).total).toBe(
      '9.00',
    );
    expect(read(['ITEM 90.10', 'DISCOUNT -5.00', 'jotal Due 85.10'].join('\n')).total).toBe('85.10');
  });

  it('when OCR reads "Cnange", then it is still the change and cash minus change confirms the total', () => {
    const r = read(['TOTAL 127.37', 'TOTAL AFTER ADJ 127.35', 'CASH 150.00', 'Cnange Amt 22.65'].join('\n'));
    expect(r.total).toBe('127.35');
  });
});

describe('date on OCR readings', () => {
  it('when a doubtful date is one look-alike digit off a date embedded in a long document number, then that date wins', () => {
    const rows = (dateConfidence: number) =>
      ocrRead([
        [
          ['TOTAL', 0.95],
          ['127.35', 0.95],
        ],
        [
          ['Invoice', 0.95],
          ['No:', 0.95],
          ['2018061010100170023', 0.9],
        ],
        [
          ['10/08/2018', dateConfidence],
          ['13:04', 0.9],
        ],
      ]);
    expect(rows(0.7).date).toBe('2018-06-10');
    // Read confidently, the printed date stands.
    expect(rows(0.95).date).toBe('2018-08-10');
  });

  it('when the long number embeds no date one digit away, then the printed date stands', () => {
    const r = ocrRead([
      [
        ['Invoice', 0.95],
        ['No:', 0.95],
        ['2017011510100170023', 0.9],
      ],
      [
        ['10/08/2018', 0.7],
        ['13:04', 0.9],
      ],
    ]);
    expect(r.date).toBe('2018-08-10');
  });
});
