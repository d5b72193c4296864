import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { itemDocuments, items, submissions, type Workspace } from '../../db/schema';
import type { Scope } from '../access';
import { can } from '../access';

/** The account a system actor (SMTP, a job) works in; a Scope is one too. */
export interface Tenant {
  readonly accountId: string;
}

export type SubmissionRow = typeof submissions.$inferSelect;
export type NewSubmission = Omit<typeof submissions.$inferInsert, 'accountId' | 'id'>;

export async function insertSubmission(
  db: Db,
  tenant: Tenant,
  values: NewSubmission,
): Promise<SubmissionRow> {
  const [row] = await db
    .insert(submissions)
    .values({ ...values, accountId: tenant.accountId })
    .returning();
  if (!row) throw new Error('submission insert returned nothing');
  return row;
}

export async function updateSubmission(
  db: Db,
  tenant: Tenant,
  id: string,
  values: Partial<Pick<SubmissionRow, 'state' | 'reason'>>,
): Promise<void> {
  await db
    .update(submissions)
    .set(values)
    .where(and(eq(submissions.accountId, tenant.accountId), eq(submissions.id, id)));
}

/** An earlier submission of the same bytes that was taken in (not rejected), if any. */
export async function findIdentical(db: Db, tenant: Tenant, sha256: string): Promise<SubmissionRow | null> {
  const rows = await db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.accountId, tenant.accountId),
        eq(submissions.sha256, sha256),
        inArray(submissions.state, ['received', 'split']),
      ),
    )
    .orderBy(asc(submissions.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

/** For jobs: a submission by id (the job payload carries only ids). */
export async function getSubmissionForJob(db: Db, id: string): Promise<SubmissionRow | null> {
  const rows = await db.select().from(submissions).where(eq(submissions.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Items a scope may see: all with documents.read.all, else those it owns or sent in. */
export function visibleItems(scope: Scope) {
  if (can(scope, 'documents.read.all')) return eq(items.accountId, scope.accountId);
  return and(
    eq(items.accountId, scope.accountId),
    or(eq(items.ownerUserId, scope.userId), eq(items.submittedByUserId, scope.userId)),
  );
}

function visibleSubmissions(scope: Scope) {
  if (can(scope, 'documents.read.all')) return eq(submissions.accountId, scope.accountId);
  return and(
    eq(submissions.accountId, scope.accountId),
    or(eq(submissions.ownerUserId, scope.userId), eq(submissions.submittedByUserId, scope.userId)),
  );
}

export interface HistoryItem {
  id: string;
  submissionId: string | null;
  status: string;
  statusReason: string | null;
  contactName: string | null;
  part: number;
}

/** Submission history: newest top-level submissions first, with their parts and what became of each. */
export async function listSubmissionHistory(
  db: Db,
  scope: Scope,
  workspace: Workspace,
  page: { limit: number; offset: number },
): Promise<{ submissions: SubmissionRow[]; children: SubmissionRow[]; items: HistoryItem[]; total: number }> {
  const where = and(
    visibleSubmissions(scope),
    eq(submissions.workspace, workspace),
    isNull(submissions.parentId),
  );
  const top = await db
    .select()
    .from(submissions)
    .where(where)
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(submissions)
    .where(where);
  const { children, items: itemRows } = await partsAndItemsOf(
    db,
    scope,
    top.map((s) => s.id),
  );
  return { submissions: top, children, items: itemRows, total: count?.n ?? 0 };
}

/** The parts (ZIP entries, email parts) of submissions, and the items made from all of them. */
export async function partsAndItemsOf(
  db: Db,
  tenant: Tenant,
  topIds: readonly string[],
): Promise<{ children: SubmissionRow[]; items: HistoryItem[] }> {
  if (topIds.length === 0) return { children: [], items: [] };
  const children = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.accountId, tenant.accountId), inArray(submissions.parentId, [...topIds])))
    .orderBy(asc(submissions.createdAt));
  const allIds = [...topIds, ...children.map((c) => c.id)];
  const itemRows = await db
    .select({
      id: items.id,
      submissionId: items.submissionId,
      status: items.status,
      statusReason: items.statusReason,
      contactName: items.contactName,
      part: items.part,
    })
    .from(items)
    .where(and(eq(items.accountId, tenant.accountId), inArray(items.submissionId, allIds)))
    .orderBy(asc(items.part));
  return { children, items: itemRows };
}

/** Processing: submissions not yet split and items still in the pipeline or waiting. */
export async function listProcessing(db: Db, scope: Scope, workspace: Workspace) {
  const waitingSubmissions = await db
    .select()
    .from(submissions)
    .where(
      and(visibleSubmissions(scope), eq(submissions.workspace, workspace), eq(submissions.state, 'received')),
    )
    .orderBy(asc(submissions.createdAt))
    .limit(500);
  const inPipeline = await db
    .select({
      id: items.id,
      status: items.status,
      step: items.step,
      statusReason: items.statusReason,
      createdAt: items.createdAt,
      fileName: itemDocuments.fileName,
    })
    .from(items)
    .leftJoin(itemDocuments, and(eq(itemDocuments.itemId, items.id), eq(itemDocuments.position, 0)))
    .where(
      and(
        visibleItems(scope),
        eq(items.workspace, workspace),
        inArray(items.status, ['processing', 'waiting']),
      ),
    )
    .orderBy(asc(items.createdAt))
    .limit(500);
  return { submissions: waitingSubmissions, items: inPipeline };
}

/** Whether a blob is one of the account's documents (so it may be downloaded in that account). */
export async function blobVisible(
  db: Db,
  scope: Scope,
  sha256: string,
): Promise<{ fileName: string; kind: string } | null> {
  const docs = await db
    .select({ fileName: itemDocuments.fileName, kind: itemDocuments.kind })
    .from(itemDocuments)
    .innerJoin(items, eq(items.id, itemDocuments.itemId))
    .where(and(visibleItems(scope), eq(itemDocuments.sha256, sha256)))
    .limit(1);
  if (docs[0]) return docs[0];
  const subs = await db
    .select({ fileName: submissions.fileName, kind: submissions.kind })
    .from(submissions)
    .where(and(visibleSubmissions(scope), eq(submissions.sha256, sha256)))
    .limit(1);
  return subs[0] ?? null;
}

/** For the recovery sweep: work that should be moving but is not (never started, or started long ago). */
export async function findStalled(db: Db, before: Date) {
  const subs = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.state, 'received'), lt(submissions.createdAt, before)))
    .limit(1000);
  const its = await db
    .select({ id: items.id, step: items.step })
    .from(items)
    .where(
      and(
        eq(items.status, 'processing'),
        or(isNull(items.stepStartedAt), lt(items.stepStartedAt, before)),
        lt(items.updatedAt, before),
      ),
    )
    .limit(1000);
  return { submissions: subs, items: its };
}
