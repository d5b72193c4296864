import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { AccountantPage } from './pages/accountant-page';
import { ClientsPage } from './pages/clients-page';
import { allowAccessByApi, signUpByApi, usersOf } from './support/accounts-api';
import { useDocket } from './support/journey';
import { waitForMail } from './support/mailbox';
import { keepScreenshot } from './support/screenshots';

void describe('clients: how a business and its accountant connect, transfer and disconnect', () => {
  const journey = useDocket();

  journey(
    'when a business connected to practice A invites someone else, then practice B gets it in one step and A no longer finds it',
    async (page, { newPage, docket }) => {
      const [pageA, pageB] = await Promise.all([newPage(), newPage()]);
      const [practiceA, practiceB, business] = await Promise.all([
        signUpByApi(pageA, 'practice', 'transfer-a', `Alpha Accounts ${Date.now().toString(36)}`),
        signUpByApi(pageB, 'practice', 'transfer-b', `Beta Books ${Date.now().toString(36)}`),
        signUpByApi(page, 'business', 'transfer-biz'),
      ]);

      // The business allows practice A from Business settings > Accountant.
      const accountant = await new AccountantPage(page).open(business.accountId);
      await accountant.allowAccess(practiceA.email, practiceA.accountName);
      const usersBefore = await usersOf(page, business.accountId);

      // Practice A finds the business in Clients, and opens it from Manage.
      const clientsA = await new ClientsPage(pageA).open(practiceA.accountId);
      assert.deepEqual(await clientsA.names(), [business.accountName]);
      await (await clientsA.manage(business.accountName)).getByRole('menuitem', { name: 'Users' }).click();
      await pageA.getByRole('heading', { name: business.accountName, level: 1 }).waitFor();
      const clientUrl = pageA.url();

      // Invite someone else: A is disconnected and B is connected in one step.
      await accountant.inviteSomeoneElse(practiceB.email, practiceB.accountName);
      assert.equal(await accountant.connectedTo(practiceA.accountName).count(), 0);

      await clientsA.open(practiceA.accountId);
      await clientsA.table.getByText('No clients yet').waitFor();
      await pageA.goto(clientUrl);
      await pageA.getByRole('heading', { name: 'Client not found' }).waitFor();
      await waitForMail(docket.baseUrl, practiceA.email, /moved to another accountant/);

      const clientsB = await new ClientsPage(pageB).open(practiceB.accountId);
      assert.deepEqual(await clientsB.names(), [business.accountName]);

      // No data changed: the business has the same users, and its own pages are unchanged.
      assert.deepEqual(await usersOf(page, business.accountId), usersBefore);
    },
  );

  journey(
    'when practice A disconnects a client after choosing its owner, then the client sees the banner and invites practice B from Business settings > Accountant',
    async (page, { newPage, docket }) => {
      const [pageA, pageB] = await Promise.all([newPage(), newPage()]);
      const [practiceA, practiceB, business] = await Promise.all([
        signUpByApi(pageA, 'practice', 'disc-a', `Alder Partners ${Date.now().toString(36)}`),
        signUpByApi(pageB, 'practice', 'disc-b', `Birch Bookkeeping ${Date.now().toString(36)}`),
        signUpByApi(page, 'business', 'disc-biz'),
      ]);
      await allowAccessByApi(page, business, practiceA.email);

      // Practice A: Clients > Manage > Disconnect…: the explanation, then the account owner, then confirm.
      const clients = await new ClientsPage(pageA).open(practiceA.accountId);
      const dialog = await clients.chooseFromManage(business.accountName, 'Disconnect…');
      await dialog.getByText(/keeps its Docket account and all its data/).waitFor();
      await dialog
        .getByText(/Only the client can, by sending you a new invitation from Business settings › Accountant/)
        .waitFor();
      await keepScreenshot(pageA, 'disconnect-explanation');
      await dialog.getByRole('button', { name: 'Continue' }).click();
      const owner = dialog.getByRole('radio', { name: new RegExp(business.email.replace(/[.+]/g, '\\$&')) });
      await owner.waitFor();
      assert.equal(await owner.isChecked(), true, 'the business owner is chosen first');
      await keepScreenshot(pageA, 'disconnect-owner');
      await dialog.getByRole('button', { name: `Disconnect ${business.accountName}` }).click();
      await dialog.waitFor({ state: 'detached' });
      await clients.table.getByText('No clients yet').waitFor();
      await waitForMail(docket.baseUrl, business.email, /disconnected from your Docket account/);

      // The business: a banner across the app, and Connect another accountant.
      await page.goto(`/a/${business.accountId}/costs/inbox`);
      const banner = page.getByRole('region', { name: 'Account status' });
      await banner.getByText(`${practiceA.accountName} disconnected this account`).waitFor();
      await keepScreenshot(page, 'business-banner');
      await banner.getByRole('link', { name: 'Connect another accountant' }).click();
      const accountant = new AccountantPage(page);
      await accountant.section.waitFor();
      await accountant.allowAccess(practiceB.email, practiceB.accountName);
      await banner.waitFor({ state: 'detached' });

      const clientsB = await new ClientsPage(pageB).open(practiceB.accountId);
      assert.deepEqual(await clientsB.names(), [business.accountName]);
      await clients.open(practiceA.accountId);
      assert.equal(await clients.row(business.accountName).count(), 0);
    },
  );
});
