import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { ClientsPage } from './pages/clients-page';
import { addClientByApi, advanceClock, signInByApi, signUpByApi } from './support/accounts-api';
import { useDocket, uniqueEmail } from './support/journey';
import { keepScreenshot } from './support/screenshots';

const DAY_MS = 24 * 3600 * 1000;

void describe('clients: deactivating, reactivating and deleting a client', () => {
  const journey = useDocket({ devClock: true });

  journey(
    'when a practice deactivates a client, then Reactivate stays disabled with its date until 4 months have passed, and then it reactivates',
    async (page, { docket }) => {
      const practice = await signUpByApi(page, 'practice', 'deact');
      const name = `Cedar Deli ${Date.now().toString(36)}`;
      await addClientByApi(page, practice, name);

      const clients = await new ClientsPage(page).open(practice.accountId);
      const dialog = await clients.chooseFromManage(name, 'Deactivate…');
      await dialog.getByText(/Reactivate stays disabled for 4 months/).waitFor();
      await dialog.getByText(/New uploads are kept but not extracted/).waitFor();
      await keepScreenshot(page, 'deactivate-dialog');
      await dialog.getByRole('button', { name: `Deactivate ${name}` }).click();
      await dialog.waitFor({ state: 'detached' });

      const row = clients.row(name);
      await row.getByText('Deactivated', { exact: true }).waitFor();
      const shownDate = (await row.getByText(/^Reactivate from /).innerText()).replace(
        'Reactivate from ',
        '',
      );
      assert.match(shownDate, /^\d{1,2} \w{3} \d{4}$/);

      // Before 4 months: Reactivate is disabled and says from when.
      const menu = await clients.manage(name);
      const early = menu.getByRole('menuitem', { name: `Reactivate (available from ${shownDate})` });
      await early.waitFor();
      assert.equal(await early.isDisabled(), true);
      await keepScreenshot(page, 'reactivate-disabled');
      await page.keyboard.press('Escape');

      // Four months and a few days later (sessions last 14 days: sign in again).
      await advanceClock(docket.baseUrl, 125 * DAY_MS);
      await signInByApi(page, practice);
      await clients.open(practice.accountId);
      const later = await clients.chooseFromManage(name, 'Reactivate…');
      await later.getByText(/uploads that waited while it was deactivated are processed now/).waitFor();
      await later.getByRole('button', { name: `Reactivate ${name}` }).click();
      await later.waitFor({ state: 'detached' });
      await clients.row(name).getByText('Deactivated', { exact: true }).waitFor({ state: 'detached' });
      const again = await clients.manage(name);
      await again.getByRole('menuitem', { name: 'Deactivate…' }).waitFor();
    },
  );

  journey(
    'when a practice deletes a client without users by typing its name, then it is gone, and a client with users is refused with the reason',
    async (page) => {
      const practice = await signUpByApi(page, 'practice', 'delete');
      const stamp = Date.now().toString(36);
      const empty = `Elm Studio ${stamp}`;
      const peopled = `Oak Joinery ${stamp}`;
      await addClientByApi(page, practice, empty);
      await addClientByApi(page, practice, peopled, [
        { name: 'Olive Oak', email: uniqueEmail('oak-owner'), invite: false },
      ]);

      const clients = await new ClientsPage(page).open(practice.accountId);
      await keepScreenshot(page, 'clients-page');

      // A client with users cannot be deleted: the dialog says why, and offers no way to confirm.
      const refused = await clients.chooseFromManage(peopled, 'Delete…');
      await refused.getByText('This client cannot be deleted').waitFor();
      const reason = await refused.getByRole('alert').innerText();
      assert.match(reason, /user/i, reason);
      assert.equal(await refused.getByRole('button', { name: 'Delete permanently' }).count(), 0);
      await keepScreenshot(page, 'delete-refused');
      await refused.getByRole('button', { name: 'Close' }).click();
      await refused.waitFor({ state: 'detached' });

      // Without users: the warning first, then type the name exactly.
      const dialog = await clients.chooseFromManage(empty, 'Delete…');
      await dialog.getByText('Deleted clients cannot be recovered').waitFor();
      const confirm = dialog.getByRole('button', { name: 'Delete permanently' });
      assert.equal(await confirm.isDisabled(), true);
      await dialog.getByLabel(/^Type/).fill(empty.toUpperCase());
      assert.equal(await confirm.isDisabled(), true, 'the name must match exactly');
      await dialog.getByLabel(/^Type/).fill(empty);
      await keepScreenshot(page, 'delete-dialog');
      await confirm.click();
      await dialog.waitFor({ state: 'detached' });
      await clients.row(empty).waitFor({ state: 'detached' });
      assert.deepEqual(await clients.names(), [peopled]);
    },
  );
});
