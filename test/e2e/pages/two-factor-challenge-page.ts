import type { Locator, Page } from 'playwright-core';

/** The second step of signing in (/sign-in/two-factor). */
export class TwoFactorChallengePage {
  constructor(private readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Two-factor authentication' });
  }

  async enterCode(code: string): Promise<void> {
    await this.heading.waitFor();
    await this.page.getByLabel('Authentication code').fill(code);
    await this.page.getByRole('button', { name: 'Verify and sign in' }).click();
  }

  async enterBackupCode(code: string): Promise<void> {
    await this.heading.waitFor();
    await this.page.getByRole('button', { name: 'Use a backup code' }).click();
    await this.page.getByLabel('Backup code').fill(code);
    await this.page.getByRole('button', { name: 'Verify and sign in' }).click();
  }

  async openLockedOut(): Promise<void> {
    await this.heading.waitFor();
    await this.page.getByRole('link', { name: /can.t use my authenticator or backup codes/ }).click();
  }

  get error(): Locator {
    return this.page.getByRole('alert');
  }
}
