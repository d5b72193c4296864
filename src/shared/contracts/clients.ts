import { z } from 'zod';
import { Email } from './common';
import { Role } from './identity';

export const ClientSort = z.enum(['name', 'practiceCode', 'accountManager', 'connectedAt', 'toReview']);
export const ClientListQuery = z.strictObject({
  search: z.string().trim().max(200).optional(),
  status: z.enum(['active', 'deactivated', 'all']).default('all'),
  payer: z.enum(['client', 'practice']).optional(),
  accountManagerUserId: z.uuid().optional(),
  sort: ClientSort.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClientListQuery = z.input<typeof ClientListQuery>;

export const WorkspaceCounts = z.object({ toReview: z.number().int(), ready: z.number().int() });

export const ClientRow = z.object({
  id: z.uuid(),
  name: z.string(),
  practiceCode: z.string().nullable(),
  accountManager: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  payer: z.enum(['client', 'practice']),
  status: z.enum(['active', 'deactivated']),
  deactivatedAt: z.string().nullable(),
  /** When Reactivate becomes available (4 months after deactivation). */
  reactivatableFrom: z.string().nullable(),
  connectedAt: z.string().nullable(),
  /** Accounting software and its connection status; null until one is connected. */
  ledger: z.object({ software: z.string(), status: z.string() }).nullable(),
  addOns: z.array(z.string()),
  /** Data Health score 0-100; null until Data Health is switched on for the client. */
  healthScore: z.number().nullable(),
  costs: WorkspaceCounts,
  sales: WorkspaceCounts,
  latestItemAt: z.string().nullable(),
  oldestItemAt: z.string().nullable(),
  /** Users besides practice staff (deletion is offered only when this is 0). */
  userCount: z.number().int(),
});
export type ClientRow = z.infer<typeof ClientRow>;

export const ClientList = z.object({
  clients: z.array(ClientRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ClientList = z.infer<typeof ClientList>;

export const ClientUserInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: Email,
  role: z.enum(['admin', 'standard']).default('admin'),
  /** false: an auto-generated user, created without an invitation (cannot sign in until invited). */
  invite: z.boolean().default(true),
});

export const AddClientRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('GB'),
  practiceCode: z.string().trim().max(50).optional(),
  accountManagerUserId: z.uuid().optional(),
  users: z.array(ClientUserInput).max(50).default([]),
});
export const AddClientResult = z.object({ clientId: z.uuid() });

export const UpdateClientRequest = z.strictObject({
  practiceCode: z.string().trim().max(50).nullable().optional(),
  accountManagerUserId: z.uuid().nullable().optional(),
});

export const RemovalRequest = z.strictObject({
  /** The client's user who becomes (or stays) the account owner: required to disconnect. */
  ownerUserId: z.uuid().optional(),
});
export const DeleteClientRequest = z.strictObject({ confirmName: z.string().min(1).max(200) });

export const RemovalOptions = z.object({
  canDisconnect: z.boolean(),
  disconnectBlockedReason: z.string().nullable(),
  canDeactivate: z.boolean(),
  canReactivate: z.boolean(),
  reactivatableFrom: z.string().nullable(),
  canDelete: z.boolean(),
  deleteBlockedReason: z.string().nullable(),
  ownerCandidates: z.array(
    z.object({ userId: z.uuid(), name: z.string(), email: z.string(), isOwner: z.boolean() }),
  ),
});
export type RemovalOptions = z.infer<typeof RemovalOptions>;

export const PracticeCodesCsvResult = z.object({
  updated: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});

export const AccountantStatus = z.object({
  /** The practice with access now, or the firm invited and not on Docket yet. */
  current: z
    .object({
      status: z.enum(['pending', 'active']),
      practiceName: z.string().nullable(),
      email: z.string().nullable(),
      since: z.string().nullable(),
    })
    .nullable(),
  /** The last change, for the banner ("Your accountant disconnected ..."). */
  lastEnded: z.object({ practiceName: z.string().nullable(), reason: z.string(), at: z.string() }).nullable(),
  deactivated: z.object({ at: z.string(), reactivatableFrom: z.string() }).nullable(),
});
export type AccountantStatus = z.infer<typeof AccountantStatus>;

export const AccountantLookup = z.object({
  onDocket: z.boolean(),
  practiceName: z.string().nullable(),
});
export const InviteAccountantRequest = z.strictObject({ email: Email });

export const ColleagueUpdate = z.strictObject({
  role: Role.optional(),
  active: z.boolean().optional(),
  permissions: z.array(z.string().max(50)).max(20).optional(),
  /** Standard colleagues: 'all' or the client ids they may work in. */
  clientAccess: z.union([z.literal('all'), z.array(z.uuid()).max(10_000)]).optional(),
});

export const NewClientDefaults = z.strictObject({
  paymentStatus: z.enum(['paid', 'unpaid']).optional(),
  dueDays: z.number().int().min(0).max(365).optional(),
  defaultCategory: z.string().max(200).optional(),
  autoArchive: z.boolean().optional(),
  shareImages: z.boolean().optional(),
});
export type NewClientDefaults = z.infer<typeof NewClientDefaults>;

export const PracticeAccess = z.object({
  colleagues: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      email: z.string(),
      role: Role,
      /** role: Practice or Client Admin (every client); all_clients: a Standard colleague given every client; assigned. */
      reason: z.enum(['role', 'all_clients', 'assigned']),
    }),
  ),
});
