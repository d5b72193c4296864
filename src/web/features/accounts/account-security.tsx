import { Alert, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditList } from '../../../shared/contracts/identity';
import { api, messageOf } from '../../app/api';
import { useAccount } from './accounts-api';

type Events = AuditList['events'];
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** For Admins: require 2FA of every user, and the account's security events. */
export function AccountSecurity({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  const queryClient = useQueryClient();
  const audit = useQuery({
    queryKey: ['accounts', accountId, 'audit'],
    queryFn: () => api.get<{ events: Events }>(`/api/accounts/${encodeURIComponent(accountId)}/audit`),
    select: (d) => d.events.slice(0, 20),
  });
  const setRequired = useMutation({
    mutationFn: (require2fa: boolean) =>
      api.put<{ require2fa: boolean }>(`/api/accounts/${encodeURIComponent(accountId)}/security`, {
        require2fa,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts', accountId] }),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="md">
          Security
        </Title>
        <Switch
          label="Require two-factor authentication for every user of this account"
          description="Users without it are taken through setting it up at their next sign-in; they can change the method but not turn it off."
          checked={account.data?.require2fa ?? false}
          disabled={!account.data || setRequired.isPending}
          onChange={(e) => setRequired.mutate(e.currentTarget.checked)}
        />
        {setRequired.error && <Alert color="red">{messageOf(setRequired.error)}</Alert>}
        <Text size="sm" fw={500}>
          Recent security events
        </Text>
        {audit.error && <Alert color="red">{messageOf(audit.error)}</Alert>}
        <Table fz="xs" verticalSpacing={4} aria-label="Recent security events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>From</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.data?.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{when.format(new Date(e.at))}</Table.Td>
                <Table.Td>{e.action.replaceAll('_', ' ').replace('.', ': ')}</Table.Td>
                <Table.Td>{e.ip ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
