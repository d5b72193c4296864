import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { uniqueEmail, useDocket } from './support/journey';
import { linkIn, waitForMail } from './support/mailbox';
import { signUpNew } from './support/people';

interface NewUser {
  name: string;
  email: string;
  role: 'Admin' | 'Standard';
  loginAccess: boolean;
}

async function fillAddUser(page: Page, user: NewUser): Promise<void> {
  await page.getByRole('button', { name: 'Add a user' }).click();
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel(/^Name\b/).fill(user.name);
  await form.getByLabel(/^Email\b/).fill(user.email);
  await form.getByLabel('Role').selectOption({ label: user.role });
  const access = form.getByRole('switch', { name: 'Login access' });
  if ((await access.isChecked()) !== user.loginAccess) await access.click({ force: true });
  await form.getByRole('button', { name: 'Add user' }).click();
}

async function addUser(page: Page, user: NewUser): Promise<void> {
  await fillAddUser(page, user);
  await page.getByRole('form', { name: 'Add a user' }).waitFor({ state: 'hidden' });
}

/** Business settings > Users of the account the page is in. */
async function openUsers(page: Page): Promise<void> {
  await page.goto(page.url().replace(/\/costs\/inbox$/, '/business-settings/users'));
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
}

void describe('users and invitations', () => {
  const journey = useDocket();

  journey(
    'when an Admin invites a new email, then the invitee accepts from the emailed link and lands in the account',
    async (page, { docket, newPage }) => {
      const admin = await signUpNew(page, 'business', 'inviter');
      await openUsers(page);
      const invitee: NewUser = {
        name: 'Ines Invited',
        email: uniqueEmail('invitee'),
        role: 'Standard',
        loginAccess: true,
      };
      await addUser(page, invitee);
      await page.getByRole('status').filter({ hasText: 'Invitation sent' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: invitee.email });
      await row.getByText('No login yet').first().waitFor();
      await page.getByRole('table', { name: 'Open invitations' }).getByText(invitee.email).waitFor();

      const mail = await waitForMail(docket.baseUrl, invitee.email, /You are invited to/);
      const theirs = await newPage();
      await theirs.goto(linkIn(mail, '/invitation'));
      await theirs.getByRole('heading', { name: `Join ${admin.accountName} on Docket` }).waitFor();
      assert.equal(await theirs.getByLabel('Your name').inputValue(), invitee.name);
      await theirs.getByLabel(/^Choose a password\b/).fill('a password chosen by ines');
      await theirs.getByRole('button', { name: `Accept and join ${admin.accountName}` }).click();
      const shell = new AppShell(theirs);
      await shell.waitForAccount(admin.accountName);
      await theirs.waitForURL(/\/costs\/inbox$/);
      await theirs.getByRole('button', { name: `Your login: ${invitee.name}` }).waitFor();

      // The link works once.
      const again = await newPage();
      await again.goto(linkIn(mail, '/invitation'));
      await again
        .getByRole('alert')
        .filter({ hasText: 'This invitation has expired, was revoked or was already used' })
        .waitFor();

      await page.reload();
      await page.getByRole('row').filter({ hasText: invitee.email }).getByText('Active').waitFor();
    },
  );

  journey(
    'when an Admin adds an email that has a login, or a user without login access, then the outcome says so',
    async (page) => {
      await signUpNew(page, 'business', 'adder');
      await openUsers(page);
      await addUser(page, {
        name: 'Sam Staff',
        email: 'staff@docket.example',
        role: 'Admin',
        loginAccess: true,
      });
      await page.getByRole('status').filter({ hasText: 'linked to their existing login' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'staff@docket.example' }).getByText('Active').waitFor();

      const noLogin = uniqueEmail('nologin');
      await addUser(page, { name: 'Owen Owner', email: noLogin, role: 'Standard', loginAccess: false });
      await page.getByRole('status').filter({ hasText: 'added without login access' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: noLogin });
      await row.getByRole('button', { name: 'Invite Owen Owner to sign in' }).waitFor();

      // The same email twice in one account is where "already taken" belongs.
      await fillAddUser(page, {
        name: 'Sam Again',
        email: 'staff@docket.example',
        role: 'Standard',
        loginAccess: true,
      });
      await page
        .getByRole('form', { name: 'Add a user' })
        .getByRole('alert')
        .filter({ hasText: 'This email is already taken in this account' })
        .waitFor();
    },
  );
});
