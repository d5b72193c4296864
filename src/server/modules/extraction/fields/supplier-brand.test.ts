import { describe, expect, it } from 'vitest';
import { extractFields } from '../extract-fields';
import { linesFromText } from '../lines';
import {
  documentDomains,
  domainBrand,
  footerEntity,
  inCustomerBlock,
  titledLegalName,
} from './supplier-brand';

const lines = (rows: string[]) => linesFromText(rows.join('\n'));
const supplierOf = (rows: string[]) =>
  extractFields({ file: 't', source: 'html', pageCount: 1, lines: lines(rows) }).supplier.name;

describe('issuer evidence', () => {
  it('when web and e-mail addresses appear, then their own labels are kept and platforms are not', () => {
    const ls = lines([
      'Visit aws.amazon.com/contact-us/',
      'Follow us on www.facebook.com/shop',
      'mail: info@example-shop.co.uk',
      'Powered by TCPDF (www.tcpdf.org)',
    ]);
    expect(documentDomains(ls)).toEqual(['aws', 'amazon', 'example-shop']);
  });

  it('when capitalised words spell the domain or its initials, then they are the brand', () => {
    expect(domainBrand(lines(['Greetings from Amazon Web Services', 'aws.amazon.com']))?.text).toBe(
      'Amazon Web Services',
    );
    expect(
      domainBrand(lines(['PAYMENT RECEIPT', 'Booked at ACME 12 Resort', 'help@acmerooms.com']))?.text,
    ).toBe('ACME');
    expect(domainBrand(lines(['Nordwind GmbH - Hafenweg 1', 'www.nordwind.de']))?.text).toBe('Nordwind GmbH');
    expect(domainBrand(lines(['an invoice from nobody', 'www.nordwind.de']))).toBeNull();
  });

  it('when a payee label or a legal footer names the entity, then that name is the evidence', () => {
    expect(footerEntity(lines(['Total 10,00', 'Account holder: Blue Heron Press']))?.text).toBe(
      'Blue Heron Press',
    );
    expect(footerEntity(lines(['Merci', 'KESTREL', 'Siège social : 1 rue X - 75001 Paris']))?.text).toBe(
      'KESTREL',
    );
    expect(footerEntity(lines(['Total', 'Kestrel SAS au capital de 10 000 €']))?.text).toBe('Kestrel SAS');
  });

  it('when the title and a legal name share the top line, then the legal name is found', () => {
    expect(titledLegalName(lines(['FACTUUR. Blauw B.V.', 'Straatweg 1']))?.text).toBe('Blauw B.V.');
    expect(titledLegalName(lines(['INVOICE', 'Blauw B.V.']))).toBeNull();
  });

  it('when a line sits under a "Bill to" label, then it is in the customer block', () => {
    const ls = lines(['Billing address', 'Jane Buyer Ltd', 'Street 1', 'x', 'y', 'z', 'w', 'Far Away Ltd']);
    expect(inCustomerBlock(ls, ls[1] as (typeof ls)[number])).toBe(true);
    expect(inCustomerBlock(ls, ls[7] as (typeof ls)[number])).toBe(false);
  });

  it('when the header shows a customer but the footer names the issuer, then the issuer is the supplier', () => {
    expect(
      supplierOf([
        'JOHN DOE CONSULTING',
        '12 Some Road',
        'Facture n° 123',
        'Total TTC : 10,00 €',
        'Titulaire du compte : KESTREL',
        'KESTREL',
        'Siège social : 1 rue X - 75001 Paris',
      ]),
    ).toBe('KESTREL');
  });
});
