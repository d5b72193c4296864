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
  importedPurchaseTaxRate,
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
      // Products and services are a QuickBooks list: no tab for Xero.
      assert.equal(await page.getByRole('tab', { name: 'Products and services' }).count(), 0);

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
  journey(
    'when a business is connected to QuickBooks Online, then Lists shows its products and services read-only, and a paid receipt whose payment method is not linked is published as a Bill with the note and its fix on the Publish panel',
    async (page) => {
      const account = await signUpByApi(page, 'business', 'qbo-products');
      const id = account.accountId;
      await (await new ConnectionsPage(page).open(id)).connect('QuickBooks Online (simulated)');

      await page.goto(`/a/${id}/business-settings/lists`);
      await page.getByText('Categories come from QuickBooks Online').waitFor();
      await page.getByRole('tab', { name: 'Products and services' }).click();
      const products = page.getByRole('table', { name: 'Products and services' });
      const services = products.getByRole('row', { name: /Services/ });
      await services.getByRole('cell', { name: 'Sales', exact: true }).waitFor();
      await services.getByText('Active', { exact: true }).waitFor();
      assert.equal(await products.getByRole('button').count(), 0, 'the list is read-only');

      const card = (await (
        await page.request.post(`/api/accounts/${id}/payment-methods`, {
          headers: { 'x-docket-client': 'web' },
          data: { name: 'Company card' },
        })
      ).json()) as { id: string };
      const date = new Date(Date.now() - 2 * 86_400_000);
      const uploaded = await uploadReceipt(
        page,
        id,
        'paid.pdf',
        await publishingReceiptPdf({ supplier: 'Paper Mill Ltd', date, number: 'QP-1', total: '24.00' }),
      );
      const edited = await editItem(page, id, uploaded.id, {
        contactName: 'Paper Mill Ltd',
        date: isoDay(date),
        total: '24.00',
        currency: 'GBP',
        reference: 'QP-1',
        categoryId: await importedExpenseCategory(page, id),
        taxRateId: await importedPurchaseTaxRate(page, id),
        paymentMethodId: card.id,
        paid: true,
      });
      assert.equal(edited.status, 'ready', JSON.stringify(edited.reviewReasons));

      await page.goto(`/a/${id}/costs/items/${uploaded.id}`);
      const panel = page.getByRole('region', { name: 'Publishing' });
      await panel.getByRole('button', { name: 'Publish', exact: true }).click();
      const note = panel.getByRole('alert').filter({ hasText: 'Published as a Bill' });
      await note.waitFor();
      await note.getByText(/is not linked to a QuickBooks bank or card account/).waitFor();
      await note.getByText(/^Fix: To publish paid items as Cash, Check or Credit card purchases/).waitFor();
      await note.getByRole('link', { name: 'Open Business settings › Connections' }).click();
      await page.waitForURL(new RegExp(`/a/${id}/business-settings/connections$`));
    },
  );
});
