import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import type { AccountantStatus } from '../../../shared/contracts/clients';
import type { AccountDetails } from '../../../shared/contracts/identity';
import { ApiError, api } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { FullPageLoader } from '../../ui/full-page-loader';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { roleLabel } from '../accounts/labels';
import { PeopleManager } from '../team/people-manager';
import { useClientAccount, useRemovalOptions, useUsersOf } from './clients-api';
import { formatDate } from './format';
import { RemovalModal, type RemovalTarget } from './removal-dialogs';

const tabs = [
  { value: 'subscription', label: 'Manage client’s subscription' },
  { value: 'practice-access', label: 'Practice access' },
  { value: 'users', label: 'Users' },
  { value: 'business-settings', label: 'Business settings' },
] as const;

interface ClientContext {
  client: AccountDetails;
  practiceId: string;
}

function useClient(): ClientContext {
  return useOutletContext<ClientContext>();
}

/** The client is gone for this practice (disconnected, moved to another firm, deleted) or never was its own. */
function ClientNotFound({ practiceId }: { practiceId: string }) {
  return (
    <Paper withBorder radius="md" p="xl" maw={560}>
      <Stack gap="sm">
        <Title order={1} fz={22}>
          Client not found
        </Title>
        <Text size="sm" c="dimmed">
          This client is not in your practice’s client list. It may have been disconnected, moved to another
          accountant, or deleted. A disconnected client can reconnect only by sending your practice a new
          invitation from its Business settings › Accountant.
        </Text>
        <div>
          <Button component={Link} to={paths.clients(practiceId)} variant="light">
            Go to Clients
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** Clients › a client: the Manage pages (subscription, practice access, users, Business settings). */
export function ClientLayout() {
  const { account } = useCurrentAccount();
  const { clientId = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const client = useClientAccount(clientId);
  const section = tabs.find((t) => pathname.endsWith(`/${t.value}`))?.value ?? 'users';
  if (client.isPending) return <FullPageLoader label="Loading the client" />;
  if (client.isError) {
    if (client.error instanceof ApiError && (client.error.status === 404 || client.error.status === 400)) {
      return <ClientNotFound practiceId={account.id} />;
    }
    return (
      <ErrorAlert
        error={client.error}
        title="Could not load the client"
        onRetry={() => void client.refetch()}
      />
    );
  }
  const context: ClientContext = { client: client.data, practiceId: account.id };
  return (
    <Page title={client.data.name} path={['Clients', 'Manage']}>
      <Tabs
        value={section}
        onChange={(next) => {
          if (next) void navigate(`${paths.client(account.id, clientId)}/${next}`);
        }}
      >
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet context={context} />
    </Page>
  );
}

/** Manage client’s subscription: who pays. Changing who pays arrives with billing. */
export function ClientSubscriptionPage() {
  const { client } = useClient();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          Who pays for {client.name}
        </Title>
        <Text size="sm">
          Your practice pays for the clients it added: each uses one of your practice’s client slots, and paid
          add-on usage is billed to your practice. A business that invited your practice pays for its own plan
          unless your practice takes over billing.
        </Text>
        <Alert color="gray" variant="light" title="Change who pays is not available yet">
          <Text size="sm">
            Taking over billing (Change who pays › Confirm) arrives with billing in a later release. Until
            then the client list shows who pays for each client in its Who pays column.
          </Text>
        </Alert>
      </Stack>
    </Paper>
  );
}

/** Practice access: which colleagues of the practice reach this client. */
export function ClientPracticeAccessPage() {
  const { client, practiceId } = useClient();
  const colleagues = useUsersOf(practiceId);
  const active = (colleagues.data ?? []).filter((u) => u.active);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          Colleagues who reach {client.name}
        </Title>
        <Text size="sm" c="dimmed">
          Practice Admins and Client Admins reach every client. Standard colleagues reach the clients chosen
          in their client access (Team › Colleagues › Actions › Edit role and client access). Inside a client,
          every colleague acts as an Admin.
        </Text>
        {colleagues.isError && <ErrorAlert error={colleagues.error} title="Could not load your colleagues" />}
        <Table aria-label="Practice access">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Colleague</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Access to this client</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {u.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.email}
                  </Text>
                </Table.Td>
                <Table.Td>{roleLabel[u.role]}</Table.Td>
                <Table.Td>
                  {u.role === 'standard' ? (
                    <Text size="sm" c="dimmed">
                      Set in their client access
                    </Text>
                  ) : (
                    <Badge color="teal" variant="light">
                      Every client
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <div>
          <Button component={Link} to={paths.colleagues(practiceId)} variant="light" size="xs">
            Go to Team › Colleagues
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** Users: the client's users; practice staff act as Admin inside a client. */
export function ClientUsersPage() {
  const { client, practiceId } = useClient();
  const { me } = useCurrentAccount();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        The people of {client.name}. Users without login access cannot sign in but can own documents. The
        account owner cannot be deactivated or removed. Your practice’s colleagues are not listed here: they
        reach the client through the practice.
      </Text>
      <PeopleManager
        accountId={client.id}
        kind="business"
        actorRole="admin"
        practiceId={practiceId}
        meEmail={me.login.email}
      />
    </Stack>
  );
}

/** Business settings of the client, as the practice sees them, and Remove client. */
export function ClientBusinessSettingsPage() {
  const { client, practiceId } = useClient();
  const { account } = useCurrentAccount();
  const canRemove = account.role === 'practice_admin' || account.role === 'client_admin';
  const accountant = useQuery({
    queryKey: ['accounts', client.id, 'accountant'],
    queryFn: () => api.get<AccountantStatus>(`/api/accounts/${encodeURIComponent(client.id)}/accountant`),
  });
  const options = useRemovalOptions(practiceId, client.id, canRemove);
  const [removing, setRemoving] = useState<RemovalTarget | null>(null);
  const navigate = useNavigate();
  const open = (action: RemovalTarget['action']) =>
    setRemoving({ clientId: client.id, name: client.name, action });
  const deactivated = accountant.data?.deactivated ?? null;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg">
        <Stack gap={6}>
          <Title order={2} fz="lg">
            Business details
          </Title>
          <Text size="sm">
            Country: {client.country} · Currency: {client.currency}
          </Text>
          <Text size="sm">On Docket since {formatDate(client.createdAt)}</Text>
          {accountant.data?.current && (
            <Text size="sm">
              Connected to your practice since {formatDate(accountant.data.current.since)}.
            </Text>
          )}
          {deactivated && (
            <Text size="sm" c="orange.8">
              Deactivated on {formatDate(deactivated.at)}. Reactivate is available from{' '}
              {formatDate(deactivated.reactivatableFrom)}.
            </Text>
          )}
        </Stack>
      </Paper>
      {canRemove && (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="remove-client">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="remove-client">
              Remove client
            </Title>
            <List size="sm" spacing={4}>
              <List.Item>
                Disconnect: the client keeps its account and data; your practice loses access at once.
              </List.Item>
              <List.Item>
                Deactivate: the client’s services stop while you keep access; Reactivate waits 4 months.
              </List.Item>
              <List.Item>
                Delete: the client and all its data go for good, only when it has no users. It cannot be
                recovered.
              </List.Item>
            </List>
            <Group gap="sm">
              {!deactivated && (
                <Button variant="default" onClick={() => open('disconnect')}>
                  Disconnect client
                </Button>
              )}
              {deactivated ? (
                <Button
                  variant="default"
                  disabled={!options.data?.canReactivate}
                  onClick={() => open('reactivate')}
                >
                  {options.data?.canReactivate
                    ? 'Reactivate client'
                    : `Reactivate (available from ${formatDate(deactivated.reactivatableFrom)})`}
                </Button>
              ) : (
                <Button variant="default" onClick={() => open('deactivate')}>
                  Deactivate client
                </Button>
              )}
              <Button variant="light" color="red" onClick={() => open('delete')}>
                Delete client
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <RemovalModal
        practiceId={practiceId}
        target={removing}
        onSwitch={setRemoving}
        onClose={() => setRemoving(null)}
        onDone={(action) => {
          if (action === 'disconnect' || action === 'delete') void navigate(paths.clients(practiceId));
          else void accountant.refetch();
        }}
      />
    </Stack>
  );
}
