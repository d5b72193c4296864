import type { Locator, Page } from 'playwright-core';

/** Business settings > Connections, and the accounting software's consent page it sends you to. */
export class ConnectionsPage {
  constructor(private readonly page: Page) {}

  async open(accountId: string): Promise<this> {
    await this.page.goto(`/a/${accountId}/business-settings/connections`);
    await this.page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    return this;
  }

  /**
   * Connect: Docket opens the software's consent page, where the person picks the organisation and
   * chooses "Allow access". Resolves with the simulator's origin (for its admin API) once the browser
   * is back on Connections.
   */
  async connect(softwareName: string, organisation?: string): Promise<string> {
    await this.page.getByRole('button', { name: `Connect ${softwareName}` }).click();
    return this.allowOnConsentPage(organisation);
  }

  async reconnect(organisation?: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Reconnect' }).click();
    return this.allowOnConsentPage(organisation);
  }

  private async allowOnConsentPage(organisation?: string): Promise<string> {
    const allow = this.page.getByRole('button', { name: 'Allow access' });
    await allow.waitFor();
    const origin = new URL(this.page.url()).origin;
    if (organisation !== undefined)
      await this.page.getByLabel('Organisation').selectOption({ label: organisation });
    await allow.click();
    await this.page.waitForURL(/\/a\/[0-9a-f-]{36}\/business-settings\/connections\?connection=connected/);
    await this.page.getByText('The connection works and the lists were imported.').waitFor();
    return origin;
  }

  /** The status badge of the connected software ("Status: Connected"). */
  status(label: string): Locator {
    return this.page.getByLabel(`Status: ${label}`, { exact: true });
  }

  get details(): Locator {
    return this.page.getByRole('table', { name: 'Connection details' });
  }

  get lists(): Locator {
    return this.page.getByRole('region', { name: /^Lists from / });
  }

  /** A tab of the imported lists, e.g. listTab('Categories') ("Categories (24)"). */
  listTab(name: string): Locator {
    return this.lists.getByRole('tab', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  }

  async openList(name: string): Promise<Locator> {
    await this.listTab(name).click();
    const table = this.lists.getByRole('table', { name });
    await table.waitFor();
    return table;
  }

  get whyNotPublishing(): Locator {
    return this.page.getByRole('region', { name: 'Why aren’t my documents publishing?' });
  }

  async disconnect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Disconnect' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
    await this.status('Disconnected').waitFor();
  }
}
