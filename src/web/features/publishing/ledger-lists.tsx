import { Badge, Group, Loader, Paper, ScrollArea, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime, ratePercent, textField, trackingOptions } from './format';
import { useLedgerLists, type ListEntry, type ListKind } from './publishing-api';

interface Column {
  header: string;
  cell: (entry: ListEntry) => ReactNode;
}

const activeColumn: Column = {
  header: 'Status',
  cell: (e) =>
    e.active ? (
      <Badge variant="light" color="teal" size="sm">
        Active
      </Badge>
    ) : (
      <Badge variant="light" color="gray" size="sm">
        Archived or inactive
      </Badge>
    ),
};
const linkedColumn: Column = {
  header: 'In Docket',
  cell: (e) => (e.docketId === null ? 'Not used' : 'Linked'),
};
const nameColumn: Column = { header: 'Name', cell: (e) => e.name };

const tabs: readonly { kind: Exclude<ListKind, 'organisation'>; label: string; columns: Column[] }[] = [
  {
    kind: 'account',
    label: 'Categories',
    columns: [
      { header: 'Code', cell: (e) => textField(e.data, 'code') ?? '—' },
      nameColumn,
      { header: 'Type', cell: (e) => textField(e.data, 'kind') ?? '—' },
      activeColumn,
      linkedColumn,
    ],
  },
  {
    kind: 'tax_rate',
    label: 'Tax rates',
    columns: [
      nameColumn,
      { header: 'Rate', cell: (e) => ratePercent(e.data) ?? '—' },
      {
        header: 'Used for',
        cell: (e) =>
          [e.data['purchases'] === true ? 'Costs' : null, e.data['sales'] === true ? 'Sales' : null]
            .filter((v) => v !== null)
            .join(', ') || '—',
      },
      activeColumn,
      linkedColumn,
    ],
  },
  {
    kind: 'contact',
    label: 'Contacts',
    columns: [
      nameColumn,
      {
        header: 'Kind',
        cell: (e) =>
          [e.data['supplier'] === true ? 'Supplier' : null, e.data['customer'] === true ? 'Customer' : null]
            .filter((v) => v !== null)
            .join(', ') || '—',
      },
      { header: 'Currency', cell: (e) => textField(e.data, 'currency') ?? '—' },
      activeColumn,
      linkedColumn,
    ],
  },
  {
    kind: 'tracking',
    label: 'Tracking',
    columns: [
      nameColumn,
      { header: 'Kind', cell: (e) => textField(e.data, 'kind') ?? '—' },
      { header: 'Options', cell: (e) => trackingOptions(e.data).join(', ') || '—' },
    ],
  },
  {
    kind: 'bank_account',
    label: 'Bank accounts',
    columns: [
      { header: 'Code', cell: (e) => textField(e.data, 'code') ?? '—' },
      nameColumn,
      { header: 'Type', cell: (e) => textField(e.data, 'kind') ?? '—' },
      { header: 'Currency', cell: (e) => textField(e.data, 'currency') ?? '—' },
      activeColumn,
    ],
  },
  { kind: 'currency', label: 'Currencies', columns: [{ header: 'Currency', cell: (e) => e.name }] },
];

function ListTable({ label, columns, entries }: { label: string; columns: Column[]; entries: ListEntry[] }) {
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed" py="md">
        Nothing imported in {label.toLowerCase()}.
      </Text>
    );
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Table striped highlightOnHover aria-label={label} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header}>{c.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.ledgerId}>
              {columns.map((c) => (
                <Table.Td key={c.header}>{c.cell(entry)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** The lists imported from the accounting software, one tab per list, read-only. */
export function LedgerListsSection({ accountId, softwareName }: { accountId: string; softwareName: string }) {
  const lists = useLedgerLists(accountId);
  const organisation = lists.data?.entries.find((e) => e.kind === 'organisation');
  const lockDate = organisation === undefined ? null : textField(organisation.data, 'lockDate');
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="imported-lists">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} fz="lg" id="imported-lists">
            Lists from {softwareName}
          </Title>
          {lists.data && (
            <Text size="sm" c="dimmed">
              Last sync: {formatDateTime(lists.data.lastSyncAt)}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Imported when you connect and kept fresh (at most about 5 minutes old). Categories, tax rates and
          contacts are created in Docket from these; archived ones are kept but not offered. Categories and
          tax rates are read-only in Docket while connected (only Visible changes, in Business settings &gt;
          Lists); tracking options are picked on items and their line items.
        </Text>
        {lists.isPending && <Loader size="sm" aria-label="Loading lists" />}
        {lists.isError && (
          <ErrorAlert
            error={lists.error}
            title="Could not load the lists"
            onRetry={() => void lists.refetch()}
          />
        )}
        {organisation && (
          <Text size="sm">
            Organisation:{' '}
            <Text span fw={600}>
              {organisation.name}
            </Text>
            {textField(organisation.data, 'baseCurrency') !== null &&
              ` · base currency ${textField(organisation.data, 'baseCurrency') ?? ''}`}
            {textField(organisation.data, 'plan') !== null &&
              ` · plan ${textField(organisation.data, 'plan') ?? ''}`}
            {` · lock date ${lockDate ?? 'none'}`}
          </Text>
        )}
        {lists.data && (
          <Tabs defaultValue="account" keepMounted={false}>
            <Tabs.List>
              {tabs.map((t) => (
                <Tabs.Tab key={t.kind} value={t.kind}>
                  {t.label} ({lists.data.entries.filter((e) => e.kind === t.kind).length})
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {tabs.map((t) => (
              <Tabs.Panel key={t.kind} value={t.kind} pt="sm">
                <ListTable
                  label={t.label}
                  columns={t.columns}
                  entries={lists.data.entries.filter((e) => e.kind === t.kind)}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
      </Stack>
    </Paper>
  );
}
