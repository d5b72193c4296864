import type { Locator, Page } from 'playwright-core';

/** Clients (a practice's client list) and the Manage menu next to each client. */
export class ClientsPage {
  constructor(private readonly page: Page) {}

  async open(practiceId: string): Promise<this> {
    await this.page.goto(`/a/${practiceId}/clients`);
    await this.page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await this.table.locator('tbody tr').first().waitFor();
    await this.settled();
    return this;
  }

  /** Waits until the list shows the answer to the latest request. */
  async settled(): Promise<void> {
    await this.page.locator('table[aria-label="Clients"][aria-busy="false"]').waitFor();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Clients' });
  }

  /** The row of a client, found by its name link. */
  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.table.locator('tbody tr td:first-child a').allInnerTexts();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(text);
    await this.page.waitForURL((url) => (url.searchParams.get('search') ?? '') === text);
    await this.settled();
  }

  /** Opens Manage next to a client. */
  async manage(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Manage ${name}` }).click();
    const menu = this.page.getByRole('menu');
    await menu.waitFor();
    return menu;
  }

  /** Manage > an item, e.g. 'Disconnect…'; waits for the dialog it opens, when it opens one. */
  async chooseFromManage(name: string, item: string | RegExp): Promise<Locator> {
    const menu = await this.manage(name);
    await menu.getByRole('menuitem', { name: item }).click();
    return this.page.getByRole('dialog');
  }
}
