import { z } from 'zod';
import { Email } from './common';

export const AccountKind = z.enum(['practice', 'business']);
export type AccountKind = z.infer<typeof AccountKind>;

export const Role = z.enum(['practice_admin', 'client_admin', 'standard', 'admin']);
export type Role = z.infer<typeof Role>;

export const Password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(128, 'must be at most 128 characters');

export const SignUpRequest = z.strictObject({
  kind: AccountKind,
  accountName: z.string().trim().min(1, 'is required').max(200),
  name: z.string().trim().min(1, 'is required').max(200),
  email: Email,
  password: Password,
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as GB')
    .default('GB'),
});
export type SignUpRequest = z.input<typeof SignUpRequest>;

export const SignInRequest = z.strictObject({
  email: Email,
  password: z.string().min(1, 'is required').max(128),
});
export type SignInRequest = z.input<typeof SignInRequest>;

export const AccountSummary = z.object({
  id: z.uuid(),
  kind: AccountKind,
  name: z.string(),
  role: Role,
  /** How the login reaches the account: as a member, or as practice staff serving a client. */
  via: z.enum(['member', 'practice']),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const SessionStage = z.enum(['full', 'mfa', 'setup_mfa']);
export type SessionStage = z.infer<typeof SessionStage>;

export const Me = z.object({
  login: z.object({ id: z.uuid(), email: z.string(), name: z.string(), emailVerified: z.boolean() }),
  /** 'mfa': a 2FA code is needed; 'setup_mfa': 2FA must be set up first. Accounts are empty until 'full'. */
  stage: SessionStage,
  currentAccountId: z.uuid().nullable(),
  accounts: z.array(AccountSummary),
  isSupportAgent: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SwitchAccountRequest = z.strictObject({ accountId: z.uuid() });

export const AccountDetails = z.object({
  id: z.uuid(),
  kind: AccountKind,
  name: z.string(),
  country: z.string(),
  currency: z.string(),
  ownerUserId: z.uuid().nullable(),
  /** Every user must use two-factor authentication. */
  require2fa: z.boolean(),
  createdAt: z.string(),
});
export type AccountDetails = z.infer<typeof AccountDetails>;

export const UserSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: Role,
  active: z.boolean(),
  isOwner: z.boolean(),
  canSignIn: z.boolean(),
  /** Optional permissions of Standard users (add_clients, practice_insights, all_documents, publish...). */
  permissions: z.array(z.string()),
  /** Practice colleagues: every client ('all': Practice and Client Admins, or all_clients) or the assigned client ids. */
  clientAccess: z.union([z.literal('all'), z.array(z.uuid())]).nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const TwoFactorChallengeRequest = z
  .strictObject({
    code: z.string().trim().max(20).optional(),
    backupCode: z.string().trim().max(40).optional(),
    trustDevice: z.boolean().default(false),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.backupCode), { message: 'send either code or backupCode' });

export const TotpSetup = z.object({ key: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });
export const TotpConfirmRequest = z.strictObject({ code: z.string().trim().min(6).max(10) });
export const BackupCodes = z.object({ backupCodes: z.array(z.string()) });
export const PasswordConfirmRequest = z.strictObject({ password: z.string().min(1).max(128) });

export const SecurityOverview = z.object({
  twoFactor: z.object({
    enabled: z.boolean(),
    required: z.boolean(),
    backupCodesLeft: z.number().int(),
  }),
  sessions: z.array(
    z.object({
      id: z.string(),
      current: z.boolean(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      userAgent: z.string().nullable(),
      ip: z.string().nullable(),
    }),
  ),
  trustedDevices: z.array(
    z.object({ id: z.string(), label: z.string().nullable(), createdAt: z.string(), expiresAt: z.string() }),
  ),
});
export type SecurityOverview = z.infer<typeof SecurityOverview>;

export const TokenRequest = z.strictObject({ token: z.string().min(10).max(200) });
export const EmailRequest = z.strictObject({ email: Email });
export const PasswordResetComplete = z.strictObject({
  token: z.string().min(10).max(200),
  password: Password,
});
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});
export const ChangeEmailRequest = z.strictObject({ newEmail: Email, password: z.string().min(1).max(128) });
export const SupportRequestBody = z.strictObject({ email: Email, message: z.string().max(2000).optional() });

export const MergePreviewRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(128),
  code: z.string().trim().max(40).optional(),
});
export const MergePreview = z.object({
  mergeToken: z.string(),
  other: z.object({
    email: z.string(),
    accounts: z.array(z.object({ id: z.uuid(), kind: AccountKind, name: z.string(), role: Role })),
  }),
});
export const MergeConfirmRequest = z.strictObject({ mergeToken: z.string().min(10).max(200) });

export const AuditEvent = z.object({
  id: z.uuid(),
  action: z.string(),
  at: z.string(),
  ip: z.string().nullable(),
  accountId: z.uuid().nullable(),
  loginId: z.uuid().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export const AuditList = z.object({ events: z.array(AuditEvent) });
export type AuditList = z.infer<typeof AuditList>;

export const SupportRequestRow = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.enum(['awaiting_confirmation', 'confirmed', 'approved', 'rejected']),
  channel: z.enum(['web', 'email']),
  message: z.string().nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const SupportRequestList = z.object({ requests: z.array(SupportRequestRow) });

export const AccountSecuritySettings = z.strictObject({ require2fa: z.boolean() });

export const AddUserRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: Email,
  role: Role,
  /** false: an auto-generated user (can own documents, cannot sign in until invited). */
  loginAccess: z.boolean().default(true),
  permissions: z
    .array(z.enum(['add_clients', 'practice_insights', 'all_documents', 'publish', 'expense_claims']))
    .default([]),
});
export const AddUserResult = z.object({
  userId: z.uuid(),
  /** linked: the email already had a login, now linked; invited: an invitation was emailed; none: no login access. */
  outcome: z.enum(['linked', 'invited', 'none']),
});
export const InvitationInfo = z.object({
  accountName: z.string(),
  email: z.string(),
  name: z.string(),
  hasLogin: z.boolean(),
});
export const AcceptInvitationRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  password: Password,
});
export const InvitationRow = z.object({
  id: z.string(),
  userId: z.uuid(),
  email: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const InvitationList = z.object({ invitations: z.array(InvitationRow) });

export const MailboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export const Mailbox = z.object({ messages: z.array(MailboxMessage) });
