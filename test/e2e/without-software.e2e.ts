import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe } from 'node:test';
import { ConnectionsPage } from './pages/connections-page';
import { WorkspacePages } from './pages/inbox-page';
import { ItemPage } from './pages/item-page';
import { signUpByApi } from './support/accounts-api';
import { useDocket } from './support/journey';
import {
  editItem,
  importedExpenseCategory,
  isoDay,
  publishAndSettle,
  receiptPdf as publishingReceiptPdf,
  simulator,
  uploadReceipt,
} from './support/publishing';
import { receiptPdf } from './support/receipts';

void describe('review lists and Ready with and without accounting software', () => {
  const journey = useDocket();

  journey(
    'when a business without accounting software reviews a receipt, then it moves it to Ready by hand, and exporting the Ready item to CSV downloads it and archives it; Connections lists other software as not supported yet',
    async (page) => {
      const account = await signUpByApi(page, 'business', 'no-ledger');
      const costs = new WorkspacePages(page, account.accountId);

      await page.goto(`/a/${account.accountId}/business-settings/connections`);
      const software = page.getByRole('table', { name: 'Accounting software' });
      await software
        .getByRole('row', { name: /Zoho Books/ })
        .getByText('Not supported yet', { exact: true })
        .waitFor();
      await page.getByRole('heading', { name: 'Without accounting software' }).waitFor();

      await costs.open('costs', 'inbox');
      await costs.upload([
        {
          name: 'kiln.pdf',
          mimeType: 'application/pdf',
          buffer: await receiptPdf({
            supplier: 'Kiln Pottery Ltd',
            date: '14/02/2026',
            reference: 'KP-77',
            total: '42.00',
          }),
        },
      ]);
      // No category yet: the item waits in To review.
      await costs.waitForRows('Kiln Pottery', 1);
      await costs.openItem('Kiln Pottery Ltd');
      const item = new ItemPage(page);
      await item.waitForStatus('To review');
      await page.getByRole('button', { name: 'Move to Ready' }).click();
      await page.getByText('Moved to Ready').waitFor();
      await item.waitForStatus('Ready');
      await page.getByRole('button', { name: 'Move to review' }).waitFor();

      await costs.open('costs', 'inbox');
      await costs.tab('Ready').click();
      await costs.waitForRows('Kiln Pottery', 1);
      await costs.row('Kiln Pottery').getByRole('checkbox').check();
      const toolbar = page.getByRole('toolbar', { name: 'Selected items' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        toolbar.getByRole('button', { name: 'Export to CSV and archive' }).click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      assert.match(csv, /Kiln Pottery Ltd/);
      assert.match(csv, /KP-77/);
      await page.getByText(/Exported to CSV and archived: 1 item/).waitFor();

      await costs.open('costs', 'archive');
      await costs.waitForRows('Kiln Pottery', 1);
    },
  );

  journey(
    'when a business is connected to Xero, then its categories and tax rates are read-only in Lists (Visible stays), and a Region picked on a receipt reaches the Xero bill',
    async (page) => {
      const account = await signUpByApi(page, 'business', 'tracking');
      const id = account.accountId;
      const connections = await new ConnectionsPage(page).open(id);
      const sim = await connections.connect('Xero (simulated)');
      const [org] = await simulator<{ tenantId: string }[]>(sim, 'GET', '/_sim/organisations');
      assert.ok(org, 'the simulator has an organisation');

      await page.goto(`/a/${id}/business-settings/lists`);
      await page.getByText('Categories come from Xero').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Add category' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Import CSV' }).count(), 0);
      const visible = page.getByRole('switch', { name: 'General Expenses visible' });
      await visible.waitFor();
      await page.getByRole('tab', { name: 'Tracking' }).click();
      await page.getByRole('table', { name: 'Region' }).getByText('North').waitFor();

      const date = new Date(Date.now() - 2 * 86_400_000);
      const uploaded = await uploadReceipt(
        page,
        id,
        'tracked.pdf',
        await publishingReceiptPdf({ supplier: 'Paper Mill Ltd', date, number: 'TR-1', total: '30.00' }),
      );
      await editItem(page, id, uploaded.id, {
        contactName: 'Paper Mill Ltd',
        date: isoDay(date),
        total: '30.00',
        currency: 'GBP',
        reference: 'TR-1',
        categoryId: await importedExpenseCategory(page, id),
      });
      await page.goto(`/a/${id}/costs/items/${uploaded.id}`);
      const item = new ItemPage(page);
      await item.waitForStatus('Ready');
      assert.equal(await page.getByRole('button', { name: 'Move to review' }).count(), 0);
      await item.choose('Region', 'North');
      await item.save();

      const published = await publishAndSettle(page, id, uploaded.id);
      assert.equal(published.state, 'published', JSON.stringify(published));
      const source = (await (await page.request.get(`/api/accounts/${id}/list-source`)).json()) as {
        tracking: { id: string; name: string; options: { id: string; name: string }[] }[];
      };
      const region = source.tracking.find((t) => t.name === 'Region');
      const north = region?.options.find((o) => o.name === 'North');
      const dump = await simulator<{
        invoices: { InvoiceNumber?: string; LineItems: { Tracking: unknown[] }[] }[];
      }>(sim, 'GET', `/_sim/organisations/${org.tenantId}`);
      const bill = dump.invoices.find((i) => i.InvoiceNumber === 'TR-1');
      assert.deepEqual(bill?.LineItems[0]?.Tracking, [
        { TrackingCategoryID: region?.id, TrackingOptionID: north?.id },
      ]);
    },
  );
});
