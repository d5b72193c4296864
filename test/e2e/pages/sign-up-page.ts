import type { Locator, Page } from 'playwright-core';

export interface SignUpDetails {
  kind: 'practice' | 'business';
  accountName: string;
  name: string;
  email: string;
  password: string;
}

/** The trial sign-up page (/sign-up). */
export class SignUpPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/sign-up');
    await this.page.getByRole('heading', { name: 'Start your free trial' }).waitFor();
    return this;
  }

  async signUp(details: SignUpDetails): Promise<void> {
    const kinds = this.page.getByRole('radiogroup', { name: 'Who is this account for?' });
    await kinds
      .getByText(details.kind === 'practice' ? 'Accounting practice' : 'Business', { exact: true })
      .click();
    const accountLabel = details.kind === 'practice' ? 'Practice name' : 'Business name';
    await this.page.getByLabel(accountLabel).fill(details.accountName);
    await this.page.getByLabel('Your name').fill(details.name);
    await this.page.getByLabel('Email').fill(details.email);
    await this.page.getByLabel(/^Password\b/).fill(details.password);
    await this.page.getByRole('button', { name: /^Create (practice|business) account$/ }).click();
  }

  get error(): Locator {
    return this.page.getByRole('alert');
  }
}
