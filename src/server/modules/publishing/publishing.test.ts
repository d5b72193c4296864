import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLISHING_SETTINGS } from '../../../shared/contracts/publishing';
import { LedgerError } from '../../integrations/ledgers/ledger-error';
import { explainFailure, quickbooksCatalogue, xeroCatalogue } from './error-catalogue';
import {
  autoPublishes,
  buildDraft,
  destinationOf,
  idempotencyKeyOf,
  precheck,
  productOf,
  purchasePaymentType,
  type PublishInput,
} from './publishing';
import { LedgerRateLimiter } from './rate-limiter';

const base: PublishInput = {
  software: 'xero',
  settings: DEFAULT_PUBLISHING_SETTINGS,
  item: {
    id: 'item-1',
    workspace: 'costs',
    contactId: 'c-abc',
    contactName: 'ABC Furniture',
    date: '2026-02-20',
    dueDate: null,
    reference: 'AF-1',
    description: 'Desk',
    currency: 'GBP',
    netMinor: 10_000n,
    taxMinor: 2_000n,
    totalMinor: 12_000n,
    categoryId: 'cat-429',
    taxRateId: 'tax-input2',
    paid: null,
    lines: [],
  },
  ledger: {
    baseCurrency: 'GBP',
    lockDate: null,
    plan: 'STANDARD',
    currencies: ['GBP', 'EUR'],
    accounts: new Map([
      ['429', { id: '429', name: 'General Expenses', active: true, kind: 'expense', currency: null }],
      ['477', { id: '477', name: 'Old Motor', active: false, kind: 'expense', currency: null }],
      ['200', { id: '200', name: 'Sales', active: true, kind: 'revenue', currency: null }],
      ['090', { id: '090', name: 'Bank', active: true, kind: 'bank', currency: 'GBP' }],
    ]),
    taxRates: new Map([
      [
        'INPUT2',
        { id: 'INPUT2', name: '20% (VAT on Expenses)', active: true, purchases: true, sales: false },
      ],
      [
        'OUTPUT2',
        { id: 'OUTPUT2', name: '20% (VAT on Income)', active: true, purchases: false, sales: true },
      ],
    ]),
    contacts: new Map([['c-abc', { id: 'x-abc', name: 'ABC Furniture', active: true }]]),
  },
  categoryLinks: new Map([
    ['cat-429', '429'],
    ['cat-477', '477'],
    ['cat-200', '200'],
  ]),
  taxRateLinks: new Map([
    ['tax-input2', 'INPUT2'],
    ['tax-output2', 'OUTPUT2'],
  ]),
  paymentMethod: null,
  duplicateNumber: false,
  approvedBillsThisMonth: 0,
};

const codes = (overrides: (i: PublishInput) => PublishInput) => precheck(overrides(base)).map((p) => p.code);
const withItem = (item: Partial<PublishInput['item']>) => (i: PublishInput) => ({
  ...i,
  item: { ...i.item, ...item },
});
const withLedger = (ledger: Partial<PublishInput['ledger']>) => (i: PublishInput) => ({
  ...i,
  ledger: { ...i.ledger, ...ledger },
});

