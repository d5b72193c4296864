import type { Page } from 'playwright-core';
import { uniqueEmail } from './journey';

/** A login with its own account, made through the API (setup only: journeys test the screens). */
export interface ApiAccount {
  kind: 'practice' | 'business';
  accountId: string;
  accountName: string;
  name: string;
  email: string;
  password: string;
}

const CHANGE = { 'x-docket-client': 'web' };

async function send<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response =
    method === 'GET'
      ? await page.request.get(path)
      : await page.request.post(path, { data: data ?? {}, headers: CHANGE });
  if (!response.ok()) {
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/**
 * Signs up a new login and account in `page`'s browser context (its session cookie stays there),
 * without going through the sign-up screen.
 */
export async function signUpByApi(
  page: Page,
  kind: ApiAccount['kind'],
  prefix: string,
  accountName = `${kind === 'practice' ? 'Ledger & Co' : 'Harbour Cafe'} ${Math.random().toString(36).slice(2, 7)}`,
): Promise<ApiAccount> {
  const details = {
    kind,
    accountName,
    name: `${prefix} Person`,
    email: uniqueEmail(prefix),
    password: `${prefix} has a long password`,
  };
  const me = await send<{ currentAccountId: string }>(page, 'POST', '/api/auth/sign-up', details);
  return { ...details, accountId: me.currentAccountId };
}

/** Signs in again (after the server clock moved past the session's expiry). */
export async function signInByApi(page: Page, account: ApiAccount): Promise<void> {
  await send(page, 'POST', '/api/auth/sign-in', { email: account.email, password: account.password });
}

/** The business (signed in in `page`) gives the practice access: "Allow access", through the API. */
export async function allowAccessByApi(
  page: Page,
  business: ApiAccount,
  practiceEmail: string,
): Promise<void> {
  await send(page, 'POST', `/api/accounts/${business.accountId}/accountant/invite`, { email: practiceEmail });
}

/** The practice (signed in in `page`) adds a client; resolves with the client's id. */
export async function addClientByApi(
  page: Page,
  practice: ApiAccount,
  name: string,
  users: { name: string; email: string; invite: boolean }[] = [],
): Promise<string> {
  const { clientId } = await send<{ clientId: string }>(
    page,
    'POST',
    `/api/accounts/${practice.accountId}/clients`,
    {
      name,
      users: users.map((u) => ({ ...u, role: 'admin' })),
    },
  );
  return clientId;
}

export async function usersOf(page: Page, accountId: string): Promise<{ email: string }[]> {
  return (await send<{ users: { email: string }[] }>(page, 'GET', `/api/accounts/${accountId}/users`)).users;
}

/** Moves the server clock forward (the server runs with DOCKET_DEV_CLOCK=on). */
export async function advanceClock(baseUrl: string, advanceMs: number): Promise<Date> {
  const response = await fetch(`${baseUrl}/api/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CHANGE },
    body: JSON.stringify({ advanceMs }),
  });
  if (!response.ok)
    throw new Error(`POST /api/dev/clock answered ${response.status}: ${await response.text()}`);
  const { now } = (await response.json()) as { now: string };
  return new Date(now);
}
