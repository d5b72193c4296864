import type { AccountKind } from '../../shared/contracts/identity';
import { paths, type Workspace } from '../app/paths';
import {
  IconBusiness,
  IconClients,
  IconCosts,
  IconHealth,
  IconHelp,
  IconPractice,
  IconSales,
  IconTeam,
  IconUser,
} from '../ui/icons';

export interface NavEntry {
  label: string;
  to: string;
  icon?: (props: { size?: number }) => React.JSX.Element;
  children?: readonly NavEntry[];
}

function workspace(a: string, ws: Workspace): NavEntry[] {
  return [
    { label: 'Inbox', to: paths.workspace(a, ws, 'inbox') },
    { label: 'Processing', to: paths.workspace(a, ws, 'processing') },
    { label: 'Archive', to: paths.workspace(a, ws, 'archive') },
    { label: 'Submission history', to: paths.workspace(a, ws, 'submission-history') },
    { label: ws === 'costs' ? 'Suppliers' : 'Customers', to: paths.contacts(a, ws) },
  ];
}

function forEveryone(a: string, kind: AccountKind): NavEntry[] {
  return [
    {
      label: 'User settings',
      to: `/a/${a}/user-settings`,
      icon: IconUser,
      children: [
        { label: 'Security', to: paths.security(a) },
        { label: 'Login details', to: paths.loginDetails(a) },
        ...(kind === 'business' ? [{ label: 'Extract by Email', to: paths.extractByEmail(a) }] : []),
      ],
    },
    { label: 'Help', to: paths.help(a), icon: IconHelp },
  ];
}

/**
 * The main navigation, in the product's own words. A practice works across its clients; a business
 * works on its own Costs and Sales. User settings and Help are the same for everyone.
 */
export function navigationFor(kind: AccountKind, a: string): NavEntry[] {
  if (kind === 'practice') {
    return [
      { label: 'Clients', to: paths.clients(a), icon: IconClients },
      {
        label: 'Team',
        to: `/a/${a}/team`,
        icon: IconTeam,
        children: [{ label: 'Colleagues', to: paths.colleagues(a) }],
      },
      { label: 'Data Health', to: paths.dataHealth(a), icon: IconHealth },
      {
        label: 'Practice settings',
        to: `/a/${a}/practice-settings`,
        icon: IconPractice,
        children: [
          { label: 'Subscription', to: paths.subscription(a) },
          { label: 'New Client Defaults', to: paths.newClientDefaults(a) },
        ],
      },
      ...forEveryone(a, kind),
    ];
  }
  return [
    { label: 'Costs', to: `/a/${a}/costs`, icon: IconCosts, children: workspace(a, 'costs') },
    { label: 'Sales', to: `/a/${a}/sales`, icon: IconSales, children: workspace(a, 'sales') },
    {
      label: 'Business settings',
      to: `/a/${a}/business-settings`,
      icon: IconBusiness,
      children: [
        { label: 'Accountant', to: paths.accountant(a) },
        { label: 'Connections', to: paths.connections(a) },
        { label: 'Lists', to: paths.lists(a) },
        { label: 'Users', to: paths.users(a) },
        { label: 'Subscription', to: paths.businessSubscription(a) },
      ],
    },
    ...forEveryone(a, kind),
  ];
}

/** True when `pathname` is `to` or a page below it. */
export function isWithin(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}
