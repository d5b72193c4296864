import { describe, expect, it } from 'vitest';
import {
  bestMatch,
  linesAddUp,
  matchKeyOf,
  reasonsFor,
  sameDocument,
  similarity,
  type ReviewFields,
} from './review';

const fields = (over: Partial<ReviewFields> = {}): ReviewFields => ({
  workspace: 'costs',
  contactId: 'c1',
  contactName: 'Acme',
  date: '2026-01-01',
  totalMinor: 1200n,
  netMinor: 1000n,
  categoryId: 'cat',
  currency: 'GBP',
  lineItems: [],
  duplicateOfItemId: null,
  ...over,
});

describe('review reasons', () => {
  it('when every field is there and the lines add up, then there is no reason to review', () => {
    expect(reasonsFor(fields({ lineItems: [{ amount: '10.00', tax: '2.00' }] }))).toEqual([]);
  });

  it('when fields are missing, lines do not add up or a duplicate is suspected, then each reason is listed', () => {
    const r = reasonsFor(
      fields({
        contactId: null,
        contactName: null,
        date: null,
        categoryId: null,
        lineItems: [{ amount: '3.00' }],
        duplicateOfItemId: 'x',
      }),
    );
    expect(r).toEqual([
      'missing_supplier',
      'missing_date',
      'missing_category',
      'lines_do_not_add_up',
      'suspected_duplicate',
    ]);
    expect(
      reasonsFor(fields({ workspace: 'sales', contactId: null, contactName: null, totalMinor: null })),
    ).toEqual(['missing_customer', 'missing_total']);
  });

  it('when line amounts sum to the net, the total, or with tax to the total, then they add up', () => {
    expect(
      linesAddUp({
        lineItems: [{ amount: '4.00' }, { amount: '6.00' }],
        totalMinor: 1200n,
        netMinor: 1000n,
        currency: 'GBP',
      }),
    ).toBe(true);
    expect(
      linesAddUp({ lineItems: [{ amount: '12.00' }], totalMinor: 1200n, netMinor: null, currency: 'GBP' }),
    ).toBe(true);
    expect(
      linesAddUp({ lineItems: [{ amount: '11.99' }], totalMinor: 1200n, netMinor: null, currency: 'GBP' }),
    ).toBe(false);
  });
});

describe('supplier matching', () => {
  it('when names differ by case, punctuation or company suffix, then they have the same match key', () => {
    expect(matchKeyOf('ACME Ltd.')).toBe(matchKeyOf('Acme Limited'));
    expect(matchKeyOf('Café Nero')).toBe('cafe nero');
  });

  it('when a name is a near spelling of a known supplier, then it matches; when it is different, then it does not', () => {
    const known = [{ matchKey: matchKeyOf('Greenleaf Grocers') }, { matchKey: matchKeyOf('Tesco Stores') }];
    expect(bestMatch('Greenleaf Grocer', known)).toBe(known[0]);
    expect(bestMatch('Sainsburys', known)).toBeNull();
    expect(similarity('abc', 'abc')).toBe(1);
  });
});

describe('duplicate rule', () => {
  const base = {
    id: 'a',
    documentType: 'receipt',
    contactId: 's',
    date: '2026-01-01',
    totalMinor: 500n,
    reference: null,
    ownerUserId: null,
  };
  it('when receipts share supplier, date, total and owner (both without owner), then they are the same purchase', () => {
    expect(sameDocument(base, { ...base, id: 'b' })).toBe(true);
    expect(sameDocument(base, { ...base, id: 'b', ownerUserId: 'u' })).toBe(false);
    expect(sameDocument(base, { ...base, id: 'b', date: '2026-01-02' })).toBe(false);
  });

  it('when invoices share supplier, total and reference, then they are the same; a missing reference blocks it', () => {
    const inv = { ...base, documentType: 'invoice', reference: 'INV-1', date: '2026-01-01' };
    expect(sameDocument(inv, { ...inv, id: 'b', date: '2026-02-02' })).toBe(true);
    expect(sameDocument({ ...inv, reference: null }, { ...inv, id: 'b', reference: null })).toBe(false);
  });
});
