import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { connectionStatusLabel, formatDateTime } from './format';
import { LedgerListsSection } from './ledger-lists';
import { PaymentMethodsSection } from './payment-methods-section';
import { PublishingSettingsSection } from './publishing-settings-form';
import {
  isSoftware,
  useConnections,
  useDisconnect,
  useRefreshLists,
  useStartConnect,
  type Connection,
  type Connections,
} from './publishing-api';
import { WhyNotPublishingSection } from './why-not-publishing';

/** What the consent page sent back (?connection=connected|failed|cancelled&message=…), once. */
function ReturnNotice() {
  const [params, setParams] = useSearchParams();
  const outcome = params.get('connection');
  if (outcome === null) return null;
  const close = () =>
    setParams(
      (p) => {
        p.delete('connection');
        p.delete('message');
        p.delete('software');
        return p;
      },
      { replace: true },
    );
  const message = params.get('message');
  if (outcome === 'connected')
    return (
      <Alert color="teal" variant="light" title="Connected" withCloseButton onClose={close} role="status">
        The connection works and the lists were imported. Items can be published now.
      </Alert>
    );
  return (
    <Alert
      color={outcome === 'cancelled' ? 'gray' : 'red'}
      variant="light"
      title={outcome === 'cancelled' ? 'Not connected: cancelled' : 'Not connected'}
      withCloseButton
      onClose={close}
      role="alert"
    >
      {message ?? 'The connection did not complete. Try again.'}
    </Alert>
  );
}

