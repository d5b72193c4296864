import { AppShell, Burger, Divider, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet } from 'react-router';
import { homeOf } from '../app/paths';
import { AccountantBanner } from '../features/business-settings/accountant/accountant-banner';
import { AccountSwitcher } from '../features/accounts/account-switcher';
import { useCurrentAccount } from '../features/accounts/current-account';
import { kindLabel } from '../features/accounts/labels';
import { UserMenu } from '../features/identity/user-menu';
import { Brand } from '../ui/brand';
import { MainNav } from './main-nav';
import { navigationFor } from './navigation';

/** The frame of every signed-in page: header with the account switcher, main navigation, the page. */
export function AppShellLayout() {
  const { account } = useCurrentAccount();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 256, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <UnstyledButton
              component={Link}
              to={homeOf(account.id, account.kind)}
              aria-label="Docket home"
              visibleFrom="xs"
              style={{ textDecoration: 'none' }}
            >
              <Brand />
            </UnstyledButton>
            <Divider orientation="vertical" my={14} visibleFrom="xs" />
            <AccountSwitcher />
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar aria-label="Main navigation">
        <AppShell.Section px="md" pt="md" pb={6}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {kindLabel[account.kind]} account
          </Text>
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} px="sm" pb="md">
          <MainNav entries={navigationFor(account.kind, account.id)} onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <AccountantBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
