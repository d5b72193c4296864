import { and, asc, eq } from 'drizzle-orm';
import { itemDocuments, items, submissions } from '../../db/schema';
import { Invalid } from '../../lib/errors';
import { getSubmissionForJob } from './capture.repo';
import type { FileKind } from './file-types';
import type { PipelinePorts } from './pipeline';
import { convertHeic, pdfPageCount, splitPdfPages } from './unpack';

interface Part {
  part: number;
  sha256: string;
  kind: FileKind;
  fileName: string;
  pageCount: number;
}

/**
 * Pipeline step "split": turns a received submission into its items (one, or one per PDF page in
 * multiple mode), converting HEIC photos on the way. Safe to run twice: items are keyed by
 * (submission, part), so a re-run after a crash creates nothing new. Returns the item ids to extract.
 */
export async function splitSubmission(
  ports: Pick<PipelinePorts, 'db' | 'storage' | 'clock'>,
  submissionId: string,
): Promise<string[]> {
  const { db, storage, clock } = ports;
  const submission = await getSubmissionForJob(db, submissionId);
  if (!submission?.sha256) return [];
  if (submission.state === 'received') {
    let parts: Part[];
    try {
      parts = await partsOf(
        storage,
        submission.sha256,
        submission.kind as FileKind,
        submission.fileName,
        submission.mode,
      );
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      await db
        .update(submissions)
        .set({ state: 'rejected', reason: `${submission.fileName}: ${error.message}` })
        .where(eq(submissions.id, submission.id));
      return [];
    }
    await db.transaction(async (tx) => {
      for (const p of parts) {
        await tx
          .insert(items)
          .values({
            accountId: submission.accountId,
            workspace: submission.workspace,
            submissionId: submission.id,
            part: p.part,
            ownerUserId: submission.ownerUserId,
            submittedByUserId: submission.submittedByUserId,
            createdAt: submission.createdAt,
            updatedAt: clock.now(),
          })
          .onConflictDoNothing();
      }
      const created = await tx
        .select({ id: items.id, part: items.part })
        .from(items)
        .where(eq(items.submissionId, submission.id));
      for (const row of created) {
        const p = parts.find((x) => x.part === row.part);
        if (!p) continue;
        await tx
          .insert(itemDocuments)
          .values({
            itemId: row.id,
            position: 0,
            accountId: submission.accountId,
            sha256: p.sha256,
            kind: p.kind,
            fileName: p.fileName,
            pageCount: p.pageCount,
          })
          .onConflictDoNothing();
      }
      await tx
        .update(submissions)
        .set({ state: 'split', reason: parts.length > 1 ? `${parts.length} documents, one per page.` : null })
        .where(and(eq(submissions.id, submission.id), eq(submissions.state, 'received')));
    });
  }
  const rows = await db
    .select({ id: items.id })
    .from(items)
    .where(
      and(eq(items.submissionId, submissionId), eq(items.status, 'processing'), eq(items.step, 'extract')),
    )
    .orderBy(asc(items.part));
  return rows.map((r) => r.id);
}

async function partsOf(
  storage: PipelinePorts['storage'],
  sha256: string,
  kind: FileKind,
  fileName: string,
  mode: 'single' | 'multiple',
): Promise<Part[]> {
  const bytes = await storage.get(sha256);
  if (kind === 'heic') {
    const jpeg = await convertHeic(bytes);
    const stored = await storage.put(jpeg);
    return [{ part: 0, sha256: stored.sha256, kind: 'jpeg', fileName: `${fileName}.jpg`, pageCount: 1 }];
  }
  if (kind === 'pdf' && mode === 'multiple') {
    const pages = await splitPdfPages(bytes);
    const out: Part[] = [];
    for (const [i, page] of pages.entries()) {
      const stored = await storage.put(page);
      out.push({
        part: i + 1,
        sha256: stored.sha256,
        kind: 'pdf',
        fileName: `${fileName} (page ${i + 1})`,
        pageCount: 1,
      });
    }
    return out;
  }
  const pageCount = kind === 'pdf' ? await pdfPageCount(bytes) : 1;
  return [{ part: 0, sha256, kind, fileName, pageCount }];
}
