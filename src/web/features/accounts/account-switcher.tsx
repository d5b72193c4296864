import { Avatar, Box, Group, Loader, Menu, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { AccountSummary } from '../../../shared/contracts/identity';
import { messageOf } from '../../app/api';
import { homeOf } from '../../app/paths';
import { IconChevronDown } from '../../ui/icons';
import { useSwitchAccount } from './accounts-api';
import { useCurrentAccount } from './current-account';
import { describeAccount, kindLabel, roleLabel } from './labels';

/** Practices first, then businesses, each by name. */
function byKindThenName(a: AccountSummary, b: AccountSummary): number {
  if (a.kind !== b.kind) return a.kind === 'practice' ? -1 : 1;
  return a.name.localeCompare(b.name);
}

/** The account switcher: every account of the login, with its kind and this login's role in it. */
export function AccountSwitcher() {
  const { account, me } = useCurrentAccount();
  const switchAccount = useSwitchAccount();
  const navigate = useNavigate();
  const accounts = [...me.accounts].sort(byKindThenName);

  function choose(accountId: string) {
    if (accountId === account.id) return;
    switchAccount.mutate(accountId, {
      onSuccess: (next) => {
        const target = next.accounts.find((a) => a.id === accountId);
        if (!target) return;
        notifications.show({ message: `You are now working in ${target.name}.`, color: 'docket' });
        void navigate(homeOf(target.id, target.kind));
      },
      onError: (error) => {
        notifications.show({ title: 'Could not switch account', message: messageOf(error), color: 'red' });
      },
    });
  }

  return (
    <Menu position="bottom-start" width={340} shadow="md" radius="md">
      <Menu.Target>
        <UnstyledButton
          aria-label={`${account.name}: switch account`}
          px="sm"
          py={6}
          style={{
            borderRadius: 'var(--mantine-radius-md)',
            border: '1px solid var(--mantine-color-gray-3)',
          }}
          maw={{ base: 200, sm: 340 }}
        >
          <Group gap="sm" wrap="nowrap">
            <Avatar name={account.name} color="initials" size={30} radius="sm" />
            <Box miw={0} style={{ flex: 1 }}>
              <Text size="sm" fw={600} truncate="end" lh={1.25}>
                {account.name}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" lh={1.25} visibleFrom="sm">
                {kindLabel[account.kind]} · {roleLabel[account.role]}
              </Text>
            </Box>
            {switchAccount.isPending ? (
              <Loader size={14} aria-label="Switching account" />
            ) : (
              <IconChevronDown size={16} />
            )}
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your accounts ({accounts.length})</Menu.Label>
        <ScrollArea.Autosize mah={360} type="auto">
          <Menu.RadioGroup value={account.id} onChange={choose}>
            {accounts.map((a) => (
              <Menu.RadioItem key={a.id} value={a.id} closeMenuOnClick>
                <Group gap="sm" wrap="nowrap">
                  <Avatar name={a.name} color="initials" size={28} radius="sm" aria-hidden="true" />
                  <Box miw={0}>
                    <Text size="sm" fw={500} lh={1.3} truncate="end">
                      {a.name}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.3}>
                      {describeAccount(a)}
                    </Text>
                  </Box>
                </Group>
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}
