import { z } from 'zod';

export const Workspace = z.enum(['costs', 'sales']);
export type Workspace = z.infer<typeof Workspace>;
export const CaptureMode = z.enum(['single', 'multiple']);

export const WorkspaceQuery = z.strictObject({ workspace: Workspace.default('costs') });

/** What became of one item made from a submission. */
export const SubmissionItem = z.object({
  id: z.uuid(),
  part: z.number().int(),
  status: z.string(),
  statusReason: z.string().nullable(),
  contactName: z.string().nullable(),
});

const SubmissionBase = z.object({
  id: z.uuid(),
  workspace: Workspace,
  channel: z.enum(['upload', 'email']),
  mode: CaptureMode,
  fileName: z.string(),
  /** The type decided from the bytes. */
  kind: z.string(),
  size: z.number().int(),
  /** received, split, rejected, identical (already sent), container (a ZIP or an email). */
  state: z.enum(['received', 'split', 'rejected', 'identical', 'container']),
  reason: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  emailFrom: z.string().nullable(),
  emailSubject: z.string().nullable(),
  createdAt: z.iso.datetime(),
  items: z.array(SubmissionItem),
});
export const Submission = SubmissionBase.extend({ parts: z.array(SubmissionBase) });
export type Submission = z.infer<typeof Submission>;

export const UploadResult = z.object({ submissions: z.array(Submission) });
export const SubmissionHistoryQuery = WorkspaceQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const SubmissionHistory = z.object({ submissions: z.array(Submission), total: z.number().int() });

export const ProcessingEntry = z.object({
  /** Item id, or submission id while the submission is not split yet. */
  id: z.uuid(),
  kind: z.enum(['submission', 'item']),
  fileName: z.string(),
  status: z.enum(['processing', 'waiting']),
  step: z.enum(['received', 'extract', 'rules', 'duplicates']),
  /** Human label of the step, e.g. "Reading text and fields". */
  stepLabel: z.string(),
  /** Why it waits (e.g. "Monthly extraction limit reached"). */
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Rough seconds left, from the step. */
  estimateSeconds: z.number().int(),
});
export const Processing = z.object({ entries: z.array(ProcessingEntry) });

export const EmailAddress = z.object({
  id: z.uuid(),
  workspace: Workspace,
  mode: CaptureMode,
  /** null: the account's address (no owner); else the user whose documents these are. */
  userId: z.uuid().nullable(),
  localPart: z.string(),
  address: z.string(),
});
export const EmailAddresses = z.object({ addresses: z.array(EmailAddress) });
export const UpdateEmailAddress = z.strictObject({
  localPart: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,62}$/, '3 to 63 letters, digits, dots, dashes or underscores'),
});
export const EMAIL_IN_USE = 'Email already in use. Please choose another one.';
