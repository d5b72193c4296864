import { Anchor, Badge, List, Loader, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { connectionStatusLabel } from './format';
import { publicationPath } from './publication-page-path';
import {
  usePublications,
  vendorName,
  type Connections,
  type Publication,
  type Software,
} from './publishing-api';

interface CatalogueRow {
  code: string;
  message: string;
  fix: string;
  vendorMessage: string | null;
  items: string[];
}

/** The catalogue messages this business's items have met, per software, most frequent first. */
function catalogueRows(publications: readonly Publication[], software: Software): CatalogueRow[] {
  const rows = new Map<string, CatalogueRow>();
  for (const p of publications) {
    if (p.software !== software || p.error === null) continue;
    const key = `${p.error.code}\u0000${p.error.message}`;
    const row = rows.get(key) ?? { ...p.error, items: [] };
    row.items.push(p.itemId);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.items.length - a.items.length);
}

function ErrorMessages({
  accountId,
  software,
  publications,
}: {
  accountId: string;
  software: Software;
  publications: readonly Publication[];
}) {
  const title = `${software === 'xero' ? 'Xero' : 'QuickBooks Online'} publishing error messages`;
  const rows = catalogueRows(publications, software);
  const id = `${software}-publishing-error-messages`;
  return (
    <section aria-labelledby={id}>
      <Title order={3} fz="md" id={id} mb={6}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          None of this business’s items has been refused by {vendorName(software)}.
        </Text>
      ) : (
        <Table aria-label={title} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Message</Table.Th>
              <Table.Th>Fix</Table.Th>
              <Table.Th>{vendorName(software)}’s words</Table.Th>
              <Table.Th>Items</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={`${row.code}-${row.message}`}>
                <Table.Td>{row.message}</Table.Td>
                <Table.Td>{row.fix}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {row.vendorMessage ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {row.items.map((itemId, i) => (
                    <Anchor
                      key={itemId}
                      component={Link}
                      to={publicationPath(accountId, itemId)}
                      size="sm"
                      mr={6}
                    >
                      Item {i + 1}
                    </Anchor>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <List.Item
      icon={
        <ThemeIcon size={20} radius="xl" color={ok ? 'teal' : 'orange'} variant="light" aria-hidden="true">
          {ok ? '✓' : '!'}
        </ThemeIcon>
      }
    >
      {children}
    </List.Item>
  );
}

/**
 * "Why aren't my documents publishing?": usually a disconnected integration or a required field
 * missing from an item. Shows both for this business, then the error messages with their fixes.
 */
export function WhyNotPublishingSection({
  accountId,
  connections,
}: {
  accountId: string;
  connections: Connections;
}) {
  const publications = usePublications(accountId);
  const connection = connections.connection;
  const held = (publications.data ?? []).filter((p) => p.state === 'held');
  const failed = (publications.data ?? []).filter((p) => p.state === 'failed');
  const software: Software[] =
    connection === null
      ? ['xero', 'quickbooks']
      : [connection.software, ...(['xero', 'quickbooks'] as const).filter((s) => s !== connection.software)];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="why-not-publishing">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="why-not-publishing">
          Why aren’t my documents publishing?
        </Title>
        <Text size="sm" c="dimmed">
          Publishing issues are usually caused by a disconnected integration or a required field missing from
          an item. Here is how this business stands.
        </Text>
        {publications.isPending && <Loader size="sm" aria-label="Loading publishing state" />}
        {publications.isError && (
          <ErrorAlert error={publications.error} title="Could not load the publishing state" />
        )}
        <List spacing="xs" size="sm" aria-label="Publishing checks">
          <Check ok={connection?.status === 'connected'}>
            {connection === null
              ? 'Integration: not connected. Connect Xero or QuickBooks Online above to publish.'
              : `Integration: ${connection.softwareName} is ${connectionStatusLabel[connection.status].label.toLowerCase()}.`}
            {connection !== null &&
              connection.status !== 'connected' &&
              connection.help !== null &&
              ` ${connection.help}`}
          </Check>
          <Check ok={held.length === 0}>
            {held.length === 0
              ? 'Items: none is held in To review by the pre-check (a missing required field, a lock date, an archived category…).'
              : `Items: ${held.length} ${held.length === 1 ? 'item is' : 'items are'} held in To review because the accounting software would refuse ${held.length === 1 ? 'it' : 'them'}:`}
            {held.length > 0 && (
              <List size="sm" withPadding mt={4} aria-label="Items held in To review">
                {held.map((p) => (
                  <List.Item key={p.itemId}>
                    <Anchor component={Link} to={publicationPath(accountId, p.itemId)} size="sm">
                      {p.problems.map((problem) => problem.message).join(' ') || 'Held by the pre-check.'}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      {p.problems.map((problem) => problem.fix).join(' ')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Check>
          <Check ok={failed.length === 0}>
            {failed.length === 0 ? (
              'Refused publishes: none.'
            ) : (
              <>
                Refused publishes: {failed.length} {failed.length === 1 ? 'item shows' : 'items show'}{' '}
                <Badge color="yellow" variant="light" size="sm">
                  Ready (yellow)
                </Badge>{' '}
                with the message and its fix below; the message stays until a publish succeeds.
              </>
            )}
          </Check>
        </List>
        <Text size="sm">
          For error messages and fixes, go to{' '}
          <Anchor href="#xero-publishing-error-messages">Xero publishing error messages</Anchor> or{' '}
          <Anchor href="#quickbooks-publishing-error-messages">
            QuickBooks Online publishing error messages
          </Anchor>
          . Other accounting software is not supported yet: export items to CSV instead.
        </Text>
        {publications.data &&
          software.map((s) => (
            <ErrorMessages key={s} accountId={accountId} software={s} publications={publications.data} />
          ))}
      </Stack>
    </Paper>
  );
}
