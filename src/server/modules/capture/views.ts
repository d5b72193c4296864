import type { Submission } from '../../../shared/contracts/capture';
import type { Db } from '../../db/connect';
import type { Scope } from '../access';
import { partsAndItemsOf, type HistoryItem, type SubmissionRow } from './capture.repo';

type Base = Omit<Submission, 'parts'>;

function base(s: SubmissionRow, items: readonly HistoryItem[]): Base {
  return {
    id: s.id,
    workspace: s.workspace,
    channel: s.channel,
    mode: s.mode,
    fileName: s.fileName,
    kind: s.kind,
    size: s.size,
    state: s.state,
    reason: s.reason,
    ownerUserId: s.ownerUserId,
    emailFrom: s.emailFrom,
    emailSubject: s.emailSubject,
    createdAt: s.createdAt.toISOString(),
    items: items
      .filter((i) => i.submissionId === s.id)
      .map((i) => ({
        id: i.id,
        part: i.part,
        status: i.status,
        statusReason: i.statusReason,
        contactName: i.contactName,
      })),
  };
}

/** Submissions as the API shows them: each with its parts (ZIP entries, email parts) and items. */
export async function submissionViews(
  db: Db,
  scope: Scope,
  rows: readonly SubmissionRow[],
  loaded?: { children: SubmissionRow[]; items: HistoryItem[] },
): Promise<Submission[]> {
  const data =
    loaded ??
    (await partsAndItemsOf(
      db,
      scope,
      rows.map((r) => r.id),
    ));
  const { children, items } = data;
  return rows.map((s) => ({
    ...base(s, items),
    parts: children.filter((c) => c.parentId === s.id).map((c) => base(c, items)),
  }));
}
