import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { totpCode } from '../support/totp';

export interface TwoFactorSecrets {
  /** The key the page shows to type into an authenticator app. */
  key: string;
  backupCodes: string[];
}

/**
 * Completes the authenticator setup the page shows (User settings > Security, or at sign-in): reads
 * the key, enters the code an app would show, and reads the 12 backup codes.
 */
export async function completeTwoFactorSetup(
  page: Page,
  confirmButton: string | RegExp,
): Promise<TwoFactorSecrets> {
  await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
  const key = (await page.getByLabel('Key to type into your authenticator app').innerText()).replace(
    /\s+/g,
    '',
  );
  assert.match(key, /^[A-Z2-7]{16,}$/, 'the key is base32');
  await page.getByLabel('6-digit code').fill(totpCode(key));
  await page.getByRole('button', { name: confirmButton }).click();
  const list = page.getByRole('list', { name: 'Backup codes' });
  await list.waitFor();
  const backupCodes = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
  assert.equal(backupCodes.length, 12, 'twelve backup codes are shown');
  return { key, backupCodes };
}

/** Leaves the backup codes screen. */
export async function finishBackupCodes(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'I have saved my backup codes' }).click();
}
