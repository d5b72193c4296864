import { randomInt } from 'node:crypto';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Db } from '../../db/connect';
import { accounts, backupCodes, logins, totpFactors, trustedDevices, users } from '../../db/schema';
import { Conflict, Invalid } from '../../lib/errors';
import type { SecretBox } from '../../lib/secret-box';
import { hashToken, newToken } from './tokens';

export const BACKUP_CODE_COUNT = 12;
export const TRUSTED_DEVICE_MS = 30 * 24 * 60 * 60 * 1000;
export const TRUSTED_DEVICE_COOKIE = 'docket_trusted_device';
const PERIOD_S = 30;

function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({
    issuer: 'Docket',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secretBase32),
  });
}

export async function twoFactorEnabled(db: Db, loginId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabledAt: totpFactors.enabledAt })
    .from(totpFactors)
    .where(eq(totpFactors.loginId, loginId));
  return Boolean(row?.enabledAt);
}

/** True when an account the login works in requires 2FA of its users. */
export async function twoFactorRequired(db: Db, loginId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.loginId, loginId), eq(users.active, true), eq(accounts.require2fa, true)));
  return (row?.n ?? 0) > 0;
}

/**
 * Starts (or restarts, to change the authenticator) setting up TOTP: a new secret, kept pending
 * until a code from it is confirmed. Returns what the user scans or types.
 */
export async function beginTotpSetup(
  db: Db,
  secrets: SecretBox,
  login: { id: string; email: string },
): Promise<{ key: string; otpauthUri: string; qrDataUrl: string }> {
  const secret = new Secret({ size: 20 });
  const sealed = secrets.seal(secret.base32);
  const [existing] = await db.select().from(totpFactors).where(eq(totpFactors.loginId, login.id));
  if (existing?.enabledAt) {
    // Changing the method: the pending secret lives beside the active one until confirmed.
    await db
      .update(totpFactors)
      .set({ pendingSecretEncrypted: sealed })
      .where(eq(totpFactors.loginId, login.id));
  } else if (existing) {
    await db.update(totpFactors).set({ secretEncrypted: sealed }).where(eq(totpFactors.loginId, login.id));
  } else {
    await db.insert(totpFactors).values({ loginId: login.id, secretEncrypted: sealed });
  }
  const uri = totpFor(secret.base32, login.email).toString();
  return {
    key: secret.base32.replace(/(.{4})/g, '$1 ').trim(),
    otpauthUri: uri,
    qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }),
  };
}

/** The time step a code matches (one step of clock skew allowed), or null. */
function matchStep(secretBase32: string, email: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, email).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_S) + delta;
}

/** Confirms setup with a first code; returns the 12 backup codes, shown once. */
export async function confirmTotpSetup(
  db: Db,
  secrets: SecretBox,
  login: { id: string; email: string },
  code: string,
  now: Date,
): Promise<string[]> {
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.loginId, login.id));
  const pending =
    factor?.pendingSecretEncrypted ?? (factor && !factor.enabledAt ? factor.secretEncrypted : null);
  if (!factor || !pending) throw new Conflict('Start setting up the authenticator app first.');
  const step = matchStep(secrets.open(pending), login.email, code.replace(/\s/g, ''), now);
  if (step === null)
    throw new Invalid('That code is not right. Check the time on your phone and try the newest code.', {
      code: 'is not the current code',
    });
  await db
    .update(totpFactors)
    .set({ secretEncrypted: pending, pendingSecretEncrypted: null, enabledAt: now, lastUsedStep: step })
    .where(eq(totpFactors.loginId, login.id));
  await db.update(logins).set({ mustSetUp2fa: false }).where(eq(logins.id, login.id));
  return replaceBackupCodes(db, login.id, now);
}

/** Checks a sign-in code; each code works once (the step must be newer than the last one used). */
export async function verifyTotp(
  db: Db,
  secrets: SecretBox,
  login: { id: string; email: string },
  code: string,
  now: Date,
): Promise<boolean> {
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.loginId, login.id));
  if (!factor?.enabledAt) return false;
  const step = matchStep(secrets.open(factor.secretEncrypted), login.email, code.replace(/\s/g, ''), now);
  if (step === null || (factor.lastUsedStep !== null && step <= factor.lastUsedStep)) return false;
  const updated = await db
    .update(totpFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(totpFactors.loginId, login.id),
        factor.lastUsedStep === null
          ? isNull(totpFactors.lastUsedStep)
          : eq(totpFactors.lastUsedStep, factor.lastUsedStep),
      ),
    )
    .returning({ loginId: totpFactors.loginId });
  return updated.length === 1;
}

function newBackupCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let s = '';
  for (let i = 0; i < 10; i++) s += alphabet.charAt(randomInt(alphabet.length));
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

const normaliseBackupCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, '');

export async function replaceBackupCodes(db: Db, loginId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  await db.delete(backupCodes).where(eq(backupCodes.loginId, loginId));
  await db
    .insert(backupCodes)
    .values(codes.map((c) => ({ loginId, codeHash: hashToken(normaliseBackupCode(c)), createdAt: now })));
  return codes;
}

/** Uses up a backup code; false when it is unknown or already used. */
export async function consumeBackupCode(db: Db, loginId: string, code: string, now: Date): Promise<boolean> {
  const used = await db
    .update(backupCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(backupCodes.loginId, loginId),
        eq(backupCodes.codeHash, hashToken(normaliseBackupCode(code))),
        isNull(backupCodes.usedAt),
      ),
    )
    .returning({ id: backupCodes.id });
  return used.length === 1;
}

export async function backupCodesLeft(db: Db, loginId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(backupCodes)
    .where(and(eq(backupCodes.loginId, loginId), isNull(backupCodes.usedAt)));
  return row?.n ?? 0;
}

/** Turns 2FA off: the factor, backup codes and trusted devices go. */
export async function removeTwoFactor(db: Db, loginId: string): Promise<void> {
  await db.delete(totpFactors).where(eq(totpFactors.loginId, loginId));
  await db.delete(backupCodes).where(eq(backupCodes.loginId, loginId));
  await db.delete(trustedDevices).where(eq(trustedDevices.loginId, loginId));
}

export async function trustDevice(
  db: Db,
  loginId: string,
  label: string | null,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + TRUSTED_DEVICE_MS);
  await db.insert(trustedDevices).values({ id: hashToken(token), loginId, label, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function isTrustedDevice(
  db: Db,
  loginId: string,
  token: string | undefined,
  now: Date,
): Promise<boolean> {
  if (!token) return false;
  const [row] = await db
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.id, hashToken(token)),
        eq(trustedDevices.loginId, loginId),
        gt(trustedDevices.expiresAt, now),
      ),
    );
  return row !== undefined;
}
