import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { useDocket } from './support/journey';
import { signUpNew } from './support/people';

void describe('merge logins: one login for every account', () => {
  const journey = useDocket();

  journey(
    'when a login merges a second login, then the switcher shows both accounts and the merged login no longer signs in',
    async (page, { newPage }) => {
      const other = await signUpNew(await newPage(), 'business', 'merged', 'Robin at the cafe');
      const keeper = await signUpNew(page, 'practice', 'keeper');
      const shell = new AppShell(page);

      // Merging needs a confirmed email: the banner says so until the link is opened.
      await shell.open('User settings', 'Login details');
      await page.getByText('Please confirm your email address').waitFor();

      // Follow the confirmation link from the demo mailbox page.
      await page.goto('/dev/mailbox');
      await page.getByLabel('Recipient').fill(keeper.email);
      const mail = page.getByRole('article', {
        name: `Confirm your email address for Docket, to ${keeper.email}`,
      });
      await mail.getByRole('link', { name: /\/verify-email\?token=/ }).click();
      await page.getByText('Your email address is confirmed.').waitFor();
      await page.getByRole('link', { name: 'Go to Docket' }).click();
      await shell.waitForAccount(keeper.accountName);

      await shell.open('User settings', 'Login details');
      const merge = page.getByRole('region', { name: 'Merge logins' });
      await merge.getByLabel('Other login’s email').fill(other.email);
      await merge.getByLabel('Other login’s password').fill(other.password);
      await merge.getByRole('button', { name: 'Check the other login' }).click();

      const confirmation = page.getByRole('region', { name: 'Confirm the merge' });
      await confirmation.getByText('This is permanent').waitFor();
      await confirmation.getByRole('listitem').filter({ hasText: other.accountName }).waitFor();
      await confirmation.getByRole('button', { name: 'Merge logins permanently' }).click();
      await merge.getByText(`${other.email} is merged into ${keeper.email}`).waitFor();

      await shell.openAccountSwitcher();
      const listed = await shell.switcherAccounts.allInnerTexts();
      assert.equal(listed.length, 2, listed.join(' | '));
      assert.ok(
        listed.some((t) => t.includes(keeper.accountName)),
        listed.join(' | '),
      );
      assert.ok(
        listed.some((t) => t.includes(other.accountName) && t.includes('Admin')),
        listed.join(' | '),
      );
      await page.keyboard.press('Escape');
      await shell.switchTo(other.accountName);

      const stranger = await newPage();
      const signIn = await new SignInPage(stranger).open();
      await signIn.signIn(other.email, other.password);
      await signIn.error.filter({ hasText: 'The email or password is not right' }).waitFor();
    },
  );

  journey(
    'when the login’s own email is not confirmed, then Merge logins says to confirm it first',
    async (page, { newPage }) => {
      const other = await signUpNew(await newPage(), 'business', 'unmerged');
      await signUpNew(page, 'business', 'unconfirmed');
      await new AppShell(page).open('User settings', 'Login details');
      const merge = page.getByRole('region', { name: 'Merge logins' });
      await merge.getByLabel('Other login’s email').fill(other.email);
      await merge.getByLabel('Other login’s password').fill(other.password);
      await merge.getByRole('button', { name: 'Check the other login' }).click();
      await merge.getByRole('alert').filter({ hasText: 'Confirm the email address' }).waitFor();
      await page.getByRole('button', { name: 'Resend confirmation email' }).click();
      await page.getByText('A new confirmation email is on its way.').waitFor();
    },
  );
});
