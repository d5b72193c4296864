import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_PASSWORD, useDocket } from './support/journey';

const PRACTICE = 'Demo & Co Accountants';
const BAKERY = 'Blue Bakery Ltd';

async function signInAsDemo(page: Page): Promise<AppShell> {
  await (await new SignInPage(page).open()).signIn('demo@docket.example', DEMO_PASSWORD);
  const shell = new AppShell(page);
  await shell.waitForAccount(PRACTICE);
  return shell;
}

function accountIdIn(url: string): string {
  const match = /\/a\/([0-9a-f-]{36})\//.exec(url);
  assert.ok(match?.[1], `the URL ${url} carries an account id`);
  return match[1];
}

void describe('accounts: the account switcher and users', () => {
  const journey = useDocket();

  journey(
    'when the demo login switches to Blue Bakery Ltd, then the business navigation shows, and switching back restores the practice',
    async (page) => {
      const shell = await signInAsDemo(page);
      const practiceId = accountIdIn(page.url());

      await shell.openAccountSwitcher();
      const listed = await shell.switcherAccounts.allInnerTexts();
      assert.ok(
        listed.some((t) => t.includes(PRACTICE) && t.includes('Practice · Practice Admin')),
        listed.join(' | '),
      );
      assert.ok(
        listed.some((t) => t.includes(BAKERY) && t.includes('Business · Admin')),
        listed.join(' | '),
      );
      await page.keyboard.press('Escape');

      await shell.switchTo(BAKERY);
      await page.waitForURL(/\/costs\/inbox$/);
      const bakeryId = accountIdIn(page.url());
      assert.notEqual(bakeryId, practiceId);
      await shell.navItem('Costs').waitFor();
      await shell.navItem('Sales').waitFor();
      await shell.navItem('Business settings').waitFor();
      assert.equal(await shell.navItem('Clients').count(), 0);

      await page.reload();
      await shell.waitForAccount(BAKERY);

      await shell.switchTo(PRACTICE);
      await page.waitForURL(/\/clients$/);
      assert.equal(accountIdIn(page.url()), practiceId);
      await shell.navItem('Clients').waitFor();
      assert.equal(await shell.navItem('Costs').count(), 0);
    },
  );

  journey(
    'when a business Admin opens Business settings > Users, then the account users are listed',
    async (page) => {
      const shell = await signInAsDemo(page);
      await shell.switchTo(BAKERY);
      await shell.open('Business settings', 'Users');
      await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
      // The people table (the page also shows a table of security events for Admins).
      const table = page.getByRole('table').filter({ hasText: 'owner@bluebakery.example' });
      await table.getByRole('cell', { name: 'owner@bluebakery.example' }).waitFor();
      await table.getByRole('cell', { name: 'demo@docket.example' }).waitFor();
      const rows = await table.locator('tbody tr').allTextContents();
      assert.equal(rows.length, 2, rows.join(' | '));
      assert.ok(
        rows.some((r) => r.includes('Brian Baker') && r.includes('Owner')),
        rows.join(' | '),
      );
    },
  );

  journey(
    'when a practice opens Team > Colleagues, then its colleagues and their roles are listed',
    async (page) => {
      const shell = await signInAsDemo(page);
      await shell.open('Team', 'Colleagues');
      await page.getByRole('heading', { name: 'Colleagues', level: 1 }).waitFor();
      const table = page.getByRole('table');
      await table.getByRole('cell', { name: 'staff@docket.example' }).waitFor();
      const rows = await table.locator('tbody tr').allTextContents();
      assert.ok(
        rows.some((r) => r.includes('Dana Demo') && r.includes('Practice Admin')),
        rows.join(' | '),
      );
      assert.ok(
        rows.some((r) => r.includes('Sam Staff') && r.includes('Standard')),
        rows.join(' | '),
      );
    },
  );
});
