import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SignUpRequest } from '../../../shared/contracts/identity';
import type { Db } from '../../db/connect';
import { accounts, logins, users } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { Conflict } from '../../lib/errors';
import { findLoginByEmail, recordAudit } from './identity.repo';
import { hashPassword } from './passwords';

export type SignUpInput = z.output<typeof SignUpRequest>;

export const currencyOfCountry: Readonly<Record<string, string>> = {
  GB: 'GBP',
  IE: 'EUR',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  ZA: 'ZAR',
  MY: 'MYR',
  SG: 'SGD',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  AT: 'EUR',
  PT: 'EUR',
  FI: 'EUR',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  CH: 'CHF',
  PL: 'PLN',
  JP: 'JPY',
  IN: 'INR',
};

/**
 * Starts a trial: a new login, a new practice or business account, and its owner (an admin).
 * An email that already has a login cannot start a second trial ("This email is already taken");
 * that login can create or join more accounts once signed in.
 */
export async function signUp(
  db: Db,
  clock: Clock,
  input: SignUpInput,
  ip: string | null,
): Promise<{ loginId: string; accountId: string }> {
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  return db.transaction(async (tx) => {
    if (await findLoginByEmail(tx, input.email)) {
      throw new Conflict('This email is already taken. Sign in instead, or use another email.');
    }
    const [login] = await tx
      .insert(logins)
      .values({ email: input.email, name: input.name, passwordHash, createdAt: now })
      .returning({ id: logins.id });
    const [account] = await tx
      .insert(accounts)
      .values({
        kind: input.kind,
        name: input.accountName,
        country: input.country,
        currency: currencyOfCountry[input.country] ?? 'USD',
        createdAt: now,
      })
      .returning({ id: accounts.id });
    if (!login || !account) throw new Error('insert returned no row');
    const [owner] = await tx
      .insert(users)
      .values({
        accountId: account.id,
        loginId: login.id,
        name: input.name,
        email: input.email,
        role: input.kind === 'practice' ? 'practice_admin' : 'admin',
        createdAt: now,
      })
      .returning({ id: users.id });
    if (!owner) throw new Error('insert returned no row');
    await tx.update(accounts).set({ ownerUserId: owner.id }).where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      accountId: account.id,
      loginId: login.id,
      action: 'account.created',
      detail: { kind: input.kind },
      ip,
      at: now,
    });
    return { loginId: login.id, accountId: account.id };
  });
}
