import type { Db } from '../../db/connect';
import { updateSubmission, insertSubmission, type SubmissionRow } from './capture.repo';
import type { EmailAddressRow } from './email-addresses';
import { receiveFiles, type IncomingFile, type ReceiveDeps } from './receive';

export interface InboundMail {
  from: string | null;
  subject: string | null;
  attachments: { fileName: string | undefined; bytes: Uint8Array; inline: boolean }[];
  html: string | null;
  text: string | null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body as one HTML document; links in it are kept as text and never fetched. */
export function bodyDocument(mail: Pick<InboundMail, 'html' | 'text'>): Uint8Array | null {
  if (mail.html?.trim()) return new TextEncoder().encode(mail.html);
  if (mail.text?.trim()) {
    return new TextEncoder().encode(
      `<!doctype html><html><body><pre>${escapeHtml(mail.text)}</pre></body></html>`,
    );
  }
  return null;
}

/**
 * One accepted email to an Extract by Email address: the email is a submission, each attachment
 * (or, without attachments, the body) a part of it, handled like an upload. A user's address makes
 * that user the document owner.
 */
export async function receiveEmail(
  deps: ReceiveDeps & { db: Db },
  address: EmailAddressRow,
  mail: InboundMail,
): Promise<SubmissionRow> {
  const tenant = { accountId: address.accountId };
  const container = await insertSubmission(deps.db, tenant, {
    workspace: address.workspace,
    channel: 'email',
    mode: address.mode,
    fileName: mail.subject?.trim().slice(0, 200) || '(no subject)',
    kind: 'email',
    state: 'container',
    submittedByUserId: address.userId,
    ownerUserId: address.userId,
    emailFrom: mail.from?.slice(0, 320) ?? null,
    emailSubject: mail.subject?.slice(0, 500) ?? null,
  });
  const attached = mail.attachments.filter((a) => !a.inline || !mail.html);
  let files: IncomingFile[] = attached.map((a) => ({ fileName: a.fileName, bytes: a.bytes }));
  if (files.length === 0) {
    const body = bodyDocument(mail);
    files = body ? [{ fileName: 'email-body.html', bytes: body }] : [];
  }
  const rows = await receiveFiles(
    deps,
    tenant,
    {
      workspace: address.workspace,
      mode: address.mode,
      channel: 'email',
      submittedByUserId: address.userId,
      ownerUserId: address.userId,
      parentId: container.id,
      emailFrom: mail.from,
      emailSubject: mail.subject,
    },
    files,
  );
  const taken = rows.filter((r) => r.state === 'received' || r.state === 'container').length;
  const reason =
    files.length === 0
      ? 'The email had no attachment and no text: nothing to read.'
      : `${files.length} part(s): ${taken} taken in, ${files.length - taken} not (see each part).`;
  await updateSubmission(deps.db, tenant, container.id, {
    reason,
    ...(files.length === 0 ? { state: 'rejected' as const } : {}),
  });
  return { ...container, reason };
}
