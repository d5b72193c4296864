import { describe, expect, it } from 'vitest';
import { extractFields } from '../extract-fields';
import type { Word } from '../words';

/**
 * Synthetic page layouts: each row is [y, cells], each cell [text, x0] or [text, x0, x1]. A word is 10
 * units high; without x1 it is 5 units per character, and a cell's words are split on spaces with one
 * space (5 units) between them, like a text layer.
 */
type Cell = readonly [string, number] | readonly [string, number, number];
type Row = readonly [number, readonly Cell[]];

function page(rows: readonly Row[], pageNumber = 1, confidence?: number): Word[] {
  const words: Word[] = [];
  for (const [y, cells] of rows) {
    for (const cell of cells) {
      const [text, x0] = cell;
      const width = cell[2] === undefined ? text.length * 5 : cell[2] - x0;
      const perChar = width / text.length;
      let cursor = 0;
      for (const part of text.split(' ')) {
        const start = x0 + cursor * perChar;
        const word: Word = {
          text: part,
          box: [start, y, start + part.length * perChar, y + 10],
          page: pageNumber,
        };
        if (confidence !== undefined) word.confidence = confidence;
        words.push(word);
        cursor += part.length + 1;
      }
    }
  }
  return words;
}

function read(words: Word[], options: { country?: string } = {}) {
  return extractFields({ file: 't', source: 'pdf-text', pageCount: 1, words }, options);
}

/** A right-aligned number ending at x1. */
const right = (text: string, x1: number): Cell => [text, x1 - text.length * 5, x1];

