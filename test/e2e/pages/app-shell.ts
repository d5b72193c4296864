import type { Locator, Page } from 'playwright-core';

/** The signed-in frame: header with the account switcher and login menu, and the main navigation. */
export class AppShell {
  constructor(private readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main navigation' });
  }

  /** A top-level entry of the main navigation (a link, or a button that opens a group). */
  navItem(name: string): Locator {
    return this.navigation
      .getByRole('link', { name, exact: true })
      .or(this.navigation.getByRole('button', { name, exact: true }));
  }

  /** The account switcher button; its name starts with the current account's name. */
  get accountSwitcher(): Locator {
    return this.page.getByRole('button', { name: /: switch account$/ });
  }

  /** Waits until the shell shows `accountName` as the current account. */
  async waitForAccount(accountName: string): Promise<void> {
    await this.page.getByRole('button', { name: `${accountName}: switch account` }).waitFor();
  }

  /** The accounts listed in the open switcher menu. */
  get switcherAccounts(): Locator {
    return this.page.getByRole('menuitemradio');
  }

  async openAccountSwitcher(): Promise<void> {
    await this.accountSwitcher.click();
    await this.page.getByRole('menu').waitFor();
  }

  async switchTo(accountName: string): Promise<void> {
    await this.openAccountSwitcher();
    await this.switcherAccounts.filter({ hasText: accountName }).click();
    await this.waitForAccount(accountName);
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: /^Your login: / }).click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }

  /** Opens a page through the navigation, e.g. open('Business settings', 'Users'). */
  async open(group: string, item: string): Promise<void> {
    const groupButton = this.navigation.getByRole('button', { name: group, exact: true });
    if ((await groupButton.getAttribute('aria-expanded')) !== 'true') await groupButton.click();
    await this.navigation.getByRole('link', { name: item, exact: true }).click();
  }
}
