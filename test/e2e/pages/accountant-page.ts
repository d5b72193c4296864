import type { Locator, Page } from 'playwright-core';

/** Business settings > Accountant. */
export class AccountantPage {
  constructor(private readonly page: Page) {}

  async open(businessId: string): Promise<this> {
    await this.page.goto(`/a/${businessId}/business-settings/accountant`);
    await this.section.waitFor();
    return this;
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Your accountant' });
  }

  /** Types the accountant's email, continues, and confirms with "Allow access" (a firm on Docket). */
  async allowAccess(email: string, practiceName: string): Promise<void> {
    await this.page.getByLabel('Accountant’s email').fill(email);
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.section.getByText(practiceName, { exact: true }).waitFor();
    await this.page.getByRole('button', { name: 'Allow access' }).click();
    await this.connectedTo(practiceName).waitFor();
  }

  /** "<practice> has access since <date>." */
  connectedTo(practiceName: string): Locator {
    return this.section.getByText(/has access since/).filter({ hasText: practiceName });
  }

  async inviteSomeoneElse(email: string, practiceName: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Invite someone else' }).click();
    await this.allowAccess(email, practiceName);
  }
}
