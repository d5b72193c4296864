import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { ConnectionsPage } from './pages/connections-page';
import { signUpByApi } from './support/accounts-api';
import { useDocket } from './support/journey';
import {
  editItem,
  importedExpenseCategory,
  importedPurchaseTaxRate,
  isoDay,
  itemOf,
  publishAndSettle,
  receiptPdf,
  simulator,
  uploadReceipt,
  type ItemState,
} from './support/publishing';
import { keepScreenshot } from './support/screenshots';

const DAY_MS = 86_400_000;

/** A receipt uploaded through the API, reviewed through the API: supplier, date, total, an imported category. */
async function readyReceipt(
  page: Page,
  accountId: string,
  n: number,
  daysAgo: number,
  withTaxRate = false,
): Promise<ItemState> {
  const date = new Date(Date.now() - daysAgo * DAY_MS);
  const total = `${20 + n}.40`;
  const item = await uploadReceipt(
    page,
    accountId,
    `receipt-${n}.pdf`,
    await receiptPdf({ supplier: 'Paper Mill Ltd', date, number: `PM-${1000 + n}`, total }),
  );
  const categoryId = await importedExpenseCategory(page, accountId);
  const edited = await editItem(page, accountId, item.id, {
    contactName: 'Paper Mill Ltd',
    date: isoDay(date),
    total,
    currency: 'GBP',
    categoryId,
    ...(withTaxRate ? { taxRateId: await importedPurchaseTaxRate(page, accountId) } : {}),
  });
  assert.equal(
    edited.status,
    'ready',
    `the receipt should be Ready: ${JSON.stringify(edited.reviewReasons)}`,
  );
  return edited;
}

/** Business settings > Connections > the item's publishing (the PublishPanel on its own page). */
async function openItemPublishing(page: Page, accountId: string, itemId: string): Promise<void> {
  await page.goto(`/a/${accountId}/business-settings/connections/items/${itemId}`);
  await page.getByRole('region', { name: 'Publishing' }).waitFor();
}

