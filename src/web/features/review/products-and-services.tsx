import { Badge, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../ui/error-alert';
import { useCurrentAccount } from '../accounts/current-account';
import { textField } from '../publishing/format';
import { useLedgerLists } from '../publishing/publishing-api';

/**
 * Lists > Products and services (QuickBooks Online): the products and services imported with the
 * lists, read-only. QuickBooks sales lines post through one; its income account is the category.
 */
export function ProductsAndServices() {
  const { account } = useCurrentAccount();
  const lists = useLedgerLists(account.id);
  if (lists.isError) return <ErrorAlert error={lists.error} />;
  if (lists.data === undefined) return <Loader size="sm" aria-label="Loading" />;
  const accounts = new Map(
    lists.data.entries.filter((e) => e.kind === 'account').map((e) => [e.ledgerId, e] as const),
  );
  const products = lists.data.entries
    .filter((e) => e.kind === 'item')
    .sort((a, b) => a.name.localeCompare(b.name));
  const category = (data: Record<string, unknown>) => {
    const id = textField(data, 'incomeAccountId');
    if (id === null) return '—';
    const income = accounts.get(id);
    if (income === undefined) return 'Not in the imported categories';
    const code = textField(income.data, 'code');
    return code === null ? income.name : `${income.name} (${code})`;
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        From QuickBooks Online; add or change products and services there, then Refresh lists in Business
        settings &gt; Connections. Sales invoice lines post through a product or service: the one whose
        category is the line&apos;s, else the default in Publishing settings.
      </Text>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Products and services">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Category (income account)</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    No products or services imported yet: Refresh lists in Connections.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              products.map((p) => (
                <Table.Tr key={p.ledgerId}>
                  <Table.Td fw={500}>{p.name}</Table.Td>
                  <Table.Td c="dimmed">{textField(p.data, 'type') ?? '—'}</Table.Td>
                  <Table.Td>{category(p.data)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm" color={p.active ? 'teal' : 'gray'}>
                      {p.active ? 'Active' : 'Inactive'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
