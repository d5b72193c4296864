import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe } from 'node:test';
import { WorkspacePages } from './pages/inbox-page';
import { ItemPage } from './pages/item-page';
import { signUpByApi } from './support/accounts-api';
import { useDocket } from './support/journey';
import { receiptPdf } from './support/receipts';

void describe('a business without accounting software: manual Ready and CSV export', () => {
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
});
