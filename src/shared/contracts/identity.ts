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

export const Me = z.object({
  login: z.object({ id: z.uuid(), email: z.string(), name: z.string(), emailVerified: z.boolean() }),
  currentAccountId: z.uuid().nullable(),
  accounts: z.array(AccountSummary),
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
});
export type UserSummary = z.infer<typeof UserSummary>;
