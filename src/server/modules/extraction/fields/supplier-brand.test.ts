import { describe, expect, it } from 'vitest';
import { extractFields } from '../extract-fields';
import { linesFromText } from '../lines';
import {
  documentDomains,
  domainBrand,
  footerEntity,
  inCustomerBlock,
  onBehalfOf,
  orderedThrough,
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

  it('when the order was placed through a platform, then the platform is named, not a date after "on"', () => {
    expect(
      orderedThrough(
        lines(['Sold By : Kestrel Retail Pvt. Ltd.', 'Ordered Through :', 'Shopwise.com Care : 1800 1']),
      )?.text,
    ).toBe('Shopwise');
    expect(orderedThrough(lines(['Purchased on www.Shopwise.co.uk']))?.text).toBe('Shopwise');
    expect(orderedThrough(lines(['Marketplace: Bazaarly']))?.text).toBe('Bazaarly');
    expect(orderedThrough(lines(['Ordered on Jan 5, 2024']))).toBeNull();
  });

  it('when a registered entity acts for a brand, then the entity is the issuer', () => {
    expect(onBehalfOf(lines(['Kestrel Retail B.V. iov Brandly.com', 'Dorpsweg 1']))?.text).toBe(
      'Kestrel Retail B.V.',
    );
    expect(onBehalfOf(lines(['Acme Ltd on behalf of Widgets']))?.text).toBe('Acme Ltd');
    expect(onBehalfOf(lines(['Delivered on behalf of the shop']))).toBeNull();
  });

  it('when the supplier is a marketplace order, then the platform is the supplier even beside a legal seller', () => {
    expect(
      supplierOf([
        'Retail Invoice',
        'Sold By : Kestrel Retail Pvt. Ltd.,',
        'Invoice No : 1234567',
        'Total 319.00',
        'Ordered Through :',
        'Shopwise.com Customer Care : 1800 208 9898 || www.shopwise.com/support',
      ]),
    ).toBe('Shopwise');
  });

  it('when the header is the brand and a department, then the brand is the supplier; other words stay', () => {
    const doc = (header: string) => [
      header,
      'Facture n°123 du 02 Juillet 2015',
      'Total 29.99',
      'www.kestrel.fr',
    ];
    expect(supplierOf(doc('Kestrel Service Abonnés'))).toBe('Kestrel');
    expect(supplierOf(doc('Kestrel Customer Service'))).toBe('Kestrel');
    expect(supplierOf(doc('Kestrel Pizza'))).toBe('Kestrel Pizza');
  });

  it('when the only name in the header is under "Bill to", then evidence elsewhere names the issuer', () => {
    expect(
      supplierOf([
        'Factuuradres',
        'Strategic Corp',
        'Fakestreet 46',
        'Factuur VF1005193039',
        'Totaal EUR 49,99',
        'Kestrel Retail B.V. iov Brandly.com',
        'Badweg 48, 8401 BL Gorredijk',
      ]),
    ).toBe('Kestrel Retail B.V.');
  });
});
