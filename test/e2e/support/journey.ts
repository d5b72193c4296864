import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startDocket, type RunningDocket } from './docket-server';

const resultsDir = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'e2e');
/** Generous: the machines are shared, and a journey waits for what it sees, never for a fixed time. */
const STEP_TIMEOUT_MS = 20_000;

export const DEMO_PASSWORD = 'docket-demo-password';

/** An email nobody has used yet, also across runs against one PostgreSQL database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.example`;
}

/**
 * One Docket server and one browser for the journeys of a file; each journey gets a fresh browser
 * context (no cookies) and a page. A failing journey leaves a screenshot in test-results/e2e/.
 */
export function useDocket(): (name: string, body: (page: Page) => Promise<void>) => void {
  let docket: RunningDocket | undefined;
  let browser: Browser | undefined;

  before(async () => {
    [docket, browser] = await Promise.all([startDocket(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await docket?.stop();
  });

  return (name, body) => {
    void test(name, { timeout: 180_000 }, async () => {
      if (!docket || !browser) throw new Error('Docket or the browser did not start');
      const context = await browser.newContext({
        baseURL: docket.baseUrl,
        viewport: { width: 1360, height: 860 },
      });
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      const page = await context.newPage();
      try {
        await body(page);
      } catch (error) {
        mkdirSync(resultsDir, { recursive: true });
        const file = join(resultsDir, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        throw error;
      } finally {
        await context.close();
      }
    });
  };
}
