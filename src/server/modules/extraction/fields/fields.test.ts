import { describe, expect, it } from 'vitest';
import { extractFields } from '../extract-fields';
import { linesFromText } from '../lines';
import { cleanAddress, cleanName } from './supplier';

function read(
  text: string,
  options: { country?: string; knownSuppliers?: string[]; currency?: string } = {},
) {
  return extractFields({ file: 't', source: 'html', pageCount: 1, lines: linesFromText(text) }, options);
}

describe('supplier', () => {
  it('when a personal name stands above a registered business, then the business is the supplier', () => {
    const r = read(
      [
        'TAN WOON YANN',
        'BOOK TA .K(TAMAN DAYA) SDN BHD',
        '789417-W',
        'NO.53 55,57 & 59, JALAN SAGU 18,',
        'TAMAN DAYA,',
        '81100 JOHOR BAHRU,',
        'JOHOR.',
        'DOCUMENT NO : TD01167104',
        'DATE: 25/12/2018',
      ].join('\n'),
    );
    expect(r.supplier.name).toBe('BOOK TA .K(TAMAN DAYA) SDN BHD');
    expect(r.supplier.address).toBe('NO.53 55,57 & 59, JALAN SAGU 18, TAMAN DAYA, 81100 JOHOR BAHRU, JOHOR.');
    expect(r.invoiceNumber).toBe('TD01167104');
  });

  it('when the name runs over two lines, then both lines make the name', () => {
    const r = read(
      [
        'POPULAR BOOK',
        'CO. (M) SDN BHD',
        '(CO. NO. 113825-W)',
        'NO 8, JALAN 7/118B, DESA TUN RAZAK',
        'TEL: 03-9201 6281',
      ].join('\n'),
    );
    expect(r.supplier.name).toBe('POPULAR BOOK CO. (M) SDN BHD');
    expect(r.supplier.address).toBe('NO 8, JALAN 7/118B, DESA TUN RAZAK');
  });

  it('when the account knows the supplier, then a close spelling is matched to the known name', () => {
    const r = read(['Invoice', 'Acme Trading Limited', 'Total 10.00'].join('\n'), {
      knownSuppliers: ['ACME TRADING LTD', 'Other Co'],
    });
    expect(r.supplier.name).toBe('ACME TRADING LTD');
  });

  it('when a registration number follows the name, then it is trimmed off', () => {
    expect(cleanName('99 SPEED MART S/B (519537-X)')).toBe('99 SPEED MART S/B');
    expect(cleanName('Amazon Web Services Invoice')).toBe('Amazon Web Services');
  });

  it('when OCR garbles the ends of a name or its legal form, then the name is mended', () => {
    expect(cleanName('SUN VICTORY SON BHD')).toBe('SUN VICTORY SDN BHD');
    expect(cleanName('Kestrel Health son Bhd')).toBe('Kestrel Health Sdn Bhd');
    expect(cleanName('MIZU TRADING SDN. BND.')).toBe('MIZU TRADING SDN. BHD.');
    expect(cleanName('99 SPEED MART S/B (S19S37-x)')).toBe('99 SPEED MART S/B');
    expect(cleanName('AEON CO. (M) BHD (126928-H) |')).toBe('AEON CO. (M) BHD');
    expect(cleanName('ANN GIAP TRADING SDN BHD SE')).toBe('ANN GIAP TRADING SDN BHD');
    expect(cleanName('| . BEMED (SP) SDN. BHD. ;')).toBe('BEMED (SP) SDN. BHD.');
    expect(cleanName('banh mi cafe sdn bhd 1110644-"')).toBe('banh mi cafe sdn bhd');
    // A real word that only looks like a slip stays.
    expect(cleanName('SON OF A GUN BISTRO')).toBe('SON OF A GUN BISTRO');
  });

  it('when OCR adds bars and specks to an address or reads the O of "No." as a zero, then they are mended', () => {
    expect(cleanAddress('| 4-20, JALAN RIA 25/62, | | 40400 SHAH ALAM |')).toBe(
      '4-20, JALAN RIA 25/62, 40400 SHAH ALAM',
    );
    expect(cleanAddress('. 379, JALAN PERMAS SATU')).toBe('379, JALAN PERMAS SATU');
    expect(cleanAddress('N0.41, JALAN SERI BINTANG 2')).toBe('NO.41, JALAN SERI BINTANG 2');
    expect(cleanAddress('UNIT N01 BLOCK B, 10 NORTH ROAD')).toBe('UNIT NO1 BLOCK B, 10 NORTH ROAD');
    expect(cleanAddress('12 High Street, London N1 0AA')).toBe('12 High Street, London N1 0AA');
  });
});

describe('other fields', () => {
  it('when tax id, card, PO number and due date are labelled, then each is read', () => {
    const r = read(
      [
        'Widget Supplies Ltd',
        'VAT Reg No: GB 123 4567 89',
        'Invoice No: INV-2093',
        'PO Number: PO-7781',
        'Invoice Date: 03/04/2020',
        'Due Date: 03/05/2020',
        'Total 120.00',
        'VISA **** **** **** 4242',
      ].join('\n'),
      { country: 'GB' },
    );
    expect(r.supplier.taxId).toBe('GB 123 4567 89');
    expect(r.invoiceNumber).toBe('INV-2093');
    expect(r.poNumber).toBe('PO-7781');
    expect(r.date).toBe('2020-04-03');
    expect(r.dueDate).toBe('2020-05-03');
    expect(r.cardLast4).toBe('4242');
    expect(r.documentType).toBe('invoice');
    expect(r.warnings.join(' ')).toMatch(/could be read either way/);
  });

  it("when the customer's VAT number is printed first, then the supplier's is taken; a Dutch B read as 8 is mended", () => {
    const r = read(
      [
        'Kestrel Retail B.V.',
        'Uw BTW nummer: NL003335996B98',
        'Factuur 1234',
        'BTW-nr: NL8152.54.295.801',
      ].join('\n'),
    );
    expect(r.supplier.taxId).toBe('NL8152.54.295.B01');
    expect(read(['Acme Ltd', 'Your VAT number: GB 999 9999 73'].join('\n')).supplier.taxId).toBeNull();
  });

  it('when no currency is printed, then the country gives it, else the caller default', () => {
    expect(read('SHOP\nTOTAL 5.00', { country: 'MY' }).currency).toBe('MYR');
    expect(read('SHOP\nTOTAL 5.00', { currency: 'chf' }).currency).toBe('CHF');
    expect(read('SHOP\nTOTAL € 5.00', { country: 'US' }).currency).toBe('EUR');
  });

  it('when the document says credit note, then that is its type', () => {
    expect(read('ACME LTD\nCREDIT NOTE CN-1\nTOTAL 5.00').documentType).toBe('credit_note');
  });

  it('when an item table is printed, then line items are read with quantity and unit price', () => {
    const r = read(
      [
        'Description Qty Price Amount',
        'Blue widget 2 5.00 10.00',
        'Red widget 1 7.50 7.50',
        'Total 17.50',
      ].join('\n'),
    );
    expect(r.lineItems.map((i) => [i.description, i.quantity, i.unitPrice, i.amount])).toEqual([
      ['Blue widget', '2.00', '5.00', '10.00'],
      ['Red widget', '1.00', '7.50', '7.50'],
    ]);
  });

  it('when any field is read, then it has a confidence in [0,1]', () => {
    const r = read('ACME LTD\nDate: 25/12/2018\nTOTAL 5.00');
    for (const v of Object.values(r.confidence)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(r.locations.total?.page).toBe(1);
  });
});
