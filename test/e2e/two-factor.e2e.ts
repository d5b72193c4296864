import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe } from 'node:test';
import { AppShell } from './pages/app-shell';
import { SecurityPage } from './pages/security-page';
import { SignInPage } from './pages/sign-in-page';
import { TwoFactorChallengePage } from './pages/two-factor-challenge-page';
import { useDocket } from './support/journey';
import { isInAccount, signUpNew } from './support/people';
import { totpCode } from './support/totp';

void describe('two-factor authentication: authenticator app and backup codes', () => {
  const journey = useDocket();

  journey(
    'when a login turns on 2FA, then it signs in with a code, then with a backup code, and that backup code never works again',
    async (page) => {
      const me = await signUpNew(page, 'business', 'twofactor');
      const shell = new AppShell(page);
      const security = await new SecurityPage(page).open();
      await security.twoFactor.getByText('Off', { exact: true }).waitFor();

      let downloaded = '';
      const { key, backupCodes } = await security.enableTwoFactor(async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download as text' }).click(),
        ]);
        assert.equal(download.suggestedFilename(), 'docket-backup-codes.txt');
        downloaded = await readFile(await download.path(), 'utf8');
      });
      for (const code of backupCodes) assert.ok(downloaded.includes(code), `the download holds ${code}`);
      assert.equal(await security.backupCodesLeft.innerText(), '12 of 12');

      // With a code from the authenticator app. The code used to confirm the setup cannot be used
      // again, so the app's next code is used (Docket accepts one step of clock skew).
      await shell.signOut();
      const signIn = new SignInPage(page);
      await signIn.heading.waitFor();
      await signIn.signIn(me.email, me.password);
      const challenge = new TwoFactorChallengePage(page);
      await challenge.enterCode(totpCode(key, 1));
      await page.waitForURL(isInAccount);
      await shell.waitForAccount(me.accountName);

      // With a backup code.
      const [backupCode] = backupCodes;
      assert.ok(backupCode);
      await shell.signOut();
      await signIn.heading.waitFor();
      await signIn.signIn(me.email, me.password);
      await challenge.enterBackupCode(backupCode);
      await page.waitForURL(isInAccount);
      await shell.waitForAccount(me.accountName);
      await new SecurityPage(page).open();
      assert.equal(await security.backupCodesLeft.innerText(), '11 of 12');

      // The same backup code again: refused, and the login stays at the challenge.
      await shell.signOut();
      await signIn.heading.waitFor();
      await signIn.signIn(me.email, me.password);
      await challenge.enterBackupCode(backupCode);
      await challenge.error
        .filter({ hasText: 'That backup code is not right or was already used.' })
        .waitFor();
      assert.equal(new URL(page.url()).pathname, '/sign-in/two-factor');
      await page.goto('/');
      await challenge.heading.waitFor();
    },
  );

  journey('when a wrong code is entered, then the challenge says so', async (page) => {
    const me = await signUpNew(page, 'practice', 'wrongcode');
    const { key } = await new SecurityPage(page).open().then((s) => s.enableTwoFactor());
    await new AppShell(page).signOut();
    const signIn = new SignInPage(page);
    await signIn.heading.waitFor();
    await signIn.signIn(me.email, me.password);
    const challenge = new TwoFactorChallengePage(page);
    const right = totpCode(key, 1);
    const wrong = right === '000000' ? '111111' : '000000';
    await challenge.enterCode(wrong);
    await challenge.error.filter({ hasText: 'That code is not right or was already used.' }).waitFor();
    await page.getByLabel('Authentication code').fill(right);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(isInAccount);
  });
});
