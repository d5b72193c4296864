import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError, toDocketError } from '../ledger-error';
import type { LedgerSession, PublishDraft } from '../port';
import { buildXeroSimulator, XERO_SIM_CLIENT, type XeroSimulator } from '../xero-sim';
import { XeroClient } from './client';

const REDIRECT = 'http://127.0.0.1:5555/connections/xero/callback';

function draft(overrides: Partial<PublishDraft> = {}): PublishDraft {
  return {
    kind: 'bill',
    idempotencyKey: 'item-1-publish-1',
    contact: { name: 'ABC Furniture' },
    documentNumber: 'AF-77',
    reference: 'Office desk',
    date: '2024-06-10',
    dueDate: '2024-07-10',
    currency: 'GBP',
    amountsInclude: 'exclusive',
    status: 'awaiting_payment',
    lines: [
      { description: 'Desk', amountMinor: 25_000n, accountId: '429', taxRateId: 'INPUT2', tracking: [] },
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

describe('XeroClient against the Xero simulator', () => {
  let now: Date;
  let sim: XeroSimulator;
  let client: XeroClient;
  let session: LedgerSession;
  let refreshToken: string;
  let base: string;

  beforeEach(async () => {
    now = new Date('2024-06-15T10:00:00Z');
    sim = buildXeroSimulator({ clock: () => now });
    base = await sim.app.listen({ port: 0, host: '127.0.0.1' });
    client = new XeroClient({ ...XERO_SIM_CLIENT, baseUrl: base, clock: () => now, timeoutMs: 2000 });

    // The user's side of the OAuth dance: open the consent page, press "Allow access".
    const page = await (await fetch(client.authorizeUrl({ state: 'csrf-1', redirectUri: REDIRECT }))).text();
    const fields = Object.fromEntries(
      [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    );
    const organisation = /<option value="([^"]+)" selected>/.exec(page)?.[1] ?? '';
    const allowed = await fetch(`${base}/identity/connect/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, organisation, decision: 'allow' }).toString(),
    });
    const location = new URL(allowed.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('csrf-1');
    const grant = await client.exchangeCode({
      code: location.searchParams.get('code') ?? '',
      redirectUri: REDIRECT,
    });
    const tenant = grant.tenants[0];
    expect(tenant?.name).toBe('Demo Company (UK)');
    session = { accessToken: grant.tokens.accessToken, tenantId: tenant?.id ?? '' };
    refreshToken = grant.tokens.refreshToken;
    expect(grant.tokens.expiresAt.getTime() - now.getTime()).toBe(1800_000);
  });
  afterEach(async () => sim.app.close());

  it('when the access token expires, then calls fail as unauthorized and a refresh restores access', async () => {
    now = new Date(now.getTime() + 1800_000);
    const expired = await failure(client.fetchLists(session));
    expect(expired).toMatchObject({ code: 'unauthorized', retryable: false });
    const tokens = await client.refresh(refreshToken);
    expect(tokens.refreshToken).not.toBe(refreshToken);
    const lists = await client.fetchLists({ ...session, accessToken: tokens.accessToken });
    expect(lists.organisation.baseCurrency).toBe('GBP');
    expect((await failure(client.refresh(refreshToken))).vendorMessage).toBe('invalid_grant');
  });

  it('when Docket loads lists, then they arrive normalised', async () => {
    const lists = await client.fetchLists(session);
    expect(lists.bankAccounts.map((a) => a.id)).toEqual(['090', '091', '092']);
    expect(lists.accounts.find((a) => a.id === '477')).toMatchObject({ active: false, kind: 'expense' });
    expect(lists.taxRates.find((t) => t.id === 'INPUT2')).toMatchObject({
      rateBasisPoints: 2000,
      purchases: true,
      sales: false,
    });
    expect(lists.tracking.map((t) => t.name)).toEqual(['Region', 'Department']);
    expect(lists.currencies).toEqual(['GBP', 'EUR', 'USD']);
    expect(lists.contacts.some((c) => c.name === 'PowerDirect' && c.active)).toBe(true);
  });

  it('when a bill is published with its image, then Xero holds both and findExisting finds it', async () => {
    const published = await client.publish(session, draft());
    expect(published).toMatchObject({
      kind: 'bill',
      number: 'AF-77',
      status: 'AUTHORISED',
      totalMinor: 30_000n,
      currency: 'GBP',
    });
    const bytes = new TextEncoder().encode('%PDF-1.4 desk receipt');
    const attached = await client.attachFile(session, published, {
      fileName: 'desk receipt.pdf',
      contentType: 'application/pdf',
      bytes,
    });
    expect(attached).toMatchObject({ fileName: 'desk receipt.pdf', sizeBytes: bytes.length });
    const dump = (await (await fetch(`${base}/_sim/organisations/${session.tenantId}`)).json()) as {
      attachments: Record<string, { base64: string; MimeType: string }[]>;
    };
    expect(Buffer.from(dump.attachments[published.id]?.[0]?.base64 ?? '', 'base64').toString()).toBe(
      '%PDF-1.4 desk receipt',
    );
    expect(await client.findExisting(session, { kind: 'bill', documentNumber: 'AF-77' })).toMatchObject({
      id: published.id,
    });
    expect(await client.findExisting(session, { kind: 'bill', documentNumber: 'AF-78' })).toBeNull();
  });

  it('when a publish is retried with the same idempotency key, then one bill exists', async () => {
    const first = await client.publish(session, draft());
    const second = await client.publish(session, draft());
    expect(second.id).toBe(first.id);
    const dump = (await (await fetch(`${base}/_sim/organisations/${session.tenantId}`)).json()) as {
      invoices: unknown[];
    };
    expect(dump.invoices).toHaveLength(1);
  });

  it('when spend money is published with tracking, then it lands on the bank account', async () => {
    const lists = await client.fetchLists(session);
    const region = lists.tracking.find((t) => t.name === 'Region');
    const north = region?.options.find((o) => o.name === 'North');
    const spend = await client.publish(
      session,
      draft({
        kind: 'spend_money',
        bankAccountId: '090',
        lines: [
          {
            description: 'Train',
            amountMinor: 4_500n,
            accountId: '493',
            taxRateId: 'ZERORATEDINPUT',
            tracking: [{ categoryId: region?.id ?? '', optionId: north?.id ?? '' }],
          },
        ],
      }),
    );
    expect(spend).toMatchObject({ kind: 'spend_money', status: 'AUTHORISED', totalMinor: 4_500n });
  });

  it("when the date is inside the lock date, then the error is period_locked with Xero's own words", async () => {
    await fetch(`${base}/_sim/organisations/${session.tenantId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ periodLockDate: '2024-06-30' }),
    });
    const error = await failure(client.publish(session, draft()));
    expect(error.toJSON()).toEqual({
      code: 'period_locked',
      vendorMessage: 'The document date cannot be before the period lock date, currently set at 30 June 2024',
      retryable: false,
      retryAfterSeconds: null,
    });
    expect(toDocketError(error).code).toBe('permanent');
  });

  it('when the category is archived, then the error is inactive_reference', async () => {
    const error = await failure(
      client.publish(
        session,
        draft({
          lines: [
            { description: 'Fuel', amountMinor: 100n, accountId: '477', taxRateId: null, tracking: [] },
          ],
        }),
      ),
    );
    expect(error.code).toBe('inactive_reference');
  });

  it('when the organisation is over its minute limit, then the error is rate_limited with the retry delay', async () => {
    for (let i = 0; i < 60; i += 1) {
      const admission = sim.state.limiter.admit(session.tenantId);
      if (admission.ok) admission.release();
    }
    const error = await failure(client.findExisting(session, { kind: 'bill', documentNumber: 'X' }));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterSeconds: 60 });
    expect(toDocketError(error).code).toBe('rate_limited');
  });

  it('when Xero fails once with 503 or hangs, then the errors are retryable and the next call succeeds', async () => {
    await fetch(`${base}/_sim/traps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'status', status: 503 }),
    });
    expect(await failure(client.fetchLists(session))).toMatchObject({ code: 'unavailable', retryable: true });
    await fetch(`${base}/_sim/traps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'timeout' }),
    });
    const quick = new XeroClient({ ...XERO_SIM_CLIENT, baseUrl: base, timeoutMs: 200 });
    expect(await failure(quick.findExisting(session, { kind: 'bill', documentNumber: 'X' }))).toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    expect(await client.findExisting(session, { kind: 'bill', documentNumber: 'X' })).toBeNull();
  });

  it('when the connection is revoked, then the refresh token no longer works', async () => {
    await client.revoke(refreshToken);
    expect((await failure(client.refresh(refreshToken))).code).toBe('unauthorized');
  });
});
