import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { AppShell } from './pages/app-shell';
import { ClientsPage } from './pages/clients-page';
import { addClientByApi, signUpByApi } from './support/accounts-api';
import { uniqueEmail, useDocket } from './support/journey';
import { keepScreenshot } from './support/screenshots';

void describe('clients: the client list, colleagues and New Client Defaults', () => {
  const journey = useDocket();

  journey(
    'when a practice adds a client, searches, sorts, pages, exports and uploads practice codes, then the list follows the server',
    async (page) => {
      const practice = await signUpByApi(page, 'practice', 'list');
      for (let batch = 0; batch < 3; batch++) {
        await Promise.all(
          Array.from({ length: 9 }, (_, i) =>
            addClientByApi(page, practice, `Client ${String(batch * 9 + i + 1).padStart(2, '0')}`),
          ),
        );
      }

      const clients = await new ClientsPage(page).open(practice.accountId);
      await page.getByText('1–27 of 27 clients').waitFor();

      // Add client.
      await page.getByRole('button', { name: 'Add client' }).click();
      const add = page.getByRole('dialog', { name: 'Add client' });
      await add.getByLabel('Client name').fill('Zephyr Zinc');
      await add.getByLabel('Practice code').fill('ZZ9');
      await add.getByRole('button', { name: 'Add client' }).click();
      await add.waitFor({ state: 'detached' });
      await page.getByText('1–28 of 28 clients').waitFor();

      // Search by name, then by practice code.
      await clients.search('zephyr');
      await page.getByText('1–1 of 1 client').waitFor();
      assert.deepEqual(await clients.names(), ['Zephyr Zinc']);
      await clients.search('ZZ9');
      await clients.table.getByText('ZZ9').waitFor();
      await page.getByText('1–1 of 1 client').waitFor();
      assert.deepEqual(await clients.names(), ['Zephyr Zinc']);
      await clients.search('');
      await page.getByText('1–28 of 28 clients').waitFor();

      // Sort by name, descending.
      await clients.table.getByRole('button', { name: 'Client', exact: true }).click();
      await clients.table.locator('th[aria-sort="descending"]', { hasText: 'Client' }).waitFor();
      await clients.table.locator('tbody tr').first().getByText('Zephyr Zinc').waitFor();

      // 25 a page: the second page holds the last 3.
      await page.getByRole('combobox', { name: 'Clients per page' }).selectOption('25');
      await page.getByText('1–25 of 28 clients').waitFor();
      await page.getByRole('button', { name: 'Page 2' }).click();
      await page.getByText('26–28 of 28 clients').waitFor();
      assert.deepEqual(await clients.names(), ['Client 03', 'Client 02', 'Client 01']);

      // Export CSV: the same filters, every page.
      const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      assert.ok(href);
      const csv = await (await page.request.get(href)).text();
      assert.match(csv, /^Name,Practice code,/);
      assert.equal(csv.trim().split(/\r?\n/).length, 29, 'a header and 28 clients');

      // Bulk upload of practice codes, with the lines that were not applied.
      await page.getByRole('button', { name: 'Bulk upload practice codes' }).click();
      const codes = page.getByRole('dialog', { name: 'Bulk upload practice codes' });
      await codes.locator('input[type="file"]').setInputFiles({
        name: 'codes.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Client name,Practice code\nClient 01,C-001\nNobody Ltd,X1\n'),
      });
      await codes.getByRole('button', { name: 'Upload' }).click();
      await codes.getByText('1 client updated').waitFor();
      await codes.getByText('Line 3: No client called "Nobody Ltd".').waitFor();
      await codes.getByRole('button', { name: 'Close' }).click();
      await clients.row('Client 01').getByText('C-001').waitFor();
      await keepScreenshot(page, 'clients-list-sorted');
    },
  );

  journey(
    'when a Practice Admin adds colleagues one by one and in bulk, then deactivates and re-enables one, the owner stays protected',
    async (page) => {
      const practice = await signUpByApi(page, 'practice', 'team');
      await page.goto(`/a/${practice.accountId}/clients`);
      const shell = new AppShell(page);
      await shell.open('Team', 'Colleagues');
      await page.getByRole('heading', { name: 'Colleagues', level: 1 }).waitFor();

      const email = uniqueEmail('colleague');
      await page.getByRole('button', { name: 'Add a colleague' }).click();
      const add = page.getByRole('dialog', { name: 'Add a colleague' });
      await add.getByLabel('Name').fill('Casey Clerk');
      await add.getByLabel('Email').fill(email);
      await add.getByLabel('Role').selectOption('standard');
      await add.getByRole('radio', { name: 'All clients' }).check();
      await add.getByRole('button', { name: 'Add a colleague' }).click();
      await add.waitFor({ state: 'detached' });
      const table = page.getByRole('table');
      await table.getByRole('cell', { name: email }).waitFor();

      await page.getByRole('button', { name: 'Add multiple colleagues' }).click();
      const bulk = page.getByRole('dialog', { name: 'Add multiple colleagues' });
      const second = uniqueEmail('bulk');
      await bulk
        .getByLabel('People', { exact: true })
        .fill(`Bo Books,${second},Client Admin\nNo Email,,Standard\nMax Boss,${uniqueEmail('boss')},Boss`);
      await bulk.getByRole('button', { name: 'Add them' }).click();
      await bulk.getByText('1 of 3 added').waitFor();
      await bulk.getByText(/Line 2 \(no email\): not added/).waitFor();
      await bulk.getByText(/Line 3 .*: not added\. “Boss” is not a role here/).waitFor();
      await bulk.getByRole('button', { name: 'Close' }).click();
      await table.getByRole('cell', { name: second }).waitFor();

      // Deactivate Casey, find them on the Deactivated tab, re-enable them.
      const casey = table.locator('tbody tr', { hasText: email });
      await casey.getByRole('button', { name: 'Actions for Casey Clerk' }).click();
      await page.getByRole('menuitem', { name: 'Deactivate' }).click();
      await casey.waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: /^Deactivated/ }).click();
      await table.getByRole('cell', { name: email }).waitFor();
      await casey.getByRole('button', { name: 'Actions for Casey Clerk' }).click();
      await page.getByRole('menuitem', { name: 'Re-enable' }).click();
      await casey.waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: /^Active/ }).click();

      // The owner (the person who signed up) can be neither deactivated nor removed.
      const owner = table.locator('tbody tr', { hasText: practice.email });
      await owner.getByText('Owner', { exact: true }).waitFor();
      await owner.getByRole('button', { name: /^Actions for / }).click();
      const menu = page.getByRole('menu');
      await menu.getByText('The account owner cannot be deactivated or removed.').waitFor();
      assert.equal(await menu.getByRole('menuitem', { name: 'Deactivate' }).count(), 0);
      assert.equal(await menu.getByRole('menuitem', { name: 'Remove…' }).count(), 0);
      await keepScreenshot(page, 'colleagues');
    },
  );

  journey(
    'when a practice saves New Client Defaults, then they are kept and the page says they apply to new clients only',
    async (page) => {
      const practice = await signUpByApi(page, 'practice', 'defaults');
      await page.goto(`/a/${practice.accountId}/clients`);
      await new AppShell(page).open('Practice settings', 'New Client Defaults');
      await page.getByRole('heading', { name: 'New Client Defaults', level: 1 }).waitFor();
      await page.getByText('New clients only').waitFor();
      await page.getByLabel('Default payment status').selectOption('unpaid');
      await page.getByLabel(/^Due date/).fill('30');
      await page.getByRole('button', { name: 'Save defaults' }).click();
      await page.getByText(/New Client Defaults saved/).waitFor();
      await page.reload();
      await page.getByLabel(/^Due date/).waitFor();
      assert.equal(await page.getByLabel(/^Due date/).inputValue(), '30');
      assert.equal(await page.getByLabel('Default payment status').inputValue(), 'unpaid');
    },
  );
});