describe('pre-check (golden cases)', () => {
  const cases: [string, (i: PublishInput) => PublishInput, string[]][] = [
    ['a complete bill', (i) => i, []],
    [
      'no supplier, date or total',
      withItem({ contactName: null, date: null, totalMinor: null }),
      ['missing_supplier', 'missing_date', 'missing_total'],
    ],
    ['no category', withItem({ categoryId: null }), ['missing_category']],
    [
      'a category not from the ledger',
      withItem({ categoryId: 'cat-typed-by-hand' }),
      ['category_not_in_ledger'],
    ],
    ['an archived category', withItem({ categoryId: 'cat-477' }), ['category_archived']],
    ['a sales category on a cost', withItem({ categoryId: 'cat-200' }), ['category_wrong_kind']],
    ['a sales tax rate on a cost', withItem({ taxRateId: 'tax-output2' }), ['tax_rate_wrong_direction']],
    ['tax larger than the net', withItem({ taxMinor: 20_000n, netMinor: 1_000n }), ['tax_greater_than_net']],
    ['a currency not enabled', withItem({ currency: 'JPY' }), ['currency_not_enabled']],
    ['a date on the lock date (approved bill)', withLedger({ lockDate: '2026-02-20' }), ['lock_date']],
    ['a duplicate number', (i) => ({ ...i, duplicateNumber: true }), ['duplicate_number']],
    [
      'an archived supplier',
      withLedger({ contacts: new Map([['c-abc', { id: 'x', name: 'ABC', active: false }]]) }),
      ['contact_archived'],
    ],
    [
      'the Xero Simple plan with 5 approved bills',
      (i) => ({ ...withLedger({ plan: 'SIMPLE' })(i), approvedBillsThisMonth: 5 }),
      ['plan_limit'],
    ],
    [
      'Spend Money without a linked bank account',
      (i) => ({ ...i, settings: { ...i.settings, costs: { destination: 'bank', status: 'paid' } } }),
      ['bank_link_missing'],
    ],
    [
      'QuickBooks without a tax rate',
      (i) => ({ ...withItem({ taxRateId: null })(i), software: 'quickbooks' }),
      ['missing_tax_rate'],
    ],
    [
      'QuickBooks Simple Start and an unpaid bill',
      (i) => ({ ...withLedger({ plan: 'SimpleStart' })(i), software: 'quickbooks' }),
      ['plan_no_bills'],
    ],
    [
      'QuickBooks closed books',
      (i) => ({ ...withLedger({ lockDate: '2026-03-01' })(i), software: 'quickbooks' }),
      ['period_closed'],
    ],
  ];
  for (const [name, change, expected] of cases) {
    it(`when ${name}, then the pre-check finds ${expected.length === 0 ? 'nothing' : expected.join(', ')}`, () => {
      expect(codes(change)).toEqual(expected);
    });
  }

  it('when a Xero bill is a Draft inside the lock date, then it passes (Xero accepts drafts there)', () => {
    const draftBill = (i: PublishInput) => ({
      ...withLedger({ lockDate: '2026-02-28' })(i),
      settings: { ...i.settings, costs: { destination: 'purchases' as const, status: 'draft' as const } },
    });
    expect(codes(draftBill)).toEqual([]);
  });
});

describe('draft', () => {
  it('when the tax was extracted, then one exclusive summary line carries the net, the tax and the ledger ids', () => {
    const draft = buildDraft(base, 'k');
    expect(draft).toMatchObject({
      kind: 'bill',
      status: 'awaiting_payment',
      amountsInclude: 'exclusive',
      contact: { id: 'x-abc' },
    });
    expect(draft.lines).toEqual([
      {
        description: 'Desk',
        amountMinor: 10_000n,
        taxMinor: 2_000n,
        accountId: '429',
        taxRateId: 'INPUT2',
        tracking: [],
      },
    ]);
  });
  it('when the ledger calculates tax, then the line is the total, inclusive, without a tax amount', () => {
    const draft = buildDraft({ ...base, settings: { ...base.settings, taxPolicy: 'ledger' } }, 'k');
    expect(draft.amountsInclude).toBe('inclusive');
    expect(draft.lines[0]).toMatchObject({ amountMinor: 12_000n });
    expect(draft.lines[0]?.taxMinor).toBeUndefined();
  });
  it('when a QuickBooks item is paid with a linked card, then it becomes a credit-card purchase', () => {
    const draft = buildDraft(
      {
        ...base,
        software: 'quickbooks',
        item: { ...base.item, paid: true },
        paymentMethod: { bankAccountId: '2', paymentType: 'credit_card' },
      },
      'k',
    );
    expect(draft).toMatchObject({ kind: 'spend_money', bankAccountId: '2', paymentType: 'credit_card' });
  });
  it('when an attempt fails or publishing data is cleared, then the idempotency key changes', () => {
    expect(
      new Set([idempotencyKeyOf('i', 1, 1), idempotencyKeyOf('i', 1, 2), idempotencyKeyOf('i', 2, 1)]).size,
    ).toBe(3);
  });
});

