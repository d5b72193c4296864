import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage, type SignUpDetails } from './pages/sign-up-page';
import { useDocket, uniqueEmail } from './support/journey';

const PRACTICE_HOME = /\/a\/[0-9a-f-]{36}\/clients$/;

function practiceDetails(): SignUpDetails {
  return {
    kind: 'practice',
    accountName: `Ledger & Lamp ${Math.random().toString(36).slice(2, 6)}`,
    name: 'Priya Patel',
    email: uniqueEmail('practice'),
    password: 'a long enough practice password',
  };
}

async function signUpPractice(page: Page): Promise<SignUpDetails> {
  const details = practiceDetails();
  await (await new SignUpPage(page).open()).signUp(details);
  await page.waitForURL(PRACTICE_HOME);
  return details;
}

void describe('identity: sign up, sign in, sign out', () => {
  const journey = useDocket();

  journey(
    'when someone signs up as a practice, then they land in the app shell with the practice name and navigation',
    async (page) => {
      const details = await signUpPractice(page);
      const shell = new AppShell(page);
      await shell.waitForAccount(details.accountName);
      for (const item of ['Clients', 'Team', 'Data Health', 'Practice settings', 'User settings', 'Help']) {
        assert.equal(await shell.navItem(item).isVisible(), true, `${item} is in the navigation`);
      }
      for (const item of ['Costs', 'Sales', 'Business settings']) {
        assert.equal(await shell.navItem(item).count(), 0, `${item} is not in a practice's navigation`);
      }
      await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    },
  );

  journey(
    'when a practice user signs out and signs in again, then they are back in their practice',
    async (page) => {
      const details = await signUpPractice(page);
      const shell = new AppShell(page);
      await shell.signOut();
      const signIn = new SignInPage(page);
      await signIn.heading.waitFor();
      await page.goto('/');
      await signIn.heading.waitFor();

      await signIn.signIn(details.email, details.password);
      await page.waitForURL(PRACTICE_HOME);
      await shell.waitForAccount(details.accountName);
    },
  );

  journey('when the password is wrong, then the sign-in page says so and stays signed out', async (page) => {
    const signIn = await new SignInPage(page).open();
    await signIn.signIn('demo@docket.example', 'not the right password');
    await signIn.error.filter({ hasText: 'The email or password is not right' }).waitFor();
    assert.match(page.url(), /\/sign-in$/);
    await page.goto('/');
    await signIn.heading.waitFor();
  });

  journey(
    'when someone signs up with an email that has a login, then they see "This email is already taken"',
    async (page) => {
      const details = await signUpPractice(page);
      await new AppShell(page).signOut();
      await new SignInPage(page).heading.waitFor();

      const signUp = await new SignUpPage(page).open();
      await signUp.signUp({ ...practiceDetails(), email: details.email });
      await signUp.error.filter({ hasText: 'This email is already taken' }).waitFor();
      assert.match(page.url(), /\/sign-up$/);
    },
  );

  journey(
    'when a signed-out visitor opens an account page, then after signing in they arrive on that page',
    async (page) => {
      const details = await signUpPractice(page);
      const colleagues = page.url().replace(/\/clients$/, '/team/colleagues');
      await new AppShell(page).signOut();
      const signIn = new SignInPage(page);
      await signIn.heading.waitFor();

      await page.goto(colleagues);
      await signIn.heading.waitFor();
      await signIn.signIn(details.email, details.password);
      await page.waitForURL(colleagues);
      await page.getByRole('cell', { name: details.email }).waitFor();
    },
  );
});
