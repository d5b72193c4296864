import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startDocket, type DocketOptions, type RunningDocket } from './docket-server';

const resultsDir = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'e2e');
/** Generous: the machines are shared, and a journey waits for what it sees, never for a fixed time. */
const STEP_TIMEOUT_MS = 20_000;

export const DEMO_PASSWORD = 'docket-demo-password';

/** An email nobody has used yet, also across runs against one PostgreSQL database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.example`;
}

/** What a journey can use besides its page. */
export interface JourneyContext {
  docket: RunningDocket;
  /** Another page in a fresh browser context (no cookies): a second person, or another device. */
  newPage: () => Promise<Page>;
}

/**
 * One Docket server and one browser for the journeys of a file; each journey gets a fresh browser
 * context (no cookies) and a page. A failing journey leaves a screenshot in test-results/e2e/.
 */
export function useDocket(
  options: DocketOptions = {},
): (name: string, body: (page: Page, context: JourneyContext) => Promise<void>) => void {
  let docket: RunningDocket | undefined;
  let browser: Browser | undefined;

  before(async () => {
    const [started, launched] = await Promise.allSettled([startDocket(options), launchBrowser()]);
    if (started.status === 'fulfilled') docket = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    // When one of the two failed, the other must not outlive the file: a browser left open keeps
    // the test process (and the whole run) waiting.
    if (started.status === 'rejected' || launched.status === 'rejected') {
      await browser?.close().catch(() => undefined);
      await docket?.stop().catch(() => undefined);
      browser = undefined;
      docket = undefined;
      throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
    }
  });
  after(async () => {
    await browser?.close();
    await docket?.stop();
  });

  return (name, body) => {
    void test(name, { timeout: 180_000 }, async () => {
      const running = docket;
      const chromium = browser;
      if (!running || !chromium) throw new Error('Docket or the browser did not start');
      const contexts: BrowserContext[] = [];
      const newPage = async () => {
        const context = await chromium.newContext({
          baseURL: running.baseUrl,
          viewport: { width: 1360, height: 860 },
        });
        context.setDefaultTimeout(STEP_TIMEOUT_MS);
        contexts.push(context);
        return context.newPage();
      };
      const page = await newPage();
      try {
        await body(page, { docket: running, newPage });
      } catch (error) {
        mkdirSync(resultsDir, { recursive: true });
        const file = join(resultsDir, name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80));
        for (const [i, context] of contexts.entries()) {
          for (const [j, open] of context.pages().entries()) {
            const suffix = i === 0 && j === 0 ? '' : `-${i}-${j}`;
            await open.screenshot({ path: `${file}${suffix}.png`, fullPage: true }).catch(() => undefined);
          }
        }
        throw error;
      } finally {
        for (const context of contexts) await context.close();
      }
    });
  };
}
