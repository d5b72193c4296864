import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/connect';
import { outbox } from '../../src/server/db/schema';

/** The newest message Docket sent to `to` (from the outbox every mail goes through). */
export async function lastMailTo(db: Db, to: string, subjectIncludes?: string) {
  const rows = await db
    .select()
    .from(outbox)
    .where(eq(outbox.to, to))
    .orderBy(desc(outbox.createdAt))
    .limit(20);
  const found = rows.find((r) => !subjectIncludes || r.subject.includes(subjectIncludes));
  if (!found) throw new Error(`no mail to ${to}${subjectIncludes ? ` about "${subjectIncludes}"` : ''}`);
  return found;
}

export async function mailCount(db: Db, to: string): Promise<number> {
  return (
    await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.to, to)))
  ).length;
}

/** The token of the first Docket link in a message (…?token=XYZ). */
export function linkToken(text: string): string {
  const m = /[?&]token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no link with a token in: ${text}`);
  return m[1];
}
