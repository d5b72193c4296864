import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { AppShell } from './pages/app-shell';
import { WorkspacePages, type UploadFile } from './pages/inbox-page';
import { ItemPage } from './pages/item-page';
import { signUpByApi, type ApiAccount } from './support/accounts-api';
import { useDocket } from './support/journey';
import { emailPdf, receiptPdf, zipOf, type Receipt } from './support/receipts';
import { keepScreenshot } from './support/screenshots';

const pdfFile = async (name: string, r: Receipt): Promise<UploadFile> => ({
  name,
  mimeType: 'application/pdf',
  buffer: await receiptPdf(r),
});

/** A new business signed in through the API, with the Costs Inbox open. */
async function newBusiness(
  page: Page,
  prefix: string,
): Promise<{ account: ApiAccount; costs: WorkspacePages }> {
  const account = await signUpByApi(page, 'business', prefix);
  const costs = new WorkspacePages(page, account.accountId);
  await costs.open('costs', 'inbox');
  return { account, costs };
}

void describe('capture and review: Extract by Email, upload, duplicates, merge and split', () => {
  const journey = useDocket();

  journey(
    "when a receipt PDF is emailed to a user's Extract by Email address, then it shows in Processing, then in the Inbox with its fields and that user as owner; fixing the category makes it Ready; it can be archived",
    async (page, { docket }) => {
      const { account, costs } = await newBusiness(page, 'mailer');
      const shell = new AppShell(page);

      await shell.open('Business settings', 'Lists');
      await page.getByLabel('Category name').fill('Office costs');
      await page.getByLabel('Code').fill('400');
      await page.getByRole('button', { name: 'Add category' }).click();
      await page
        .getByRole('table', { name: 'Categories' })
        .getByRole('cell', { name: 'Office costs', exact: true })
        .waitFor();

      await shell.open('User settings', 'Extract by Email');
      const mine = page.getByRole('table', { name: 'Your addresses' });
      const costsSingle = mine
        .locator('tr', { hasText: 'One document per file' })
        .filter({ hasText: 'Costs' });
      const address = (await costsSingle.locator('code').innerText()).trim();
      assert.match(address, /^[a-z0-9._-]+@/);

      await costs.open('costs', 'processing');
      await emailPdf(docket.smtpPort, address, {
        fileName: 'harbour-roasters.pdf',
        bytes: await receiptPdf({
          supplier: 'Harbour Roasters Ltd',
          date: '12/02/2026',
          reference: 'HR-1001',
          total: '12.50',
        }),
      });
      // Processing is brief (a text PDF is read in a few seconds): the document is seen there, or it has
      // already moved on to the Inbox by the time the page polls again.
      const accountId = /\/a\/([^/]+)\//.exec(page.url())?.[1] ?? '';
      const inInbox = async (): Promise<'inbox'> => {
        for (let i = 0; i < 60; i++) {
          const res = await page.request.get(
            `/api/accounts/${accountId}/items?workspace=costs&view=inbox&q=Harbour`,
          );
          const body = (await res.json()) as { items?: unknown[] };
          if ((body.items?.length ?? 0) > 0) return 'inbox';
          await new Promise((r) => setTimeout(r, 500));
        }
        throw new Error('the emailed receipt never reached the Inbox');
      };
      const seenProcessing = page
        .getByRole('table', { name: 'Documents being processed' })
        .getByText('harbour-roasters.pdf')
        .waitFor({ timeout: 30_000 });
      const reachedInbox = inInbox();
      await Promise.race([seenProcessing, reachedInbox]);
      // The loser keeps waiting in the background: it must not fail the run once the page moves on.
      seenProcessing.catch(() => undefined);
      reachedInbox.catch(() => undefined);

      await costs.open('costs', 'inbox');
      await costs.waitForRows('Harbour Roasters', 1);
      const row = costs.row('Harbour Roasters');
      const text = await row.innerText();
      assert.ok(text.includes('12.50'), text);
      assert.ok(text.includes(account.name), `the owner is ${account.name}: ${text}`);
      await row.getByText('To review').hover();
      await page.getByRole('tooltip').getByText('Category is missing').waitFor();
      await keepScreenshot(page, 'capture-inbox');

      await costs.openItem('Harbour Roasters Ltd');
      const item = new ItemPage(page);
      assert.equal(await item.field('Total').inputValue(), '12.50');
      assert.equal(await item.field('Date').inputValue(), '2026-02-12');
      await item.fields
        .getByLabel(/^Confidence \d+%$/)
        .first()
        .waitFor();
      await item.documentPage.waitFor({ timeout: 30_000 });
      await keepScreenshot(page, 'capture-item-page');

      await item.choose('Category', 'Office costs (400)');
      await item.save();
      await item.waitForStatus('Ready');
      await page.getByRole('tab', { name: 'History' }).click();
      await page.getByText(/Changed category/).waitFor();

      await page.getByRole('tab', { name: /^Notes/ }).click();
      await page.getByLabel('Add a note').fill('Paid with the office card.');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByText('Paid with the office card.', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Archive', exact: true }).click();
      await item.waitForStatus('Archived');
      await costs.open('costs', 'archive');
      await costs.waitForRows('Harbour Roasters', 1);
      await costs.open('costs', 'inbox');
      await costs.tab('Ready').click();
      assert.equal(await costs.row('Harbour Roasters').count(), 0);
    },
  );

  journey(
    'when a ZIP of three receipts is uploaded, then each becomes an item; when the same file is uploaded twice, then Submission history says it was already sent',
    async (page) => {
      const { costs } = await newBusiness(page, 'zipper');
      const receipts = await Promise.all(
        ['Alpha', 'Bravo', 'Charlie'].map((name, i) =>
          receiptPdf({
            supplier: `${name} Stationers`,
            date: '03/02/2026',
            reference: `Z-${i}`,
            total: `${20 + i}.00`,
          }),
        ),
      );
      const zip = zipOf({
        'alpha.pdf': receipts[0]!,
        'bravo.pdf': receipts[1]!,
        'charlie.pdf': receipts[2]!,
      });
      const lines = await costs.upload([{ name: 'receipts.zip', mimeType: 'application/zip', buffer: zip }]);
      assert.ok(
        lines.some((l) => l.includes('receipts.zip') && l.includes('Unpacked: 3 files')),
        lines.join(' | '),
      );
      await costs.waitForRows('Stationers', 3);

      const once = await pdfFile('delta.pdf', {
        supplier: 'Delta Bakery',
        date: '04/02/2026',
        reference: 'D-1',
        total: '7.20',
      });
      await costs.upload([once]);
      const again = await costs.upload([once]);
      assert.ok(
        again.some((l) => l.includes('delta.pdf') && /identical|already/i.test(l)),
        again.join(' | '),
      );

      await costs.open('costs', 'submission-history');
      const history = page.getByRole('table', { name: 'Submission history' });
      await history.locator('tr', { hasText: 'receipts.zip' }).waitFor();
      for (const name of ['alpha.pdf', 'bravo.pdf', 'charlie.pdf'])
        await history.getByText(name).first().waitFor();
      const identical = history.locator('tr', { hasText: 'delta.pdf' }).filter({ hasText: 'Already sent' });
      await identical.waitFor();
      assert.equal(await identical.count(), 1);
    },
  );

  journey(
    'when two receipts match as duplicates under Review mode, then they can be compared side by side and resolved as the same purchase, and restored',
    async (page) => {
      const { costs } = await newBusiness(page, 'dupes');
      const same = { supplier: 'Quayside Deli', date: '05/02/2026', total: '18.40' };
      await costs.upload([await pdfFile('deli-1.pdf', { ...same, reference: 'Q-1' })]);
      await costs.waitForRows('Quayside Deli', 1);
      await costs.upload([await pdfFile('deli-2.pdf', { ...same, reference: 'Q-2' })]);
      await costs.waitForRows('Quayside Deli', 2);
      const flagged = costs
        .row('Quayside Deli')
        .filter({ has: page.getByRole('img', { name: 'Suspected duplicate' }) });
      await flagged.waitFor({ timeout: 30_000 });
      await flagged.getByRole('link', { name: 'Quayside Deli' }).click();

      await page.getByText('Suspected duplicate', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Compare' }).click();
      const dialog = page.getByRole('dialog', { name: 'Compare suspected duplicate' });
      await dialog.getByRole('region', { name: 'This item' }).waitFor();
      await dialog.getByRole('region', { name: 'Matching item' }).getByText('Quayside Deli').waitFor();
      await dialog.getByRole('img', { name: /deli-1\.pdf, page 1/ }).waitFor({ timeout: 30_000 });
      await dialog.getByRole('img', { name: /deli-2\.pdf, page 1/ }).waitFor({ timeout: 30_000 });
      await keepScreenshot(page, 'capture-duplicate-compare');
      await dialog.getByRole('button', { name: "Yes, it's the same purchase" }).click();
      await dialog.waitFor({ state: 'hidden' });

      await costs.open('costs', 'inbox');
      await costs.waitForRows('Quayside Deli', 1);
      await costs.open('costs', 'submission-history');
      const removed = page
        .getByRole('table', { name: 'Submission history' })
        .locator('tr', { hasText: 'deli-2.pdf' });
      await removed.getByText('Duplicate removed').waitFor();
      await removed.getByRole('button', { name: 'Restore' }).click();
      await page.getByText('Restored to the Inbox').waitFor();
      await costs.open('costs', 'inbox');
      await costs.waitForRows('Quayside Deli', 2);
    },
  );

  journey(
    'when two items are merged, then one item keeps both pages (with a warning because totals differ); when it is split, then there are two items again',
    async (page) => {
      const { costs } = await newBusiness(page, 'merger');
      await costs.upload([
        await pdfFile('page-1.pdf', {
          supplier: 'Northern Print Co',
          date: '06/02/2026',
          reference: 'N-1',
          total: '30.00',
        }),
        await pdfFile('page-2.pdf', {
          supplier: 'Northern Print Co',
          date: '06/02/2026',
          reference: 'N-2',
          total: '45.00',
        }),
      ]);
      await costs.waitForRows('Northern Print', 2);

      await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
      await page
        .getByRole('toolbar', { name: 'Selected items' })
        .getByRole('button', { name: 'Merge' })
        .click();
      const confirm = page.getByRole('dialog', { name: 'Merge these items?' });
      await confirm.getByText(/total/i).first().waitFor();
      await confirm.getByRole('button', { name: 'Merge anyway' }).click();
      await page.getByText('Items merged').waitFor();
      await costs.waitForRows('Northern Print', 1);

      await costs.openItem('Northern Print Co');
      const item = new ItemPage(page);
      await page
        .getByText(/2 pages|page-2\.pdf/)
        .first()
        .waitFor();
      await item.more('Split');
      await page.getByRole('alert').getByText('Split into two items.').waitFor();
      await costs.open('costs', 'inbox');
      await costs.waitForRows('Northern Print', 2);

      await costs.open('costs', 'submission-history');
      await page.getByRole('table', { name: 'Submission history' }).getByText('Merged').first().waitFor();
    },
  );
});
