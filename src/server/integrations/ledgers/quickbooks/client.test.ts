import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../ledger-error';
import type { LedgerSession, PublishDraft } from '../port';
import { buildQuickBooksSimulator, QUICKBOOKS_SIM_CLIENT, type QuickBooksSimulator } from '../quickbooks-sim';
import { QuickBooksClient } from './client';

const REDIRECT = 'http://127.0.0.1:5555/connections/quickbooks/callback';

function draft(overrides: Partial<PublishDraft> = {}): PublishDraft {
  return {
    kind: 'bill',
    idempotencyKey: 'item-9-publish-1',
    contact: { id: 'vendor:1' },
    documentNumber: 'AF-88',
    reference: 'Office chair',
    date: '2024-06-10',
    dueDate: '2024-07-10',
    currency: 'GBP',
    amountsInclude: 'exclusive',
    status: 'awaiting_payment',
    lines: [
      {
        description: 'Chair',
        amountMinor: 12_000n,
        accountId: '5',
        taxRateId: '1',
        tracking: [{ categoryId: 'class', optionId: '1' }],
      },
    ],
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
  throw new Error('expected a LedgerError');
}

describe('QuickBooksClient against the QuickBooks simulator', () => {
  let now: Date;
  let sim: QuickBooksSimulator;
  let client: QuickBooksClient;
  let session: LedgerSession;
  let refreshToken: string;
  let base: string;
  const admin = (path: string, method: string, body: unknown) =>
    fetch(`${base}/_sim/companies/${session.tenantId}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeEach(async () => {
    now = new Date('2024-06-15T10:00:00Z');
    sim = buildQuickBooksSimulator({ clock: () => now });
    base = await sim.app.listen({ port: 0, host: '127.0.0.1' });
    client = new QuickBooksClient({
      ...QUICKBOOKS_SIM_CLIENT,
      baseUrl: base,
      clock: () => now,
      timeoutMs: 2000,
    });
    const page = await (await fetch(client.authorizeUrl({ state: 'csrf-q', redirectUri: REDIRECT }))).text();
    const fields = Object.fromEntries(
      [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    );
    const organisation = /<option value="([^"]+)" selected>/.exec(page)?.[1] ?? '';
    const allowed = await fetch(`${base}/connect/oauth2`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, organisation, decision: 'allow' }).toString(),
    });
    const location = new URL(allowed.headers.get('location') ?? '');
    const grant = await client.exchangeCode({
      code: location.searchParams.get('code') ?? '',
      redirectUri: REDIRECT,
      realmId: location.searchParams.get('realmId') ?? '',
    });
    expect(grant.tenants[0]?.name).toBe('Docket Demo Ltd (UK)');
    session = { accessToken: grant.tokens.accessToken, tenantId: grant.tenants[0]?.id ?? '' };
    refreshToken = grant.tokens.refreshToken;
  });
  afterEach(async () => sim.app.close());

  it('when Docket loads lists, then accounts, tax codes, contacts, classes, locations and currencies arrive normalised', async () => {
    const lists = await client.fetchLists(session);
    expect(lists.organisation).toMatchObject({
      baseCurrency: 'GBP',
      countryCode: 'GB',
      plan: 'QuickBooks Online Plus',
    });
    expect(lists.bankAccounts.map((a) => a.name)).toEqual([
      'Business Current Account',
      'Company Credit Card',
      'Euro Bank Account',
    ]);
    expect(lists.accounts.find((a) => a.name === 'Old Vehicle Costs')?.active).toBe(false);
    expect(lists.taxRates.find((t) => t.name === '20.0% S')).toMatchObject({
      id: '1',
      rateBasisPoints: 2000,
    });
    expect(lists.contacts.find((c) => c.name === 'Bayside Club')).toMatchObject({
      id: 'customer:1',
      customer: true,
    });
    expect(lists.tracking.map((t) => [t.kind, t.options.length])).toEqual([
      ['class', 2],
      ['location', 2],
    ]);
    expect(lists.currencies).toEqual(['GBP', 'EUR', 'USD']);
  });

  it('when a bill is published with its receipt, then QuickBooks holds the bill and the bytes, and findExisting finds it', async () => {
    const published = await client.publish(session, draft());
    expect(published).toMatchObject({ kind: 'bill', number: 'AF-88', totalMinor: 14_400n, currency: 'GBP' });
    const bytes = new TextEncoder().encode('%PDF-1.4 chair receipt');
    const attached = await client.attachFile(session, published, {
      fileName: 'chair.pdf',
      contentType: 'application/pdf',
      bytes,
    });
    expect(attached).toMatchObject({ fileName: 'chair.pdf', sizeBytes: bytes.length });
    const file = await fetch(`${base}/_sim/companies/${session.tenantId}/files/${attached.id}`);
    expect(await file.text()).toBe('%PDF-1.4 chair receipt');
    expect(
      await client.findExisting(session, { kind: 'bill', documentNumber: 'AF-88', contactId: 'vendor:1' }),
    ).toMatchObject({ id: published.id });
    expect(await client.findExisting(session, { kind: 'bill', documentNumber: "O'Brien-1" })).toBeNull();
  });

  it('when the supplier is named but new, then the client creates the vendor once and publishes a purchase', async () => {
    const purchase = await client.publish(
      session,
      draft({
        kind: 'spend_money',
        contact: { name: 'Corner Café' },
        bankAccountId: '2',
        paymentType: 'credit_card',
        documentNumber: null,
      }),
    );
    expect(purchase).toMatchObject({ kind: 'spend_money', totalMinor: 14_400n });
    const lists = await client.fetchLists(session);
    expect(lists.contacts.filter((c) => c.name === 'Corner Café')).toHaveLength(1);
  });

  it('when a receipt is attached to a bill that does not exist, then the upload is refused as an invalid reference', async () => {
    const error = await failure(
      client.attachFile(
        session,
        { kind: 'bill', id: '999' },
        { fileName: 'x.pdf', contentType: 'application/pdf', bytes: new Uint8Array([1]) },
      ),
    );
    expect(error).toMatchObject({
      code: 'inactive_reference',
      vendorMessage: 'Invalid Reference Id : Bill element id 999 not found',
    });
  });

  it('when a publish is retried with the same key, then one bill exists', async () => {
    const first = await client.publish(session, draft());
    const second = await client.publish(session, draft());
    expect(second.id).toBe(first.id);
  });

  it("when the books are closed, then the error is period_locked with QuickBooks' words", async () => {
    await admin('', 'PATCH', { bookCloseDate: '2024-06-30' });
    const error = await failure(client.publish(session, draft()));
    expect(error.toJSON()).toMatchObject({ code: 'period_locked', retryable: false });
    expect(error.vendorMessage).toMatch(/account period has closed/);
  });

  it('when the vendor was made inactive, then the error is inactive_reference', async () => {
    await admin('/deactivate', 'POST', { entity: 'Vendor', id: '1' });
    expect((await failure(client.publish(session, draft()))).code).toBe('inactive_reference');
  });

  it('when the company is on Simple Start, then a bill is a plan_limit error', async () => {
    await admin('', 'PATCH', { plan: 'SimpleStart' });
    expect((await failure(client.publish(session, draft()))).code).toBe('plan_limit');
  });

  it('when the document number is taken, then the error is duplicate', async () => {
    await client.publish(session, draft());
    expect((await failure(client.publish(session, draft({ idempotencyKey: 'item-9-publish-2' })))).code).toBe(
      'duplicate',
    );
  });

  it('when the realm is throttled, then the error is rate_limited and retryable', async () => {
    for (let i = 0; i < 500; i += 1) {
      const admission = sim.state.limiter.admit(session.tenantId);
      if (admission.ok) admission.release();
    }
    expect(await failure(client.fetchLists(session))).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      retryAfterSeconds: 60,
    });
  });

  it('when the access token expired, then calls are unauthorized until a rotated refresh', async () => {
    now = new Date(now.getTime() + 3600_000);
    expect((await failure(client.fetchLists(session))).code).toBe('unauthorized');
    const tokens = await client.refresh(refreshToken);
    expect(
      (await client.fetchLists({ ...session, accessToken: tokens.accessToken })).organisation.baseCurrency,
    ).toBe('GBP');
    await client.revoke(tokens.refreshToken);
    expect((await failure(client.refresh(tokens.refreshToken))).code).toBe('unauthorized');
  });
});
