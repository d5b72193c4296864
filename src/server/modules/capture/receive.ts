import type { CaptureMode, Workspace } from '../../db/schema';
import type { Db } from '../../db/connect';
import type { BlobStore } from '../../integrations/storage';
import { Invalid } from '../../lib/errors';
import {
  findIdentical,
  insertSubmission,
  updateSubmission,
  type SubmissionRow,
  type Tenant,
} from './capture.repo';
import { cleanFileName, describeKind, isDocumentKind, LIMITS, sniffKind, type FileKind } from './file-types';
import { checkImage, pdfPageCount, unzipWithLimits } from './unpack';

export interface IncomingFile {
  fileName: string | undefined;
  bytes: Uint8Array;
}

export interface Submitter {
  workspace: Workspace;
  mode: CaptureMode;
  channel: 'upload' | 'email';
  submittedByUserId: string | null;
  ownerUserId: string | null;
  /** The container this file came in (a ZIP or an email). */
  parentId?: string | null;
  emailFrom?: string | null;
  emailSubject?: string | null;
}

export interface ReceiveDeps {
  db: Db;
  storage: BlobStore;
  /** Called for every submission taken in, to start its pipeline (enqueue the split job). */
  start(submission: SubmissionRow): Promise<void>;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Takes files in: decides each one's type from its bytes, refuses what cannot be read with a reason,
 * recognises byte-identical files already sent, unpacks ZIPs, stores originals, and records a
 * submission for every file whatever becomes of it. Accepted ones are handed to the pipeline.
 */
export async function receiveFiles(
  deps: ReceiveDeps,
  tenant: Tenant,
  who: Submitter,
  files: readonly IncomingFile[],
): Promise<SubmissionRow[]> {
  const out: SubmissionRow[] = [];
  for (const [index, file] of files.entries()) {
    out.push(await receiveOne(deps, tenant, who, file, `document-${index + 1}`, true));
  }
  return out;
}

async function receiveOne(
  deps: ReceiveDeps,
  tenant: Tenant,
  who: Submitter,
  file: IncomingFile,
  fallbackName: string,
  zipAllowed: boolean,
): Promise<SubmissionRow> {
  const fileName = cleanFileName(file.fileName, fallbackName);
  const kind: FileKind = file.bytes.byteLength === 0 ? 'unknown' : sniffKind(file.bytes);
  const base = {
    workspace: who.workspace,
    channel: who.channel,
    mode: who.mode,
    parentId: who.parentId ?? null,
    fileName,
    kind,
    size: file.bytes.byteLength,
    submittedByUserId: who.submittedByUserId,
    ownerUserId: who.ownerUserId,
    emailFrom: who.emailFrom ?? null,
    emailSubject: who.emailSubject ?? null,
  };
  const reject = (reason: string, sha256: string | null = null) =>
    insertSubmission(deps.db, tenant, { ...base, sha256, state: 'rejected', reason });

  if (file.bytes.byteLength === 0) return reject(`${fileName} is empty.`);
  if (kind === 'zip') {
    if (!zipAllowed) return reject(`${fileName} is a ZIP inside a ZIP; send the files directly.`);
    if (file.bytes.byteLength > LIMITS.zipBytes) {
      return reject(`${fileName} is larger than ${mb(LIMITS.zipBytes)}, the limit for a ZIP.`);
    }
    return receiveZip(deps, tenant, who, file.bytes, base);
  }
  if (file.bytes.byteLength > LIMITS.fileBytes) {
    return reject(`${fileName} is larger than ${mb(LIMITS.fileBytes)}, the limit for one document.`);
  }
  if (!isDocumentKind(kind)) {
    return reject(
      `${fileName} is ${describeKind(kind)} file; Docket reads PDF, JPEG, PNG, GIF, BMP, TIFF, WebP, HEIC and e-invoice XML.`,
    );
  }
  try {
    if (kind === 'pdf') {
      const pages = await pdfPageCount(file.bytes);
      if (who.mode === 'multiple' && pages > LIMITS.pdfPagesPerPage) {
        throw new Invalid(
          `The PDF has ${pages} pages; one document per page works up to ${LIMITS.pdfPagesPerPage} pages.`,
        );
      }
    } else if (kind !== 'heic' && kind !== 'xml' && kind !== 'html') {
      await checkImage(file.bytes);
    }
  } catch (error) {
    if (error instanceof Invalid) return reject(`${fileName}: ${error.message}`);
    throw error;
  }
  const stored = await deps.storage.put(file.bytes);
  const earlier = await findIdentical(deps.db, tenant, stored.sha256);
  if (earlier) {
    return insertSubmission(deps.db, tenant, {
      ...base,
      sha256: stored.sha256,
      state: 'identical',
      reason: `Identical to ${earlier.fileName}, sent on ${earlier.createdAt.toISOString().slice(0, 10)}: not processed again.`,
    });
  }
  const row = await insertSubmission(deps.db, tenant, { ...base, sha256: stored.sha256, state: 'received' });
  await deps.start(row);
  return row;
}

async function receiveZip(
  deps: ReceiveDeps,
  tenant: Tenant,
  who: Submitter,
  bytes: Uint8Array,
  base: Omit<Parameters<typeof insertSubmission>[2], 'state'>,
): Promise<SubmissionRow> {
  const stored = await deps.storage.put(bytes);
  const container = await insertSubmission(deps.db, tenant, {
    ...base,
    sha256: stored.sha256,
    state: 'container',
  });
  let entries;
  try {
    entries = unzipWithLimits(bytes);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    await updateSubmission(deps.db, tenant, container.id, { state: 'rejected', reason: error.message });
    return { ...container, state: 'rejected', reason: error.message };
  }
  if (entries.length === 0) {
    const reason = `${base.fileName} holds no files.`;
    await updateSubmission(deps.db, tenant, container.id, { state: 'rejected', reason });
    return { ...container, state: 'rejected', reason };
  }
  const child: Submitter = { ...who, parentId: container.id };
  let accepted = 0;
  for (const [i, entry] of entries.entries()) {
    const row = await receiveOne(
      deps,
      tenant,
      child,
      { fileName: entry.name, bytes: entry.bytes },
      `file-${i + 1}`,
      false,
    );
    if (row.state === 'received') accepted += 1;
  }
  const reason = `${entries.length} file(s) inside; ${accepted} taken in.`;
  await updateSubmission(deps.db, tenant, container.id, { reason });
  return { ...container, reason };
}
