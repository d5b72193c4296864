import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { BlobStore } from '../../integrations/storage';

/**
 * Deletes the stored files of an account that no other account uses (the store is content-addressed,
 * so two accounts sending the same file share one blob). Returns how many blobs were removed.
 */
export async function deleteAccountFiles(db: Db, storage: BlobStore, accountId: string): Promise<number> {
  const result = await db.execute<{ sha256: string }>(sql`
    with mine as (
      select sha256 from item_documents where account_id = ${accountId}
      union
      select sha256 from submissions where account_id = ${accountId} and sha256 is not null
    )
    select m.sha256 from mine m
    where not exists (select 1 from item_documents d where d.sha256 = m.sha256 and d.account_id <> ${accountId})
      and not exists (select 1 from submissions s where s.sha256 = m.sha256 and s.account_id <> ${accountId})`);
  const rows = (result as { rows: { sha256: string }[] }).rows;
  for (const r of rows) await storage.remove(r.sha256);
  return rows.length;
}
