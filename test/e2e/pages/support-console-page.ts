import type { Locator, Page } from 'playwright-core';
import { SignInPage } from './sign-in-page';

/** The support console (/support), for Docket support agents. */
export class SupportConsolePage {
  constructor(private readonly page: Page) {}

  /** Sets a new agent's password from the link `docket support add-agent` printed. */
  async setPassword(passwordLink: string, password: string): Promise<void> {
    await this.page.goto(passwordLink);
    await this.page.getByLabel(/^New password\b/).fill(password);
    await this.page.getByRole('button', { name: 'Set new password' }).click();
    await this.page.getByText('Your new password is set.').waitFor();
  }

  /** Signs in as an agent: Docket opens the support console (an agent has no customer account). */
  async signIn(email: string, password: string): Promise<this> {
    await (await new SignInPage(this.page).open()).signIn(email, password);
    await this.heading.waitFor();
    return this;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Two-factor reset requests', level: 1 });
  }

  get requests(): Locator {
    return this.page.getByRole('table', { name: 'Support requests' });
  }

  rowFor(email: string): Locator {
    return this.requests.getByRole('row').filter({ hasText: email });
  }
}
