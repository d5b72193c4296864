import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { SecurityPage } from './pages/security-page';
import { SignInPage } from './pages/sign-in-page';
import { SupportConsolePage } from './pages/support-console-page';
import { TwoFactorChallengePage } from './pages/two-factor-challenge-page';
import { completeTwoFactorSetup, finishBackupCodes } from './pages/two-factor-setup';
import { uniqueEmail, useDocket } from './support/journey';
import type { RunningDocket } from './support/docket-server';
import { linkIn, mailTo, waitForMail } from './support/mailbox';
import { isInAccount, signUpNew } from './support/people';

const AGENT = uniqueEmail('agent');
const AGENT_PASSWORD = 'the support desk password';

void describe('locked out of 2FA: a request confirmed by email, approved by a support agent', () => {
  const journey = useDocket({ supportAgents: [AGENT] });

  // The agent's password link works once: whichever journey comes first sets the password.
  let passwordSet: Promise<void> | undefined;
  async function openConsole(page: Page, docket: RunningDocket): Promise<SupportConsolePage> {
    const console = new SupportConsolePage(page);
    passwordSet ??= console.setPassword(docket.agentLinks.get(AGENT) ?? '', AGENT_PASSWORD);
    await passwordSet;
    return console.signIn(AGENT, AGENT_PASSWORD);
  }

  journey(
    'when a login loses its authenticator and asks support, then after the emailed confirmation and an agent’s approval it signs in and sets 2FA up again',
    async (page, { docket, newPage }) => {
      const me = await signUpNew(page, 'business', 'lockedout');
      await new SecurityPage(page).open().then((s) => s.enableTwoFactor());
      await new AppShell(page).signOut();

      // The phone is gone, and so are the backup codes.
      const signIn = new SignInPage(page);
      await signIn.heading.waitFor();
      await signIn.signIn(me.email, me.password);
      await new TwoFactorChallengePage(page).openLockedOut();
      await page.getByText('Docket deliberately offers no email or SMS codes').waitFor();
      await page.getByText('only acts on a request confirmed from your login’s own email address').waitFor();
      assert.equal(await page.getByLabel('Your login email').inputValue(), me.email);
      await page.getByLabel(/Anything support should know/).fill('My phone was stolen.');
      await page.getByRole('button', { name: 'Ask support to turn off two-factor authentication' }).click();
      await page.getByText('we sent it a link to confirm the request').waitFor();

      // Nothing reaches the agent before the login's own mailbox confirms it.
      const agentPage = await newPage();
      const console = await openConsole(agentPage, docket);
      await console.requests.getByText(/waiting for a decision/).waitFor();
      assert.equal(await console.rowFor(me.email).count(), 0, 'an unconfirmed request is not listed');

      const mail = await waitForMail(docket.baseUrl, me.email, /Confirm your request/);
      await page.goto(linkIn(mail, '/support/confirm'));
      await page.getByRole('button', { name: 'Confirm my request' }).click();
      await page.getByText('Request confirmed').waitFor();

      await agentPage.reload();
      const row = console.rowFor(me.email);
      await row.getByText('My phone was stolen.').waitFor();
      await row.getByRole('button', { name: `Approve the request of ${me.email}` }).click();
      await row.getByText('Approved', { exact: true }).waitFor();
      await waitForMail(docket.baseUrl, me.email, /Two-factor authentication was turned off/);

      // Signing in now goes straight through setting up 2FA again.
      await page.goto('/sign-in');
      await signIn.signIn(me.email, me.password);
      await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
      await completeTwoFactorSetup(page, 'Turn on two-factor authentication');
      await finishBackupCodes(page);
      await page.waitForURL(isInAccount);
      await new AppShell(page).waitForAccount(me.accountName);
    },
  );

  journey(
    'when a request names an email that is not a login, then the same answer shows and it never reaches an agent',
    async (page, { docket, newPage }) => {
      const nobody = uniqueEmail('nobody');
      await page.goto('/sign-in/locked-out');
      await page.getByLabel('Your login email').fill(nobody);
      await page.getByRole('button', { name: 'Ask support to turn off two-factor authentication' }).click();
      await page.getByText('we sent it a link to confirm the request').waitFor();

      const console = await openConsole(await newPage(), docket);
      await console.requests.getByText(/waiting for a decision/).waitFor();
      assert.equal(await console.rowFor(nobody).count(), 0);
      assert.deepEqual(
        await mailTo(docket.baseUrl, nobody),
        [],
        'no mail goes to an address without a login',
      );
    },
  );
});
