import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AccountIndex, AccountRoute } from '../features/accounts/account-route';
import { RequireKind } from '../features/accounts/kind-guard';
import { UsersPage } from '../features/accounts/users-page';
import { SubscriptionPage } from '../features/billing/subscription-page';
import { ExtractByEmailPage } from '../features/capture/extract-by-email-page';
import { WorkspacePage } from '../features/capture/workspace-page';
import { AccountantPage } from '../features/business-settings/accountant/accountant-page';
import { BusinessSubscriptionPage } from '../features/business-settings/subscription-page';
import {
  ClientBusinessSettingsPage,
  ClientLayout,
  ClientPracticeAccessPage,
  ClientSubscriptionPage,
  ClientUsersPage,
} from '../features/clients/client-pages';
import { ClientsPage } from '../features/clients/clients-page';
import { DataHealthPage } from '../features/health/data-health-page';
import {
  ConfirmEmailChangePage,
  ForgotPasswordPage,
  ResetPasswordPage,
  SupportConfirmPage,
  VerifyEmailPage,
} from '../features/identity/email-link-pages';
import { InvitationPage } from '../features/identity/invitation-page';
import { LockedOutPage } from '../features/identity/locked-out-page';
import { LoginDetailsPage } from '../features/identity/login-details-page';
import { RootRedirect } from '../features/identity/root-redirect';
import { SecurityPage } from '../features/identity/security-page';
import { RequireFullSession } from '../features/identity/session-stage';
import { SetUpTwoFactorPage } from '../features/identity/set-up-two-factor-page';
import { SignInPage } from '../features/identity/sign-in-page';
import { SignUpPage } from '../features/identity/sign-up-page';
import { TwoFactorChallengePage } from '../features/identity/two-factor-challenge-page';
import { ConnectionReturn } from '../features/publishing/connection-return';
import { ConnectionsPage } from '../features/publishing/connections-page';
import { CONNECTION_RETURN_ROUTE } from '../features/publishing/publication-page-path';
import { PublicationPage } from '../features/publishing/publication-page';
import { ContactsPage } from '../features/review/contacts-page';
import { ItemPage } from '../features/review/item-page';
import { ListsPage } from '../features/review/lists-page';
import { NewClientDefaultsPage } from '../features/practice-settings/new-client-defaults-page';
import { ColleaguesPage } from '../features/team/colleagues-page';
import { HelpPage } from '../features/support/help-page';
import { MailboxPage } from '../features/support/mailbox-page';
import { SupportConsolePage } from '../features/support/support-console-page';
import { NotFoundPage } from '../shell/not-found-page';
import { paths } from './paths';

const practicePages: RouteObject[] = [
  { path: 'clients', element: <ClientsPage /> },
  {
    path: 'clients/:clientId',
    element: <ClientLayout />,
    children: [
      { index: true, element: <Navigate to="users" replace /> },
      { path: 'subscription', element: <ClientSubscriptionPage /> },
      { path: 'practice-access', element: <ClientPracticeAccessPage /> },
      { path: 'users', element: <ClientUsersPage /> },
      { path: 'business-settings', element: <ClientBusinessSettingsPage /> },
    ],
  },
  { path: 'team', element: <Navigate to="colleagues" replace /> },
  { path: 'team/colleagues', element: <ColleaguesPage /> },
  { path: 'data-health', element: <DataHealthPage /> },
  { path: 'practice-settings', element: <Navigate to="subscription" replace /> },
  { path: 'practice-settings/subscription/:tab?', element: <SubscriptionPage /> },
  { path: 'practice-settings/new-client-defaults', element: <NewClientDefaultsPage /> },
];

const businessPages: RouteObject[] = [
  { path: 'costs/:section?', element: <WorkspacePage workspace="costs" /> },
  { path: 'sales/:section?', element: <WorkspacePage workspace="sales" /> },
  { path: 'costs/items/:itemId', element: <ItemPage workspace="costs" /> },
  { path: 'sales/items/:itemId', element: <ItemPage workspace="sales" /> },
  { path: 'costs/suppliers', element: <ContactsPage workspace="costs" /> },
  { path: 'sales/customers', element: <ContactsPage workspace="sales" /> },
  { path: 'user-settings/extract-by-email', element: <ExtractByEmailPage /> },
  { path: 'business-settings', element: <Navigate to="accountant" replace /> },
  { path: 'business-settings/accountant', element: <AccountantPage /> },
  { path: 'business-settings/connections', element: <ConnectionsPage /> },
  { path: 'business-settings/connections/items/:itemId', element: <PublicationPage /> },
  { path: 'business-settings/lists', element: <ListsPage /> },
  { path: 'business-settings/users', element: <UsersPage /> },
  { path: 'business-settings/subscription', element: <BusinessSubscriptionPage /> },
];

export const routes: RouteObject[] = [
  { path: '/', element: <RootRedirect /> },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  { path: paths.twoFactorChallenge, element: <TwoFactorChallengePage /> },
  { path: paths.twoFactorSetup, element: <SetUpTwoFactorPage /> },
  { path: paths.lockedOut, element: <LockedOutPage /> },
  { path: paths.forgotPassword, element: <ForgotPasswordPage /> },
  { path: paths.resetPassword, element: <ResetPasswordPage /> },
  { path: paths.verifyEmail, element: <VerifyEmailPage /> },
  { path: paths.confirmEmailChange, element: <ConfirmEmailChangePage /> },
  { path: paths.invitation, element: <InvitationPage /> },
  { path: paths.supportConfirm, element: <SupportConfirmPage /> },
  { path: paths.supportConsole, element: <SupportConsolePage /> },
  { path: paths.mailbox, element: <MailboxPage /> },
  // Where the accounting software's consent page sends the browser back (the server's path).
  { path: CONNECTION_RETURN_ROUTE, element: <ConnectionReturn /> },
  {
    path: '/a/:accountId',
    element: (
      <RequireFullSession>
        <AccountRoute />
      </RequireFullSession>
    ),
    children: [
      { index: true, element: <AccountIndex /> },
      { element: <RequireKind kind="practice" />, children: practicePages },
      { element: <RequireKind kind="business" />, children: businessPages },
      { path: 'user-settings', element: <Navigate to="security" replace /> },
      { path: 'user-settings/security', element: <SecurityPage /> },
      { path: 'user-settings/login-details', element: <LoginDetailsPage /> },
      { path: 'help', element: <HelpPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage standalone /> },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
