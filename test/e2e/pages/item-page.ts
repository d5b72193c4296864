import type { Locator, Page } from 'playwright-core';

/** An item's page: the document beside its fields, actions, history and notes. */
export class ItemPage {
  constructor(private readonly page: Page) {}

  get fields(): Locator {
    return this.page.getByRole('form', { name: 'Item fields' });
  }

  /** A field by the start of its label (labels carry a confidence badge after the name). */
  field(label: string): Locator {
    return this.fields.getByLabel(new RegExp(`^${label}`));
  }

  get status(): Locator {
    return this.page.locator('h1 + .mantine-Badge-root, h1 ~ * .mantine-Badge-root').first();
  }

  async waitForStatus(label: string): Promise<void> {
    await this.page
      .locator('.mantine-Badge-root', { hasText: new RegExp(`^${label}$`) })
      .first()
      .waitFor();
  }

  /** Chooses an option of a select field. */
  async choose(label: string, option: string): Promise<void> {
    await this.field(label).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async save(): Promise<void> {
    await this.fields.getByRole('button', { name: 'Save changes' }).click();
    await this.page.getByText('Changes saved').waitFor();
  }

  get documentPage(): Locator {
    return this.page.getByRole('region', { name: 'Document' }).getByRole('img').first();
  }

  async more(action: string): Promise<void> {
    await this.page.getByRole('button', { name: 'More' }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }
}
