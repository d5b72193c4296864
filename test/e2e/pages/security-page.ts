import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';
import { completeTwoFactorSetup, finishBackupCodes, type TwoFactorSecrets } from './two-factor-setup';

/** User settings > Security. */
export class SecurityPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<this> {
    await new AppShell(this.page).open('User settings', 'Security');
    await this.page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    return this;
  }

  get twoFactor(): Locator {
    return this.page.getByRole('region', { name: 'Two-factor authentication' });
  }

  /** Turns 2FA on with the shown key; `beforeFinishing` may look at the backup codes screen first. */
  async enableTwoFactor(beforeFinishing?: () => Promise<void>): Promise<TwoFactorSecrets> {
    await this.page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secrets = await completeTwoFactorSetup(this.page, 'Turn on two-factor authentication');
    if (beforeFinishing) await beforeFinishing();
    await finishBackupCodes(this.page);
    await this.twoFactor.getByText('On', { exact: true }).waitFor();
    return secrets;
  }

  /** "N of 12". */
  get backupCodesLeft(): Locator {
    return this.twoFactor.getByTestId('backup-codes-left');
  }
}
