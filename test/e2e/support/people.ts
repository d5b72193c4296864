import type { Page } from 'playwright-core';
import { AppShell } from '../pages/app-shell';
import { SignUpPage, type SignUpDetails } from '../pages/sign-up-page';
import { uniqueEmail } from './journey';

const HOME = /\/a\/[0-9a-f-]{36}\/(clients|costs\/inbox)$/;

/** Signs up a new login with its own account through the trial page; waits until the app shows it. */
export async function signUpNew(
  page: Page,
  kind: SignUpDetails['kind'],
  prefix: string,
  name = 'Robin Reed',
): Promise<SignUpDetails> {
  const details: SignUpDetails = {
    kind,
    accountName: `${kind === 'practice' ? 'Tally & Co' : 'Harbour Cafe'} ${Math.random().toString(36).slice(2, 7)}`,
    name,
    email: uniqueEmail(prefix),
    password: `${prefix} has a long password`,
  };
  await (await new SignUpPage(page).open()).signUp(details);
  await page.waitForURL(HOME);
  await new AppShell(page).waitForAccount(details.accountName);
  return details;
}

/** True for the URL of any page inside an account (/a/:accountId/...). */
export function isInAccount(url: URL): boolean {
  return /^\/a\/[0-9a-f-]{36}\//.test(url.pathname);
}
