import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const screensDir = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'e2e', 'screens');

/** With E2E_SCREENSHOTS=1, keeps a screenshot of the page in test-results/e2e/screens/ (to look at the screens). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  mkdirSync(screensDir, { recursive: true });
  // Let dialogs and menus finish their opening transition first.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
}
