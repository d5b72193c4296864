import type { Locator, Page } from 'playwright-core';

/** The sign-in page (/sign-in). */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/sign-in');
    await this.heading.waitFor();
    return this;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Sign in to Docket' });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel(/^Password\b/).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The error the page shows, e.g. for a wrong password. */
  get error(): Locator {
    return this.page.getByRole('alert');
  }
}
