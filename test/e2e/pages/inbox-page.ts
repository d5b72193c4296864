import type { Locator, Page } from 'playwright-core';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Costs or Sales: Inbox, Processing, Archive and Submission history, and the Upload dialog. */
export class WorkspacePages {
  constructor(
    private readonly page: Page,
    private readonly accountId: string,
  ) {}

  async open(
    workspace: 'costs' | 'sales',
    section: 'inbox' | 'processing' | 'archive' | 'submission-history',
  ) {
    await this.page.goto(`/a/${this.accountId}/${workspace}/${section}`);
    const headings = {
      inbox: 'Inbox',
      processing: 'Processing',
      archive: 'Archive',
      'submission-history': 'Submission history',
    };
    await this.page.getByRole('heading', { name: headings[section], level: 1 }).waitFor();
  }

  /** Upload through the dialog; resolves with the result lines the dialog shows. */
  async upload(files: UploadFile[]): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Upload', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles(files);
    await dialog.getByRole('list', { name: 'Files to send' }).waitFor();
    await dialog.getByRole('button', { name: /^Upload/ }).click();
    const results = dialog.getByRole('region', { name: 'Upload results' });
    await results.waitFor();
    const lines = await results.locator('.mantine-Paper-root').allInnerTexts();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return lines;
  }

  tab(name: 'To review' | 'Ready'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  /** The table of the Inbox tab or Archive shown now. */
  get table(): Locator {
    return this.page.getByRole('table', { name: /^(Items to review|Ready items|Archived items)$/ });
  }

  row(text: string): Locator {
    return this.table.locator('tbody tr', { hasText: text });
  }

  /** Waits until the list (asked again every few seconds) shows `count` rows containing `text`. */
  async waitForRows(text: string, count: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    let seen = await this.row(text).count();
    while (seen !== count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} rows with "${text}", saw ${seen}`);
      await this.page.waitForTimeout(500);
      seen = await this.row(text).count();
    }
  }

  async openItem(supplier: string): Promise<void> {
    await this.row(supplier).first().getByRole('link', { name: supplier }).click();
    await this.page.getByRole('heading', { name: supplier, level: 1 }).waitFor();
  }
}
