import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import type { AccountKind } from '../../../shared/contracts/identity';
import { homeOf } from '../../app/paths';
import { useCurrentAccount } from './current-account';
import { kindLabel } from './labels';

/** Pages that only make sense in a practice, or only in a business, say so in the other kind. */
export function RequireKind({ kind }: { kind: AccountKind }) {
  const { account } = useCurrentAccount();
  if (account.kind === kind) return <Outlet />;
  return (
    <Paper withBorder radius="md" p="xl" maw={560}>
      <Stack gap="sm">
        <Title order={1} fz={22}>
          This page belongs to {kind === 'practice' ? 'practice' : 'business'} accounts
        </Title>
        <Text size="sm" c="dimmed">
          {account.name} is a {kindLabel[account.kind].toLowerCase()} account. Use the account switcher at the
          top to open a {kind} account, or go back to this account’s home page.
        </Text>
        <div>
          <Button component={Link} to={homeOf(account.id, account.kind)} variant="light">
            Go to {account.name}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