function ConnectionCard({
  accountId,
  connection,
  canManage,
}: {
  accountId: string;
  connection: Connection;
  canManage: boolean;
}) {
  const refresh = useRefreshLists(accountId);
  const disconnect = useDisconnect(accountId);
  const connect = useStartConnect(accountId);
  const [confirming, setConfirming] = useState(false);
  const status = connectionStatusLabel[connection.status];
  const live = connection.status !== 'disconnected';
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="accounting-software">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="accounting-software">
            {connection.softwareName}
          </Title>
          <Badge color={status.color} variant="light" size="lg" aria-label={`Status: ${status.label}`}>
            {status.label}
          </Badge>
        </Group>
        <Table variant="vertical" layout="fixed" withTableBorder={false} aria-label="Connection details">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>Organisation</Table.Th>
              <Table.Td>{connection.organisation.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Last sync</Table.Th>
              <Table.Td>{formatDateTime(connection.lastSyncAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Connected since</Table.Th>
              <Table.Td>{formatDateTime(connection.connectedAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Last error</Table.Th>
              <Table.Td>{connection.lastError ?? 'None'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {connection.help !== null && (
          <Alert color={status.color} variant="light" title="What to do">
            {connection.help}
          </Alert>
        )}
        {refresh.error && <ErrorAlert error={refresh.error} title="Could not refresh the lists" />}
        {disconnect.error && <ErrorAlert error={disconnect.error} title="Could not disconnect" />}
        {connect.error && <ErrorAlert error={connect.error} title="Could not start the connection" />}
        {canManage ? (
          <Group gap="sm">
            {live && (
              <Button
                variant="default"
                loading={refresh.isPending}
                onClick={() =>
                  refresh.mutate(undefined, {
                    onSuccess: () => notifications.show({ color: 'teal', message: 'Lists refreshed.' }),
                  })
                }
              >
                Refresh lists
              </Button>
            )}
            <Button
              variant={connection.status === 'connected' ? 'default' : 'filled'}
              loading={connect.isPending}
              onClick={() => connect.mutate(connection.software)}
            >
              {live ? 'Reconnect' : 'Connect'}
            </Button>
            {live && (
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                Disconnect
              </Button>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Only an Admin can connect, reconnect or disconnect the accounting software.
          </Text>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Disconnect ${connection.softwareName}?`}
      >
        <Stack gap="sm">
          <Text size="sm">
            Publishing stops for this business until you connect again. The imported lists stay, so
            categories, tax rates and suppliers keep working on items.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep connected
            </Button>
            <Button
              color="red"
              loading={disconnect.isPending}
              onClick={() =>
                disconnect.mutate(undefined, {
                  onSuccess: () => {
                    setConfirming(false);
                    notifications.show({
                      message: `${connection.softwareName} is disconnected; the lists are kept.`,
                    });
                  },
                })
              }
            >
              Disconnect
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** Xero, QuickBooks Online, and the software Docket does not publish to yet. */
function SoftwareList({
  accountId,
  connections,
  canManage,
}: {
  accountId: string;
  connections: Connections;
  canManage: boolean;
}) {
  const connect = useStartConnect(accountId);
  const current = connections.connection;
  const hasLive = current !== null && current.status !== 'disconnected';
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="software-list">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="software-list">
          {current === null ? 'Connect your accounting software' : 'Accounting software'}
        </Title>
        <Text size="sm" c="dimmed">
          One accounting software per business. Connecting opens its consent page; choose the organisation and
          allow access, and you come back here with its lists imported.
          {hasLive ? ' To change software, disconnect the current one first.' : ''}
        </Text>
        {connect.error && <ErrorAlert error={connect.error} title="Could not start the connection" />}
        <Table aria-label="Accounting software">
          <Table.Tbody>
            {connections.software.map((option) => {
              const isCurrent = current?.software === option.id;
              return (
                <Table.Tr key={option.id}>
                  <Table.Td fw={option.supported ? 600 : undefined}>{option.name}</Table.Td>
                  <Table.Td>
                    {option.supported ? (
                      isCurrent && hasLive ? (
                        <Badge variant="light" color="teal">
                          In use
                        </Badge>
                      ) : (
                        canManage &&
                        !hasLive &&
                        isSoftware(option.id) && (
                          <Button
                            size="xs"
                            aria-label={`Connect ${option.name}`}
                            loading={connect.isPending && connect.variables === option.id}
                            onClick={() => {
                              if (isSoftware(option.id)) connect.mutate(option.id);
                            }}
                          >
                            Connect
                          </Button>
                        )
                      )
                    ) : (
                      <Group gap="xs">
                        <Badge variant="light" color="gray">
                          Not supported yet
                        </Badge>
                        {option.note !== null && (
                          <Text size="xs" c="dimmed">
                            {option.note}
                          </Text>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/** Businesses without (supported) accounting software: how Docket works for them. */
function WithoutSoftware() {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="without-software">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="without-software">
          Without accounting software
        </Title>
        <Text size="sm" c="dimmed">
          Using Sage, FreeAgent, MYOB, Zoho Books, KashFlow or another software Docket does not publish to
          yet? Review items as usual, move them to Ready yourself (Move to Ready on the item or for selected
          items), then select Ready items and choose Export to CSV and archive. Categories, tax rates and
          payment methods are your own in Business settings &gt; Lists.
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * Business settings > Connections: the accounting software this business publishes to (connect,
 * status, Reconnect, Disconnect, Refresh lists), why documents may not be publishing, the publishing
 * settings, the imported lists and the payment methods' bank accounts.
 */
export function ConnectionsPage() {
  const { account } = useCurrentAccount();
  const connections = useConnections(account.id);
  const canManage = account.role === 'admin';
  const connection = connections.data?.connection ?? null;

  return (
    <Page
      title="Connections"
      path={['Business settings']}
      description="The accounting software this business publishes to. If documents are not publishing, start here."
    >
      <ReturnNotice />
      {connections.isPending && <Loader size="sm" aria-label="Loading connections" />}
      {connections.isError && (
        <ErrorAlert
          error={connections.error}
          title="Could not load the connections"
          onRetry={() => void connections.refetch()}
        />
      )}
      {connections.data && (
        <>
          {connection !== null && (
            <ConnectionCard accountId={account.id} connection={connection} canManage={canManage} />
          )}
          <SoftwareList accountId={account.id} connections={connections.data} canManage={canManage} />
          {(connection === null || connection.status === 'disconnected') && <WithoutSoftware />}
          <WhyNotPublishingSection accountId={account.id} connections={connections.data} />
          {connection !== null && (
            <>
              <PublishingSettingsSection
                accountId={account.id}
                software={connection.software}
                canManage={canManage}
              />
              <LedgerListsSection accountId={account.id} softwareName={connection.softwareName} />
              <PaymentMethodsSection
                accountId={account.id}
                software={connection.software}
                canManage={canManage}
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}