describe('item tables read by column position', () => {
  it('when the quantity column stands left of the description (German), then each row is read by column and runs over two pages', () => {
    const header: Row = [
      100,
      [
        ['Pos.', 40],
        ['Menge', 70],
        ['Beschreibung', 110],
        ['VK-Preis', 300],
        ['Zeilenbetrag', 360],
      ],
    ];
    const sub: Row = [
      112,
      [
        ['Ohne MwSt.', 300],
        ['Ohne MwSt.', 370],
      ],
    ];
    const words = [
      ...page([
        [20, [['Rechnung', 40]]],
        [40, [['Rechnungsnr. 30064', 40]]],
        [52, [['Rechnungsdatum 7. Mai 2014', 40]]],
        header,
        sub,
        [
          130,
          [['1', 40], right('2', 95), ['Hosting Paket 2010', 110], right('3,50', 340), right('7,00', 420)],
        ],
        [142, [['Grundgebühr pro Einheit', 110]]],
        [154, [['2', 40], right('1', 95), ['Domain', 110], right('5,39', 340), right('5,39', 420)]],
      ]),
      ...page(
        [
          header,
          sub,
          [130, [['3', 40], right('1', 95), ['Backup', 110], right('1,00', 340), right('1,00', 420)]],
          [160, [['Total EUR', 300], right('13,39', 420)]],
        ],
        2,
      ),
    ];
    const r = read(words);
    expect(r.lineItems.map((i) => [i.description, i.quantity, i.unitPrice, i.amount])).toEqual([
      ['Hosting Paket 2010 Grundgebühr pro Einheit', '2.00', '3.50', '7.00'],
      ['Domain', '1.00', '5.39', '5.39'],
      ['Backup', '1.00', '1.00', '1.00'],
    ]);
    // The columns say "without VAT" and the rows make the total: no VAT was charged.
    expect([r.net, r.tax, r.total]).toEqual(['13.39', '0.00', '13.39']);
    expect(r.warnings).toEqual([]);
  });

  it('when a section subtotal and a tax line sit inside the table, then they are not items and the items make the net', () => {
    const r = read(
      page([
        [
          100,
          [
            ['Description', 30],
            ['Quantity', 250],
            ['Unit Price', 330],
            ['Disc.%', 400],
            ['Taxes', 440],
            ['Amount', 525],
          ],
        ],
        [120, [['--- Non Food ---', 30]]],
        [
          140,
          [
            ['Office Chair', 30],
            ['1.00 Units', 252],
            right('70.00', 378),
            right('0.00', 433),
            ['15.00%', 439],
            ['$', 530],
            right('70.00', 563),
          ],
        ],
        [160, [['Subtotal', 480], ['$', 523], right('70.00', 563)]],
        [
          180,
          [
            ['Olive Oil', 30],
            ['1.00 L', 272],
            right('1.00', 378),
            right('10.00', 433),
            ['15.00%', 438],
            ['$', 535],
            right('0.90', 563),
          ],
        ],
        [192, [['Our olive oil comes in a glass jar', 30]]],
        [220, [['Subtotal', 310], ['$', 523], right('70.90', 563)]],
        [240, [['Tax 15% on $ 70.90', 310], ['$', 529], right('10.64', 563)]],
        [260, [['Total', 310], ['$', 523], right('81.54', 563)]],
      ]),
    );
    expect(r.lineItems.map((i) => [i.description, i.quantity, i.unitPrice, i.amount, i.taxRate])).toEqual([
      ['Office Chair', '1.00', '70.00', '70.00', '15'],
      ['Olive Oil Our olive oil comes in a glass jar', '1.00', '1.00', '0.90', '15'],
    ]);
    expect([r.net, r.tax, r.total, r.currency]).toEqual(['70.90', '10.64', '81.54', 'USD']);
    expect(r.taxLines).toEqual([{ rate: '15', category: null, net: '70.90', tax: '10.64' }]);
  });

  it('when prices include VAT (Dutch) and a line only shows a levy included above, then the levy is folded into that item and the items make the total', () => {
    const r = read(
      page([
        [
          100,
          [
            ['Artikel', 45],
            ['Aantal', 359],
            ['Prijs per stuk', 397],
            ['BTW', 470],
            ['Prijs incl. BTW', 486],
          ],
        ],
        [
          115,
          [
            ['Tablet 16 GB', 45],
            right('1', 386),
            ['€', 410],
            right('399,00', 450),
            ['21%', 473],
            ['€', 509],
            right('399,00', 549),
          ],
        ],
        [
          127,
          [
            ['Incl. Thuiskopieheffing €3.50', 57],
            right('1', 386),
            ['21%', 475],
            ['€', 519],
            right('4,24', 549),
          ],
        ],
        [
          142,
          [
            ['Hoes', 45],
            right('1', 386),
            ['€', 415],
            right('69,99', 450),
            ['21%', 473],
            ['€', 514],
            right('69,99', 549),
          ],
        ],
        [
          300,
          [
            ['Exclusief BTW', 62],
            ['€', 139],
            right('387,60', 179),
            ['Subtotaal', 426],
            ['€', 510],
            right('468,99', 550),
          ],
        ],
        [311, [['BTW 21%', 81], ['€', 144], right('81,39', 179)]],
        [322, [['Totaal', 437], ['€', 510], right('468,99', 550)]],
      ]),
    );
    expect(r.lineItems.map((i) => [i.amount, i.taxRate])).toEqual([
      ['399.00', '21'],
      ['69.99', '21'],
    ]);
    expect(r.lineItems[0]?.description).toBe('Tablet 16 GB (Incl. Thuiskopieheffing €3.50 4.24)');
    // "Exclusief BTW" names the net although it names the tax; "Subtotaal" on the same line is the gross.
    expect([r.net, r.tax, r.total, r.currency]).toEqual(['387.60', '81.39', '468.99', 'EUR']);
    expect(r.taxLines).toEqual([{ rate: '21', category: null, net: '387.60', tax: '81.39' }]);
  });

  it('when a French table has net, VAT and gross columns and no description label, then the amounts are the net ones', () => {
    const r = read(
      page([
        [80, [['Facture n°562044387 du 02 Juillet 2015', 40]]],
        [
          100,
          [
            ['Montant EUR HT', 297],
            ['Montant TVA', 402],
            ['Montant EUR TTC', 487],
          ],
        ],
        [
          115,
          [
            ['Abonnements, forfaits et options', 40],
            right('24.99', 364),
            right('5.00', 453),
            right('29.99', 559),
          ],
        ],
        [125, [['Communications', 40], right('0.00', 363), right('0.00', 453), right('0.00', 558)]],
        [141, [['Total facture', 40], right('24.99', 367), right('5.00', 455), right('29.99', 562)]],
        [155, [['TVA 20% payée sur les encaissements', 40], right('5.00', 453)]],
      ]),
    );
    expect(r.lineItems.map((i) => [i.description, i.amount, i.tax])).toEqual([
      ['Abonnements, forfaits et options', '24.99', '5.00'],
      ['Communications', '0.00', '0.00'],
    ]);
    expect([r.net, r.tax, r.total]).toEqual(['24.99', '5.00', '29.99']);
    expect(r.invoiceNumber).toBe('562044387');
  });

  it('when OCR misreads the subtotal label, then a short row that sums the rows above is not an item', () => {
    const r = read(
      page([
        [
          100,
          [
            ['Item', 45],
            ['Quantity', 367],
            ['Rate', 470],
            ['Amount', 533],
          ],
        ],
        [120, [['Service A', 45], right('12', 378), right('$10.00', 490), right('$120.00', 567)]],
        [136, [['Tax: 0.2%', 45]]],
        [160, [['Service B', 45], right('5', 373), right('$1.50', 491), right('$7.50', 567)]],
        [220, [['Subiotal:', 420], right('$127.50', 567)]],
        [242, [['Total:', 434], right('$127.50', 567)]],
      ]),
    );
    expect(r.lineItems.map((i) => [i.description, i.quantity, i.amount, i.taxRate])).toEqual([
      ['Service A', '12.00', '120.00', '0.2'],
      ['Service B', '5.00', '7.50', null],
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('items without a table header', () => {
  it('when a detail list of services with indented breakdowns adds up to the total, then the services are the items', () => {
    const r = read(
      page([
        [40, [['Summary', 40]]],
        [60, [['Service Charges', 50], right('$4.11', 573)]],
        [75, [['Charges', 60], right('$4.11', 573)]],
        [90, [['Credits', 60], right('$0.00', 573)]],
        [105, [['Total for this invoice', 40], right('$4.11', 573)]],
        [140, [['Detail', 40]]],
        [160, [['Data Transfer', 50], right('$0.01', 573)]],
        [175, [['Charges', 60], right('$0.01', 573)]],
        [190, [['VAT **', 60], right('$0.00', 573)]],
        [205, [['Compute Cloud', 50], right('$1.87', 573)]],
        [220, [['Charges', 60], right('$1.87', 573)]],
        [235, [['Cold Storage', 50], right('$2.23', 573)]],
        [250, [['Charges', 60], right('$2.23', 573)]],
      ]),
    );
    expect(r.lineItems.map((i) => [i.description, i.amount])).toEqual([
      ['Data Transfer', '0.01'],
      ['Compute Cloud', '1.87'],
      ['Cold Storage', '2.23'],
    ]);
  });

  it('when listed amounts do not add up to the net or total, then no items are claimed', () => {
    const r = read(
      page([
        [60, [['Opening balance', 50], right('$10.00', 573)]],
        [75, [['Payment received', 50], right('$3.00', 573)]],
        [105, [['Total', 40], right('$4.11', 573)]],
      ]),
    );
    expect(r.lineItems).toEqual([]);
  });
});

describe('VAT summary and tax lines', () => {
  it('when only a VAT summary table (Dutch) gives the tax, then tax, net and the tax line come from it', () => {
    const r = read(
      page([
        [60, [['Factuur totaal EUR', 411], right('49,99', 548)]],
        [
          100,
          [
            ['BTW %', 348],
            ['Grondslag', 394],
            ['BTW bedrag', 444],
            ['Totaal', 524],
          ],
        ],
        [110, [['21 %', 358], right('41,31', 434), right('8,68', 491), right('49,99', 549)]],
        [122, [right('41,31', 434), right('8,68', 491), right('49,99', 549)]],
      ]),
    );
    expect([r.net, r.tax, r.total]).toEqual(['41.31', '8.68', '49.99']);
    expect(r.taxLines).toEqual([{ rate: '21', category: null, net: '41.31', tax: '8.68' }]);
  });

  it('when two VAT rates each have a line (French), then the tax is their sum, one tax line per rate', () => {
    const r = read(
      page([
        [100, [['Total HT', 300], right('110,00', 450)]],
        [112, [['TVA 5,5 %', 300], right('3,30', 450)]],
        [124, [['TVA 20 %', 300], right('10,00', 450)]],
        [136, [['Total TTC', 300], right('123,30', 450)]],
      ]),
    );
    expect([r.net, r.tax, r.total]).toEqual(['110.00', '13.30', '123.30']);
    expect(r.taxLines.map((t) => [t.rate, t.tax])).toEqual([
      ['5.5', '3.30'],
      ['20', '10.00'],
    ]);
  });
});

describe('identifiers, dates and currency on invoices', () => {
  it('when a "#" is printed after the label colon, then it is part of the invoice number', () => {
    const r = read(
      page([
        [40, [['Invoice No : # BLR_WF2015100', 400]]],
        [60, [['Total', 300], right('319.00', 450)]],
      ]),
    );
    expect(r.invoiceNumber).toBe('#BLR_WF2015100');
  });

  it('when the number only follows the document title, then it is the invoice number, but a date is not', () => {
    expect(read(page([[40, [['Invoice INV/2023/03/0008', 30]]]])).invoiceNumber).toBe('INV/2023/03/0008');
    expect(read(page([[40, [['Invoice 12 March 2024', 30]]]])).invoiceNumber).toBeNull();
  });

  it('when an OCR date has a doubtful look-alike digit and the same date is printed elsewhere more clearly, then that date wins', () => {
    const words = [
      ...page(
        [
          [
            100,
            [
              ['Invoice Date:', 40],
              ['August', 400],
            ],
          ],
        ],
        1,
        0.96,
      ),
      ...page([[100, [['8', 440]]]], 1, 0.85),
      ...page([[100, [['2014', 460]]]], 1, 0.97),
      ...page(
        [
          [
            130,
            [
              ['TOTAL AMOUNT DUE ON August 3 2014', 40],
              ['$4.11', 460],
            ],
          ],
        ],
        1,
        0.93,
      ),
    ];
    expect(read(words).date).toBe('2014-08-03');
    // A text layer (no OCR confidence) is taken as printed.
    const printed = page([
      [
        100,
        [
          ['Invoice Date:', 40],
          ['August 8 2014', 400],
        ],
      ],
      [
        130,
        [
          ['TOTAL AMOUNT DUE ON August 3 2014', 40],
          ['$4.11', 460],
        ],
      ],
    ]);
    expect(read(printed).date).toBe('2014-08-08');
  });

  it('when only payment terms give the due date, then it is the invoice date plus those days (English, German, Dutch)', () => {
    const due = (terms: string) =>
      read(
        page([
          [40, [['Invoice date: 07.05.2014', 40]]],
          [60, [[terms, 40]]],
        ]),
      ).dueDate;
    expect(due('Payment terms: Net 30 days')).toBe('2014-06-06');
    expect(due('Zahlungsbedingungen 14 Tage netto')).toBe('2014-05-21');
    expect(due('Betaling binnen 14 dagen')).toBe('2014-05-21');
    expect(due('Thank you for your business')).toBeNull();
  });

  it('when "PO" is only the start of a word, then it is no PO number; a customer order label (German) is', () => {
    expect(
      read(page([[40, [['HP USB 3.0 Port Replicator 3005pr', 40], right('159.99', 500)]]])).poNumber,
    ).toBeNull();
    expect(read(page([[40, [['IBAN FR76 10107 00245 BRED BANQUE POPULAIRE', 40]]]])).poNumber).toBeNull();
    expect(read(page([[40, [['Ihre Bestellnummer: 4711-A', 40]]]])).poNumber).toBe('4711-A');
  });

  it('when a "$" is glued to a postcode but rupees sit beside an amount, then the currency is INR', () => {
    const r = read(
      page([
        [40, [['Bangalore, Karnataka, India - $60067', 20]]],
        [60, [['Price is inclusive of Promotional Discount of Rs -40.00,', 20]]],
        [80, [['Grand Total', 300], right('319.00', 500)]],
      ]),
    );
    expect(r.currency).toBe('INR');
  });

  it('when no symbol or code is printed, then a currency named in words or the printed country gives it', () => {
    const named = read(
      page([
        [40, [['All charges and prices are in US Dollars', 20]]],
        [60, [['Total', 300], right('4.11', 500)]],
      ]),
    );
    expect(named.currency).toBe('USD');
    const country = read(
      page([
        [40, [['Weena 664, 3012 CN Rotterdam, Nederland', 20]]],
        [60, [['Totaal', 300], right('10.00', 500)]],
      ]),
    );
    expect(country.currency).toBe('EUR');
  });

  it('when the title says Gutschrift or Avoir, then the document is a credit note; the verb "avoir" is not', () => {
    expect(read(page([[20, [['Gutschrift Nr. 2024-17', 40]]]])).documentType).toBe('credit_note');
    expect(read(page([[20, [['AVOIR n° A-118', 40]]]])).documentType).toBe('credit_note');
    expect(
      read(
        page([
          [20, [['Facture n° 2022089', 40]]],
          [40, [['Vous pouvez avoir une remise', 40]]],
        ]),
      ).documentType,
    ).toBe('invoice');
  });
});