void describe('publishing: connect a business to its accounting software, publish, and see why an item is held', () => {
  const journey = useDocket();

  journey(
    'when a business connects to Xero through the consent page, then it sees its lists, a published receipt is a bill with the document attached, and after a lock date the next one is held in To review with the reason',
    async (page) => {
      const business = await signUpByApi(page, 'business', 'xero-pub');
      const id = business.accountId;
      const connections = await new ConnectionsPage(page).open(id);
      await connections.whyNotPublishing.getByText(/Integration: not connected/).waitFor();
      await page
        .getByRole('table', { name: 'Accounting software' })
        .getByText('Not supported yet')
        .first()
        .waitFor();

      // Connect: Docket → the Xero (simulated) consent page → Allow access → back on Connections.
      const sim = await connections.connect('Xero (simulated)');
      const [org] = await simulator<{ tenantId: string; name: string }[]>(sim, 'GET', '/_sim/organisations');
      assert.ok(org, 'the simulator has an organisation');
      await connections.status('Connected').waitFor();
      await connections.details.getByText(org.name, { exact: true }).waitFor();
      assert.notEqual(
        await connections.details.getByRole('row', { name: /Last sync/ }).textContent(),
        'Last syncNever',
      );

      // Its lists: categories from the chart of accounts, tax rates, contacts, bank accounts.
      const categories = await connections.openList('Categories');
      assert.ok((await categories.getByRole('row').count()) > 5, 'categories were imported');
      await categories
        .getByRole('row', { name: /General Expenses/ })
        .first()
        .waitFor();
      const taxRates = await connections.openList('Tax rates');
      assert.ok((await taxRates.getByRole('row').count()) > 2, 'tax rates were imported');
      await connections.openList('Bank accounts');
      await keepScreenshot(page, 'connections-xero');

      // Publish a receipt: the bill in Xero has the original document attached.
      const first = await readyReceipt(page, id, 1, 3);
      const published = await publishAndSettle(page, id, first.id);
      assert.equal(published.state, 'published', JSON.stringify(published));
      await openItemPublishing(page, id, first.id);
      const open = page.getByRole('link', { name: 'Open in Xero' });
      const href = await open.getAttribute('href');
      assert.ok(href !== null && href.startsWith(sim), `"Open in Xero" points at the simulator: ${href}`);
      await page.getByText('Original document attached (1 file).').waitFor();
      const bill = await simulator<{
        document: { Type: string; Contact: { Name: string } };
        attachments: { FileName: string; MimeType: string }[];
      }>(sim, 'GET', new URL(href).pathname);
      assert.equal(bill.document.Type, 'ACCPAY');
      assert.equal(bill.document.Contact.Name, 'Paper Mill Ltd');
      assert.equal(bill.attachments.length, 1);
      assert.equal(bill.attachments[0]?.MimeType, 'application/pdf');

      // A trap the pre-check cannot know: the category was archived in Xero after the lists were read.
      // The item shows Ready (yellow) with the plain message and its fix; fixed, it publishes again.
      const trapped = await readyReceipt(page, id, 4, 3);
      await editItem(page, id, trapped.id, {
        categoryId: await importedExpenseCategory(page, id, 'Printing & Stationery'),
      });
      await fetch(`${sim}/_sim/organisations/${org.tenantId}/accounts/461/archive`, { method: 'POST' });
      const failed = await publishAndSettle(page, id, trapped.id);
      assert.equal(failed.state, 'failed', JSON.stringify(failed));
      await openItemPublishing(page, id, trapped.id);
      const trapPanel = page.getByRole('region', { name: 'Publishing' });
      await trapPanel.getByText('Ready (yellow): the last publish failed').first().waitFor();
      await trapPanel.getByText("The item's category is archived or deleted in Xero.").waitFor();
      await trapPanel.getByText(/^Fix: Refresh lists in Business settings > Connections/).waitFor();
      await keepScreenshot(page, 'item-ready-yellow');
      await editItem(page, id, trapped.id, {
        categoryId: await importedExpenseCategory(page, id, 'General Expenses'),
      });
      await trapPanel.getByRole('button', { name: 'Publish again' }).click();
      await trapPanel.getByRole('link', { name: 'Open in Xero' }).waitFor();
      await trapPanel.getByText('Ready (yellow): the last publish failed').waitFor({ state: 'detached' });

      // A lock date in Xero: after Refresh lists, the next receipt dated before it is held in To review.
      await simulator(sim, 'PATCH', `/_sim/organisations/${org.tenantId}`, {
        periodLockDate: isoDay(new Date()),
      });
      try {
        await connections.open(id);
        await page.getByRole('button', { name: 'Refresh lists' }).click();
        await page.getByText('Lists refreshed.').waitFor();
        await connections.lists.getByText(`lock date ${isoDay(new Date())}`, { exact: false }).waitFor();

        const second = await readyReceipt(page, id, 2, 2);
        const held = await publishAndSettle(page, id, second.id);
        assert.equal(held.state, 'held', JSON.stringify(held));
        assert.deepEqual(
          held.problems.map((p) => p.code),
          ['lock_date'],
        );
        const item = await itemOf(page, id, second.id);
        assert.equal(item.status, 'to_review');

        await openItemPublishing(page, id, second.id);
        const panel = page.getByRole('region', { name: 'Publishing' });
        await panel.getByText('In To review: the accounting software would refuse it').waitFor();
        await panel.getByText(/is on or before Xero's lock date/).waitFor();
        await page.getByRole('region', { name: 'Item' }).getByText('To review', { exact: true }).waitFor();
        await keepScreenshot(page, 'item-held-lock-date');

        // Connections answers "Why aren't my documents publishing?" with the held item and its reason.
        await connections.open(id);
        const why = connections.whyNotPublishing;
        await why.getByText(/Items: 1 item is held in To review/).waitFor();
        await why.getByRole('link', { name: /is on or before Xero's lock date/ }).waitFor();
        await why.getByRole('link', { name: 'Xero publishing error messages' }).waitFor();
        await why.getByRole('link', { name: 'QuickBooks Online publishing error messages' }).waitFor();
        await keepScreenshot(page, 'why-not-publishing');
      } finally {
        await simulator(sim, 'PATCH', `/_sim/organisations/${org.tenantId}`, { periodLockDate: null });
      }
    },
  );

  journey(
    'when a business connects to QuickBooks Online, then it sees its lists, a published receipt is a Bill with the document attached, and Disconnect keeps the lists',
    async (page) => {
      const business = await signUpByApi(page, 'business', 'qbo-pub');
      const id = business.accountId;
      const connections = await new ConnectionsPage(page).open(id);

      const sim = await connections.connect('QuickBooks Online (simulated)');
      const [company] = await simulator<{ realmId: string; name: string }[]>(sim, 'GET', '/_sim/companies');
      assert.ok(company, 'the simulator has a company');
      await connections.status('Connected').waitFor();
      await connections.details.getByText(company.name, { exact: true }).waitFor();
      const categories = await connections.openList('Categories');
      assert.ok((await categories.getByRole('row').count()) > 5, 'categories were imported');
      await connections.openList('Tax rates');
      await connections.openList('Tracking');
      await keepScreenshot(page, 'connections-quickbooks');

      // Publish from the item page (Costs > the item): its Publishing panel, then "Open in QuickBooks".
      const receipt = await readyReceipt(page, id, 3, 3, true);
      await page.goto(`/a/${id}/costs/items/${receipt.id}`);
      const panel = page.getByRole('region', { name: 'Publishing' });
      await panel.getByRole('button', { name: 'Publish', exact: true }).click();
      const open = panel.getByRole('link', { name: 'Open in QuickBooks' });
      await open.waitFor();
      await panel.getByText('Original document attached (1 file).').waitFor();
      await keepScreenshot(page, 'item-page-published');
      const href = await open.getAttribute('href');
      assert.ok(
        href !== null && href.startsWith(sim),
        `"Open in QuickBooks" points at the simulator: ${href}`,
      );
      assert.match(href, /\/documents\/Bill\//);
      const bill = await simulator<{ document: { TotalAmt: number }; attachables: unknown[] }>(
        sim,
        'GET',
        new URL(href).pathname,
      );
      assert.equal(bill.document.TotalAmt, 23.4);
      assert.equal(bill.attachables.length, 1);

      // Disconnect: publishing stops, the lists stay.
      await connections.open(id);
      const imported = await connections.listTab('Categories').textContent();
      await connections.disconnect();
      await connections.whyNotPublishing.getByText(/is disconnected/).waitFor();
      assert.equal(await connections.listTab('Categories').textContent(), imported);
      await page.getByRole('button', { name: 'Connect', exact: true }).waitFor();
    },
  );
});