describe('auto-publish', () => {
  const input = {
    mode: 'rules' as const,
    exceptContactIds: [],
    contactId: 'c',
    contactAutoPublish: true,
    paymentMethodAutoPublish: null,
  };
  it('when the supplier auto-publishes, then the item does', () => expect(autoPublishes(input)).toBe(true));
  it('when the payment method says no, then it wins over the supplier', () =>
    expect(autoPublishes({ ...input, paymentMethodAutoPublish: false })).toBe(false));
  it('when all items auto-publish except a supplier, then that supplier’s items wait', () => {
    expect(autoPublishes({ ...input, mode: 'all', contactAutoPublish: false })).toBe(true);
    expect(autoPublishes({ ...input, mode: 'all', exceptContactIds: ['c'] })).toBe(false);
  });
  it('when auto-publish is off, then nothing publishes on its own', () =>
    expect(autoPublishes({ ...input, mode: 'off', paymentMethodAutoPublish: true })).toBe(false));
});

describe('error catalogue', () => {
  const xero = (message: string, code: LedgerError['code'] = 'validation') =>
    explainFailure('xero', new LedgerError('xero', { code, vendorMessage: message }));
  it('when Xero reports each known message, then the catalogue has a plain message and fix for it', () => {
    expect(
      xero(
        "Account code '477' has been archived or has been deleted. Each line item must reference a valid account.",
      ).key,
    ).toBe('xero.account_archived');
    expect(
      xero(
        'The document date cannot be before the period lock date, currently set at 31 January 2026',
        'period_locked',
      ).key,
    ).toBe('xero.lock_date');
    expect(xero("The item already exists in Xero with status different from 'DRAFT'!").key).toBe(
      'xero.already_exists',
    );
    expect(xero('You have reached the limit of invoices you can approve!').key).toBe('xero.plan_limit');
    expect(xero('This invoice number must be unique.').key).toBe('xero.duplicate_number');
    expect(xero('TokenExpired: token expired at 2026-01-01', 'unauthorized').fix).toContain(
      'Business settings > Connections',
    );
    expect(xeroCatalogue.length).toBeGreaterThanOrEqual(18);
  });
  it('when QuickBooks reports a known fault, then the catalogue explains it', () => {
    const qbo = (message: string, code: LedgerError['code']) =>
      explainFailure('quickbooks', new LedgerError('quickbooks', { code, vendorMessage: message })).key;
    expect(
      qbo('The account period has closed and the account books cannot be updated', 'period_locked'),
    ).toBe('quickbooks.period_closed');
    expect(
      qbo('Business validation error: you can only use one foreign currency per transaction', 'currency'),
    ).toBe('quickbooks.one_currency');
    expect(
      qbo(
        'The name supplied already exists. : Another customer, vendor or employee is already using this name.',
        'duplicate',
      ),
    ).toBe('quickbooks.name_exists');
    expect(quickbooksCatalogue.length).toBeGreaterThanOrEqual(10);
  });
});

describe('rate limiter', () => {
  it('when 61 calls go to one Xero organisation, then the 61st waits for the window and none runs early', async () => {
    let now = 0;
    const limiter = new LedgerRateLimiter({
      now: () => now,
      sleep: async (ms) => {
        now += ms;
        await Promise.resolve();
      },
    });
    const starts: number[] = [];
    for (let i = 0; i < 61; i += 1)
      await limiter.run('xero', 't', async () => {
        starts.push(now);
      });
    expect(starts.slice(0, 60).every((t) => t === 0)).toBe(true);
    expect(starts[60]).toBeGreaterThanOrEqual(60_000);
  });
  it('when the ledger answers 429 with Retry-After, then the same call runs again after that many seconds', async () => {
    let now = 0;
    const limiter = new LedgerRateLimiter({
      now: () => now,
      sleep: async (ms) => {
        now += ms;
        await Promise.resolve();
      },
    });
    let calls = 0;
    const result = await limiter.run('quickbooks', 'r', async () => {
      calls += 1;
      if (calls === 1)
        throw new LedgerError('quickbooks', {
          code: 'rate_limited',
          vendorMessage: 'ThrottleExceeded',
          retryAfterSeconds: 7,
        });
      return now;
    });
    expect(result).toBe(7_000);
    expect(limiter.stats.rateLimited).toBe(1);
  });
});

