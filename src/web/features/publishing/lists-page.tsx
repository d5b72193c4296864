import { Anchor, Loader, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { LedgerListsSection } from './ledger-lists';
import { PaymentMethodsSection } from './payment-methods-section';
import { useConnections } from './publishing-api';

/** Business settings > Lists: what was imported from the accounting software, and Payment methods. */
export function ListsPage() {
  const { account } = useCurrentAccount();
  const connections = useConnections(account.id);
  const connection = connections.data?.connection ?? null;
  return (
    <Page
      title="Lists"
      path={['Business settings']}
      description="Categories, tax rates, contacts, tracking, bank accounts and currencies read from your accounting software, and the payment methods used when publishing."
    >
      {connections.isPending && <Loader size="sm" aria-label="Loading lists" />}
      {connections.isError && <ErrorAlert error={connections.error} title="Could not load the connection" />}
      {connections.data && connection === null && (
        <Paper withBorder radius="md" p="lg">
          <Text size="sm">
            No accounting software is connected, so no lists were imported. Connect Xero or QuickBooks Online
            in{' '}
            <Anchor component={Link} to={paths.connections(account.id)}>
              Business settings › Connections
            </Anchor>
            .
          </Text>
        </Paper>
      )}
      {connection !== null && (
        <>
          <LedgerListsSection accountId={account.id} softwareName={connection.softwareName} />
          <PaymentMethodsSection
            accountId={account.id}
            software={connection.software}
            canManage={account.role === 'admin'}
          />
        </>
      )}
    </Page>
  );
}
