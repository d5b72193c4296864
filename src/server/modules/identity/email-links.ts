import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { emailTokens } from '../../db/schema';
import { Invalid } from '../../lib/errors';
import { hashToken, newToken } from './tokens';

export type LinkPurpose = (typeof emailTokens.$inferSelect)['purpose'];

const lifetimes: Record<LinkPurpose, number> = {
  verify_email: 7 * 24 * 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  support_request: 24 * 60 * 60 * 1000,
  merge_logins: 10 * 60 * 1000,
};

/** Creates a single-use link token; returns the token to put in the link (only its hash is stored). */
export async function createLinkToken(
  db: Db,
  input: {
    purpose: LinkPurpose;
    loginId: string | null;
    email: string;
    data?: Record<string, string>;
    now: Date;
  },
): Promise<string> {
  const token = newToken();
  await db.insert(emailTokens).values({
    id: hashToken(token),
    purpose: input.purpose,
    loginId: input.loginId,
    email: input.email,
    data: input.data ?? {},
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + lifetimes[input.purpose]),
  });
  return token;
}

/** Uses a link token once; throws Invalid with a plain reason when it is unknown, used or expired. */
export async function consumeLinkToken(db: Db, purpose: LinkPurpose, token: string, now: Date) {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.id, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning();
  if (!row)
    throw new Invalid('This link has expired or was already used. Ask for a new one.', {
      token: 'expired or used',
    });
  return row;
}