describe('paid publishing and QuickBooks products (pure rules)', () => {
  const paidSettings = {
    ...DEFAULT_PUBLISHING_SETTINGS,
    costs: { destination: 'purchases' as const, status: 'paid' as const },
  };
  const linked = { bankAccountId: '090', paymentType: null };

  it('when Xero costs are Paid and the payment method has a bank account, then the approved bill carries the payment', () => {
    const draft = buildDraft({ ...base, settings: paidSettings, paymentMethod: linked }, 'k');
    expect(draft).toMatchObject({
      kind: 'bill',
      status: 'awaiting_payment',
      payment: { bankAccountId: '090', date: '2026-02-20' },
    });
    expect(destinationOf({ ...base, settings: paidSettings, paymentMethod: linked }).note).toBeNull();
  });

  it('when Xero costs are Paid but no bank account is linked or the item is unpaid, then Awaiting Payment with a note and no payment', () => {
    for (const input of [
      { ...base, settings: paidSettings },
      { ...base, settings: paidSettings, paymentMethod: linked, item: { ...base.item, paid: false } },
    ]) {
      const destination = destinationOf(input);
      expect(destination).toMatchObject({ kind: 'bill', status: 'awaiting_payment', payFrom: null });
      expect(destination.note).toMatch(/^Published as Awaiting Payment, not Paid/);
      expect(buildDraft(input, 'k').payment).toBeUndefined();
    }
  });

  it('when the linked bank account of a Paid bill is archived, then the pre-check holds it', () => {
    const archived = withLedger({
      accounts: new Map([
        ...base.ledger.accounts,
        ['090', { id: '090', name: 'Bank', active: false, kind: 'bank', currency: 'GBP' }],
      ]),
    });
    expect(codes((i) => archived({ ...i, settings: paidSettings, paymentMethod: linked }))).toEqual([
      'bank_account_unknown',
    ]);
  });

  it('when a QuickBooks payment method has no type, then the linked account decides (card: credit card, bank: cash)', () => {
    const qbo = { ...base, software: 'quickbooks' as const };
    expect(purchasePaymentType({ ...qbo, paymentMethod: linked })).toBe('cash');
    expect(purchasePaymentType({ ...qbo, paymentMethod: { bankAccountId: 'nope', paymentType: null } })).toBe(
      'credit_card',
    );
    expect(
      purchasePaymentType({ ...qbo, paymentMethod: { bankAccountId: '090', paymentType: 'check' } }),
    ).toBe('check');
  });

  it('when a QuickBooks sales line names a product, then it wins over the category match and the default', () => {
    const input = {
      settings: {
        ...DEFAULT_PUBLISHING_SETTINGS,
        sales: { status: 'awaiting_payment' as const, defaultItemId: 'd' },
      },
      categoryLinks: base.categoryLinks,
      products: new Map([
        ['p-200', { id: 'p-200', name: 'Consulting', active: true, incomeAccountId: '200' }],
        ['own', { id: 'own', name: 'Own', active: true, incomeAccountId: null }],
      ]),
    };
    const line = {
      description: null,
      amountMinor: 1n,
      taxMinor: null,
      categoryId: 'cat-200',
      taxRateId: null,
    };
    expect(productOf(input, { ...line, productId: 'own' })).toBe('own');
    expect(productOf(input, line)).toBe('p-200');
    expect(productOf(input, { ...line, categoryId: null })).toBe('d');
  });
});
