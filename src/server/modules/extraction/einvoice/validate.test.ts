import { describe, expect, it } from 'vitest';
import { ExtractionResult } from '../../../../shared/contracts/extraction';
import { Invalid } from '../../../lib/errors';
import { parseEInvoiceXml, readEInvoiceXml, validateEInvoice } from './index';
import { bytesOf, ciiInvoice, ublInvoice, type InvoiceSpec } from './testing/fixtures';

const builders = { UBL: ublInvoice, CII: ciiInvoice } as const;

function rejection(xml: string): Invalid {
  try {
    parseEInvoiceXml(bytesOf(xml), 'test.xml');
  } catch (error) {
    if (error instanceof Invalid) return error;
    throw error;
  }
  throw new Error('expected the invoice to be rejected');
}

const broken: [string, Partial<InvoiceSpec>, RegExp][] = [
  [
    'line amounts do not add up to the line total',
    { lines: ['80.00', '40.00'] },
    /BR-CO-10: sum of line amounts 120.00 differs/,
  ],
  [
    'the net total is not line total minus allowances plus charges',
    { net: '90.00', total: '110.00', payable: '110.00' },
    /BR-CO-13/,
  ],
  [
    'the gross total is not net plus VAT',
    { total: '125.00', payable: '125.00' },
    /BR-CO-15: net total 100.00 \+ VAT 20.00 = 120.00/,
  ],
  ['the amount due is not total minus prepaid', { payable: '100.00' }, /BR-CO-16/],
  ['the invoice number is missing', { id: null }, /BR-02/],
  ['the issue date is missing', { issueDate: null }, /BR-03/],
  ['the issue date is not a calendar date', { issueDate: '2024-02-30' }, /BR-03/],
  ['the currency is missing', { currency: null }, /BR-05/],
  ['the currency is not an ISO 4217 code', { currency: 'XYZ' }, /BR-CL-04: the currency code "XYZ"/],
  ['the seller name is missing', { sellerName: null }, /BR-06/],
  ['an amount is not a number', { tax: '20,00' }, /BR-DEC: .*"20,00" is not a number/],
];

describe.each(Object.entries(builders))('validateEInvoice on %s', (syntax, build) => {
  it('when the invoice is consistent, then it passes with no rule broken', () => {
    const { result, facts } = readEInvoiceXml(bytesOf(build()), 'ok.xml');
    expect(validateEInvoice(result, facts)).toEqual([]);
    expect(ExtractionResult.safeParse(parseEInvoiceXml(bytesOf(build()), 'ok.xml')).success).toBe(true);
  });

  it('when a prepaid amount explains the amount due, then it passes', () => {
    expect(parseEInvoiceXml(bytesOf(build({ prepaid: '20.00', payable: '100.00' })), 'p.xml').payable).toBe(
      '100.00',
    );
  });

  it.each(broken)(`when %s (${syntax}), then it is rejected naming the rule`, (_what, change, reason) => {
    const error = rejection(build(change));
    expect(error.message).toMatch(reason);
    expect(Object.keys(error.fields).length).toBeGreaterThan(0);
  });

  it('when the type code is 381, then the document is a credit note', () => {
    expect(parseEInvoiceXml(bytesOf(build({ typeCode: '381' })), 'cn.xml').documentType).toBe('credit_note');
  });

  it('when the profile is XRechnung without seller contact and buyer reference, then BR-DE-2 and BR-DE-15 fail', () => {
    const xml = build().replace(
      /urn:cen\.eu:en16931:2017[^<]*/,
      'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
    );
    const error = rejection(xml);
    expect(error.message).toMatch(/BR-DE-2: .*seller contact/);
    expect(error.message).toMatch(/BR-DE-15/);
  });
});

describe('CII specifics', () => {
  it('when the VAT total is also given in another currency, then the invoice-currency amount is taken', () => {
    const result = parseEInvoiceXml(bytesOf(ciiInvoice({}, { currency: 'USD', amount: '21.70' })), 'fx.xml');
    expect(result.tax).toBe('20.00');
    expect(result.warnings.join(' ')).toMatch(/2 currencies/);
  });

  it('when an amount other than the VAT total carries currencyID, then CII-DT-031 rejects it', () => {
    const xml = ciiInvoice().replace('<ram:GrandTotalAmount>', '<ram:GrandTotalAmount currencyID="EUR">');
    expect(rejection(xml).message).toMatch(/CII-DT-031: currencyID must not be present on GrandTotalAmount/);
  });

  it('when the issue date uses format 102, then it becomes an ISO date', () => {
    const result = parseEInvoiceXml(bytesOf(ciiInvoice()), 'd.xml');
    expect(result.date).toBe('2024-03-01');
    expect(result.dueDate).toBe('2024-03-31');
  });
});
