import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingDataMessage } from '../../../../../test/support/shared-data';
import { extractFacturX, parseEInvoiceXml } from './index';
import { einvoiceRoot } from './testing/corpus';

const root = einvoiceRoot();
const read = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(join(root ?? '', ...parts)));

describe.skipIf(root === null)(root === null ? missingDataMessage('einvoice/') : 'golden e-invoices', () => {
  it('when the Peppol BIS 3 base example is read, then every header, VAT and line value is as in the XML', () => {
    const r = parseEInvoiceXml(read('peppol-bis3', 'examples', 'base-example.xml'), 'base-example.xml');
    expect(r).toMatchObject({
      source: 'ubl',
      documentType: 'invoice',
      invoiceNumber: 'Snippet1',
      date: '2017-11-13',
      dueDate: '2017-12-01',
      currency: 'EUR',
      net: '1325',
      tax: '331.25',
      total: '1656.25',
      payable: '1656.25',
      supplier: { name: 'SupplierOfficialName Ltd', taxId: 'GB1232434' },
      customer: { name: 'Buyer Official Name', taxId: 'SE4598375937' },
      taxLines: [{ rate: '25.0', category: 'S', net: '1325', tax: '331.25' }],
      allowancesCharges: [{ kind: 'charge', amount: '25', reason: 'Insurance', taxRate: '25.0' }],
    });
    expect(r.supplier.address).toBe('Main street 1, Postbox 123, GB 123 EW London, GB');
    expect(r.lineItems).toEqual([
      {
        description: 'item name',
        quantity: '7',
        unitPrice: '400',
        amount: '2800',
        tax: null,
        taxRate: '25.0',
      },
      {
        description: 'item name 2',
        quantity: '-3',
        unitPrice: '500',
        amount: '-1500',
        tax: null,
        taxRate: '25.0',
      },
    ]);
    expect(r.text).toContain('Invoice Snippet1');
    expect(r.text).toContain('2. -3 x item name 2 @ 500 = -1500');
    expect(r.confidence.invoiceNumber).toBe(1);
  });

  it('when the Peppol credit note is read, then it is a credit note with its totals', () => {
    const r = parseEInvoiceXml(read('peppol-bis3', 'examples', 'base-creditnote-correction.xml'), 'cn.xml');
    expect(r.documentType).toBe('credit_note');
    expect([r.net, r.tax, r.total, r.payable]).toEqual(['1325', '331.25', '1656.25', '1656.25']);
  });

  it('when the OASIS UBL 2.1 example (rounding inside the total) is read, then it passes with amount due 729', () => {
    const r = parseEInvoiceXml(read('ubl21-oasis', 'UBL-Invoice-2.1-Example.xml'), 'oasis.xml');
    expect([r.net, r.tax, r.total, r.payable]).toEqual(['1436.5', '292.20', '1729', '729']);
    expect(r.taxLines.map((t) => t.category)).toEqual(['S', 'AA', 'E']);
  });

  it('when the trivial OASIS invoice has no currency code, then the currency comes from the amounts, with a warning', () => {
    const r = parseEInvoiceXml(read('ubl21-oasis', 'UBL-Invoice-2.1-Example-Trivial.xml'), 'trivial.xml');
    expect(r.currency).toBe('CAD');
    expect(r.payable).toBe('100.00');
    expect(r.warnings.join(' ')).toMatch(/No document currency code/);
  });

  it('when a foreign-currency Factur-X EXTENDED invoice gives the VAT total twice, then the GBP amount is taken', () => {
    const path = [
      'facturx-zugferd',
      'mustang',
      'hybrid',
      'EXTENDED_Fremdwaehrung_wdis_fx-pdfa4.embedded',
      'factur-x.xml',
    ];
    const r = parseEInvoiceXml(read(...path), 'fx.xml');
    expect(r.currency).toBe('GBP');
    expect(r.tax).toBe('163.16');
    expect(r.allowancesCharges).toEqual([
      { kind: 'charge', amount: '30', reason: 'Einwegverpackung', taxRate: '19' },
      { kind: 'allowance', amount: '21.25', reason: 'Stammkundenrabatt', taxRate: '19' },
    ]);
  });

  it('when the UBL and CII twins of every XRechnung standard case are read, then they agree', () => {
    const cases = ['01.01a', '01.05a', '01.13a', '02.05a', '03.01a', '03.04a'];
    for (const id of cases) {
      const dir = ['xrechnung-testsuite', 'business-cases', 'standard'];
      const ubl = parseEInvoiceXml(read(...dir, `${id}-INVOICE_ubl.xml`), `${id} ubl`);
      const cii = parseEInvoiceXml(read(...dir, `${id}-INVOICE_uncefact.xml`), `${id} cii`);
      const pick = (r: typeof ubl): unknown[] => [
        r.invoiceNumber,
        r.date,
        r.currency,
        r.supplier.name,
        Number(r.net),
        Number(r.tax),
        Number(r.total),
        Number(r.payable),
        r.lineItems.map((l) => Number(l.amount)),
      ];
      expect(pick(cii), id).toEqual(pick(ubl));
    }
  });

  it('when the Akretion Factur-X PDF with two attachments is read, then the invoice comes from factur-x.xml', async () => {
    const r = await extractFacturX(
      read('facturx-zugferd', 'akretion', 'pdf', 'invoice_EN16931.pdf'),
      'invoice.pdf',
    );
    expect(r).toMatchObject({
      source: 'facturx',
      file: 'invoice.pdf',
      invoiceNumber: 'F20260023',
      currency: 'EUR',
    });
    expect(r?.lineItems.length).toBeGreaterThan(0);
    expect(r?.warnings).toContain('Read from the embedded factur-x.xml.');
  });
});
