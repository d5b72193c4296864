import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { messageOf } from '../../app/api';
import { paths } from '../../app/paths';
import { IconChevronDown, IconHelp, IconSignOut, IconUser } from '../../ui/icons';
import { useCurrentAccount } from '../accounts/current-account';
import { useSignOut } from './identity-api';

/** The signed-in login: its settings, Help, and sign out. */
export function UserMenu() {
  const { account, me } = useCurrentAccount();
  const signOut = useSignOut();
  const navigate = useNavigate();

  function onSignOut() {
    signOut.mutate(undefined, {
      onSuccess: () => {
        void navigate(paths.signIn, { replace: true });
      },
      onError: (error) => {
        notifications.show({ title: 'Could not sign out', message: messageOf(error), color: 'red' });
      },
    });
  }

  return (
    <Menu position="bottom-end" width={260} shadow="md" radius="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Your login: ${me.login.name}`} px={6} py={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar name={me.login.name} color="initials" size={32} radius="xl" />
            <Text size="sm" fw={500} visibleFrom="sm">
              {me.login.name}
            </Text>
            <IconChevronDown size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py={6}>
          <Text size="sm" fw={600}>
            {me.login.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {me.login.email}
          </Text>
        </Box>
        <Menu.Divider />
        <Menu.Item component={Link} to={paths.security(account.id)} leftSection={<IconUser size={16} />}>
          User settings
        </Menu.Item>
        <Menu.Item component={Link} to={paths.help(account.id)} leftSection={<IconHelp size={16} />}>
          Help
        </Menu.Item>
        {me.isSupportAgent && (
          <Menu.Item component={Link} to={paths.supportConsole} leftSection={<IconHelp size={16} />}>
            Support console
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconSignOut size={16} />}
          onClick={onSignOut}
          closeMenuOnClick={false}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
