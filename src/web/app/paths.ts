import type { AccountKind } from '../../shared/contracts/identity';

/** Every URL of the app in one place. Account pages carry the account id: /a/:accountId/... */
export const paths = {
  signIn: '/sign-in',
  signUp: '/sign-up',
  /** The second step of signing in: an authenticator code or a backup code. */
  twoFactorChallenge: '/sign-in/two-factor',
  /** Signing in where 2FA must be set up first (required by an account, or reset by support). */
  twoFactorSetup: '/sign-in/set-up-two-factor',
  lockedOut: '/sign-in/locked-out',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  verifyEmail: '/verify-email',
  confirmEmailChange: '/confirm-email-change',
  invitation: '/invitation',
  supportConfirm: '/support/confirm',
  supportConsole: '/support',
  mailbox: '/dev/mailbox',
  account: (accountId: string) => `/a/${accountId}`,
  clients: (a: string) => `/a/${a}/clients`,
  /** Clients > Manage: a client's pages as its practice sees them (subscription, access, users, settings). */
  client: (a: string, clientId: string) => `/a/${a}/clients/${clientId}`,
  newClientDefaults: (a: string) => `/a/${a}/practice-settings/new-client-defaults`,
  businessSubscription: (a: string) => `/a/${a}/business-settings/subscription`,
  colleagues: (a: string) => `/a/${a}/team/colleagues`,
  dataHealth: (a: string) => `/a/${a}/data-health`,
  subscription: (a: string) => `/a/${a}/practice-settings/subscription`,
  billingDetails: (a: string) => `/a/${a}/practice-settings/subscription/billing-details`,
  invoiceHistory: (a: string) => `/a/${a}/practice-settings/subscription/invoice-history`,
  workspace: (a: string, workspace: Workspace, section: WorkspaceSection) =>
    `/a/${a}/${workspace}/${section}`,
  /** An item's page (the document beside its fields), under the workspace it is in. */
  item: (a: string, workspace: Workspace, itemId: string) => `/a/${a}/${workspace}/items/${itemId}`,
  /** Costs > Suppliers, Sales > Customers (with their rules). */
  contacts: (a: string, workspace: Workspace) =>
    `/a/${a}/${workspace}/${workspace === 'costs' ? 'suppliers' : 'customers'}`,
  extractByEmail: (a: string) => `/a/${a}/user-settings/extract-by-email`,
  accountant: (a: string) => `/a/${a}/business-settings/accountant`,
  connections: (a: string) => `/a/${a}/business-settings/connections`,
  lists: (a: string) => `/a/${a}/business-settings/lists`,
  users: (a: string) => `/a/${a}/business-settings/users`,
  security: (a: string) => `/a/${a}/user-settings/security`,
  loginDetails: (a: string) => `/a/${a}/user-settings/login-details`,
  help: (a: string) => `/a/${a}/help`,
};

export type Workspace = 'costs' | 'sales';
export const workspaceSections = ['inbox', 'processing', 'archive', 'submission-history'] as const;
export type WorkspaceSection = (typeof workspaceSections)[number];

export function isWorkspaceSection(value: string | undefined): value is WorkspaceSection {
  return workspaceSections.some((s) => s === value);
}

/** Where an account opens: the client list for a practice, the Costs inbox for a business. */
export function homeOf(accountId: string, kind: AccountKind): string {
  return kind === 'practice' ? paths.clients(accountId) : paths.workspace(accountId, 'costs', 'inbox');
}
