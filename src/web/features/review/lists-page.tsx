import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  FileButton,
  Menu,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { fieldReason, messageOf } from '../../app/api';
import type { Workspace } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { ProductsAndServices } from './products-and-services';
import {
  useAddCategory,
  useAddPaymentMethod,
  useAddTaxRate,
  useCaptureSettings,
  useCategories,
  useDeleteCategory,
  useDeletePaymentMethod,
  useDeleteTaxRate,
  useImportCategories,
  useListSource,
  usePaymentMethods,
  useTaxRates,
  useUpdateCaptureSettings,
  useUpdateCategory,
  useUpdatePaymentMethod,
  useUpdateTaxRate,
  type ListSource,
} from './review-api';

const notifyError = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error) });

/** A row's Rename and Delete (a prompt for the new name, a confirmation before deleting). */
function RowActions({
  label,
  onRename,
  onDelete,
}: {
  label: string;
  onRename: () => void;
  onDelete: () => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${label}`}>
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onRename}>Rename</Menu.Item>
        <Menu.Item color="red" onClick={onDelete}>
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Rename dialog: one text field, saved on submit. */
function RenameDialog({
  title,
  value,
  onClose,
  onSave,
  pending,
}: {
  title: string;
  value: string | null;
  onClose: () => void;
  onSave: (name: string) => void;
  pending: boolean;
}) {
  const [name, setName] = useState(value ?? '');
  const [basis, setBasis] = useState(value);
  if (basis !== value) {
    setBasis(value);
    setName(value ?? '');
  }
  return (
    <Modal opened={value !== null} onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() !== '') onSave(name.trim());
        }}
      >
        <Stack>
          <TextInput
            label="New name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={name.trim() === ''}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface RenameMutation {
  mutate(
    v: { id: string; name: string },
    o: { onSuccess: () => void; onError: (error: unknown) => void },
  ): void;
  isPending: boolean;
}
interface DeleteMutation {
  mutate(id: string, o: { onSuccess: () => void; onError: (error: unknown) => void }): void;
}

/**
 * Rename and Delete for the rows of one list (categories, tax rates, payment methods): the row menu,
 * the confirmation naming what loses the entry, and the rename dialog.
 */
function useRenameAndDelete(noun: string, update: RenameMutation, remove: DeleteMutation) {
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const deleted = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} deleted`;
  const actions = (row: { id: string; name: string }) => (
    <RowActions
      label={row.name}
      onRename={() => setRenaming({ id: row.id, name: row.name })}
      onDelete={() => {
        if (
          window.confirm(`Delete the ${noun} ${row.name}? Supplier rules and Inbox items using it lose it.`)
        )
          remove.mutate(row.id, {
            onSuccess: () => notifications.show({ color: 'teal', message: deleted }),
            onError: notifyError,
          });
      }}
    />
  );
  const dialog = (
    <RenameDialog
      title={`Rename the ${noun}`}
      value={renaming?.name ?? null}
      pending={update.isPending}
      onClose={() => setRenaming(null)}
      onSave={(name) => {
        if (renaming !== null)
          update.mutate(
            { id: renaming.id, name },
            { onSuccess: () => setRenaming(null), onError: notifyError },
          );
      }}
    />
  );
  return { actions, dialog };
}

/** With accounting software connected, its lists are read-only here: say so, and where to change them. */
function FromLedger({ source, list }: { source: ListSource | undefined; list: string }) {
  if (source?.ledger == null) return null;
  const name = source.ledger.name;
  return (
    <Alert color="blue" variant="light" title={`${list} come from ${name}`}>
      This business is connected to {name}: add, rename or delete {list.toLowerCase()} in {name}, then choose
      Refresh lists in Business settings &gt; Connections.
      {list === 'Categories' ? ' Here you choose which categories are offered when reviewing (Visible).' : ''}
    </Alert>
  );
}

function ListTable({
  label,
  head,
  children,
  empty,
}: {
  label: string;
  head: string[];
  children: ReactNode[];
  empty: string;
}) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={label}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {children.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={head.length}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            children
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ImportCategories({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { account } = useCurrentAccount();
  const importCsv = useImportCategories(account.id);
  const [csv, setCsv] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Import categories from CSV" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Two columns: name and code (the code is optional). A header row is fine. Existing categories with
          the same name are updated.
        </Text>
        <Group>
          <FileButton
            accept=".csv,text/csv"
            onChange={(file) => {
              if (file !== null) void file.text().then(setCsv);
            }}
          >
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                Choose a CSV file
              </Button>
            )}
          </FileButton>
        </Group>
        <Textarea
          label="CSV"
          placeholder={'Name,Code\nTravel,420\nOffice supplies,429'}
          autosize
          minRows={6}
          maxRows={14}
          value={csv}
          onChange={(e) => setCsv(e.currentTarget.value)}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {importCsv.data !== undefined && (
          <Stack gap={4} role="status">
            <Text size="sm">
              {importCsv.data.created} created, {importCsv.data.updated} updated.
            </Text>
            {importCsv.data.errors.map((e) => (
              <Text key={e} size="sm" c="red.8">
                {e}
              </Text>
            ))}
          </Stack>
        )}
        {importCsv.isError && <ErrorAlert error={importCsv.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button
            disabled={csv.trim() === ''}
            loading={importCsv.isPending}
            onClick={() => importCsv.mutate(csv)}
          >
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Categories() {
  const { account } = useCurrentAccount();
  const categories = useCategories(account.id);
  const source = useListSource(account.id);
  const add = useAddCategory(account.id);
  const update = useUpdateCategory(account.id);
  const remove = useDeleteCategory(account.id);
  const renameAndDelete = useRenameAndDelete('category', update, remove);
  const readOnly = source.data?.readOnly ?? true;
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [importing, setImporting] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    add.mutate(
      { name: name.trim(), code: code.trim() === '' ? null : code.trim() },
      {
        onSuccess: () => {
          setName('');
          setCode('');
          notifications.show({ color: 'teal', message: 'Category added' });
        },
      },
    );
  };
  if (categories.isError) return <ErrorAlert error={categories.error} />;
  if (categories.data === undefined || source.data === undefined)
    return <Loader size="sm" aria-label="Loading" />;
  return (
    <Stack>
      <FromLedger source={source.data} list="Categories" />
      {!readOnly && (
        <Group justify="space-between" align="flex-end">
          <form onSubmit={submit} aria-label="Add a category">
            <Group align="flex-end" gap="xs">
              <TextInput
                label="Category name"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={fieldReason(add.error, 'name')}
                required
              />
              <TextInput label="Code" w={120} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
              <Button type="submit" loading={add.isPending} disabled={name.trim() === ''}>
                Add category
              </Button>
            </Group>
          </form>
          <Button variant="default" onClick={() => setImporting(true)}>
            Import CSV
          </Button>
        </Group>
      )}
      {add.isError && fieldReason(add.error, 'name') === undefined && <ErrorAlert error={add.error} />}
      <ListTable
        label="Categories"
        head={readOnly ? ['Name', 'Code', 'Visible'] : ['Name', 'Code', 'Visible', '']}
        empty={
          readOnly
            ? 'No categories imported yet: Refresh lists in Connections.'
            : 'No categories yet: add them or import a CSV.'
        }
      >
        {categories.data.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td fw={500}>{c.name}</Table.Td>
            <Table.Td c="dimmed">{c.code ?? '—'}</Table.Td>
            <Table.Td>
              <Switch
                aria-label={`${c.name} visible`}
                checked={c.visible}
                onChange={(e) =>
                  update.mutate({ id: c.id, visible: e.currentTarget.checked }, { onError: notifyError })
                }
              />
            </Table.Td>
            {!readOnly && <Table.Td w={48}>{renameAndDelete.actions(c)}</Table.Td>}
          </Table.Tr>
        ))}
      </ListTable>
      {renameAndDelete.dialog}
      <ImportCategories opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}

function TaxRates() {
  const { account } = useCurrentAccount();
  const taxRates = useTaxRates(account.id);
  const source = useListSource(account.id);
  const add = useAddTaxRate(account.id);
  const update = useUpdateTaxRate(account.id);
  const remove = useDeleteTaxRate(account.id);
  const renameAndDelete = useRenameAndDelete('tax rate', update, remove);
  const readOnly = source.data?.readOnly ?? true;
  const [workspace, setWorkspace] = useState<Workspace>('costs');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [rate, setRate] = useState('');
  if (taxRates.isError) return <ErrorAlert error={taxRates.error} />;
  if (taxRates.data === undefined || source.data === undefined)
    return <Loader size="sm" aria-label="Loading" />;
  const rows = taxRates.data.filter((t) => t.workspace === workspace);
  return (
    <Stack>
      <FromLedger source={source.data} list="Tax rates" />
      <SegmentedControl
        aria-label="Tax rates for"
        w={220}
        value={workspace}
        onChange={(v) => setWorkspace(v === 'sales' ? 'sales' : 'costs')}
        data={[
          { value: 'costs', label: 'Costs' },
          { value: 'sales', label: 'Sales' },
        ]}
      />
      {!readOnly && (
        <form
          aria-label="Add a tax rate"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              {
                workspace,
                name: name.trim(),
                code: code.trim() === '' ? null : code.trim(),
                rate: rate.trim(),
              },
              {
                onSuccess: () => {
                  setName('');
                  setCode('');
                  setRate('');
                },
              },
            );
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Tax rate name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <TextInput label="Code" w={110} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
            <TextInput
              label="Rate %"
              w={110}
              inputMode="decimal"
              value={rate}
              onChange={(e) => setRate(e.currentTarget.value)}
              error={fieldReason(add.error, 'rate')}
              required
            />
            <Button type="submit" loading={add.isPending} disabled={name.trim() === '' || rate.trim() === ''}>
              Add tax rate
            </Button>
          </Group>
        </form>
      )}
      {add.isError && fieldReason(add.error, 'rate') === undefined && <ErrorAlert error={add.error} />}
      <ListTable
        label="Tax rates"
        head={readOnly ? ['Name', 'Code', 'Rate'] : ['Name', 'Code', 'Rate', '']}
        empty="No tax rates yet."
      >
        {rows.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td fw={500}>{t.name}</Table.Td>
            <Table.Td c="dimmed">{t.code ?? '—'}</Table.Td>
            <Table.Td>{t.rate}%</Table.Td>
            {!readOnly && <Table.Td w={48}>{renameAndDelete.actions(t)}</Table.Td>}
          </Table.Tr>
        ))}
      </ListTable>
      {renameAndDelete.dialog}
    </Stack>
  );
}

function PaymentMethods() {
  const { account } = useCurrentAccount();
  const methods = usePaymentMethods(account.id);
  const add = useAddPaymentMethod(account.id);
  const update = useUpdatePaymentMethod(account.id);
  const remove = useDeletePaymentMethod(account.id);
  const renameAndDelete = useRenameAndDelete('payment method', update, remove);
  const [name, setName] = useState('');
  const [last4, setLast4] = useState('');
  if (methods.isError) return <ErrorAlert error={methods.error} />;
  if (methods.data === undefined) return <Loader size="sm" aria-label="Loading" />;
  return (
    <Stack>
      <form
        aria-label="Add a payment method"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { name: name.trim(), cardLast4: last4.trim() === '' ? null : last4.trim() },
            {
              onSuccess: () => {
                setName('');
                setLast4('');
              },
            },
          );
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Payment method"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <TextInput
            label="Card last 4 digits"
            w={150}
            maxLength={4}
            inputMode="numeric"
            value={last4}
            onChange={(e) => setLast4(e.currentTarget.value)}
            error={fieldReason(add.error, 'cardLast4')}
          />
          <Button type="submit" loading={add.isPending} disabled={name.trim() === ''}>
            Add payment method
          </Button>
        </Group>
      </form>
      <Text size="xs" c="dimmed">
        When a receipt shows the last 4 digits of a card, Docket picks the payment method with those digits.
      </Text>
      <ListTable label="Payment methods" head={['Name', 'Card', '']} empty="No payment methods yet.">
        {methods.data.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td fw={500}>{p.name}</Table.Td>
            <Table.Td c="dimmed">{p.cardLast4 === null ? '—' : `•••• ${p.cardLast4}`}</Table.Td>
            <Table.Td w={48}>{renameAndDelete.actions(p)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {renameAndDelete.dialog}
    </Stack>
  );
}

/** Xero tracking categories / QuickBooks classes and locations: lists named after them, from the ledger. */
function Tracking() {
  const { account } = useCurrentAccount();
  const source = useListSource(account.id);
  if (source.isError) return <ErrorAlert error={source.error} />;
  if (source.data === undefined) return <Loader size="sm" aria-label="Loading" />;
  if (source.data.tracking.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Tracking comes from accounting software: Xero&apos;s two active tracking categories, or QuickBooks
        classes and locations. Connect it in Business settings &gt; Connections.
      </Text>
    );
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        From {source.data.ledger?.name ?? 'the accounting software'}; rename or add options there, then
        Refresh lists. Pick options on an item or its line items.
      </Text>
      {source.data.tracking.map((list) => (
        <ListTable key={list.id} label={list.name} head={[list.name, 'Options']} empty="No active options.">
          {[
            <Table.Tr key={list.id}>
              <Table.Td fw={500}>
                {list.name}{' '}
                <Badge size="xs" variant="light" color="gray">
                  {list.kind === 'tracking'
                    ? 'Tracking category'
                    : list.kind === 'class'
                      ? 'Class'
                      : 'Location'}
                </Badge>
              </Table.Td>
              <Table.Td>{list.options.map((o) => o.name).join(', ') || '—'}</Table.Td>
            </Table.Tr>,
          ]}
        </ListTable>
      ))}
    </Stack>
  );
}

function DuplicateSettings() {
  const { account } = useCurrentAccount();
  const settings = useCaptureSettings(account.id);
  const update = useUpdateCaptureSettings(account.id);
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  if (settings.data === undefined) return <Loader size="sm" aria-label="Loading" />;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Text fw={600}>Duplicate detection (Costs)</Text>
        <Text size="sm" c="dimmed">
          Receipts match on supplier, date, total and owner; invoices and credit notes on supplier, total and
          reference. A supplier&apos;s own setting wins over this one.
        </Text>
        <SegmentedControl
          aria-label="Duplicate detection"
          w={360}
          value={settings.data.duplicateMode}
          onChange={(v) =>
            update.mutate(
              { duplicateMode: v === 'automatic' ? 'automatic' : v === 'off' ? 'off' : 'review' },
              {
                onSuccess: () => notifications.show({ color: 'teal', message: 'Duplicate detection saved' }),
                onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
              },
            )
          }
          data={[
            { value: 'automatic', label: 'Automatic' },
            { value: 'review', label: 'Review' },
            { value: 'off', label: 'Off' },
          ]}
        />
        <Text size="xs" c="dimmed">
          Automatic removes duplicates to Submission history (restorable). Review flags them for a side by
          side comparison.
        </Text>
        {settings.data.extractionLimit !== null && (
          <Text size="sm">
            Monthly extraction limit: {settings.data.extractionLimit.toLocaleString()} documents.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Business settings > Lists: categories, tax rates, payment methods, tracking, products and services
 * (QuickBooks Online, read-only) and duplicate detection.
 */
export function ListsPage() {
  const { account } = useCurrentAccount();
  const quickbooks = useListSource(account.id).data?.ledger?.software === 'quickbooks';
  return (
    <Page
      title="Lists"
      path={['Business settings']}
      description="Categories, tax rates, payment methods and tracking used when reviewing and publishing items."
    >
      <Tabs defaultValue="categories" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="categories">Categories</Tabs.Tab>
          <Tabs.Tab value="tax-rates">Tax rates</Tabs.Tab>
          <Tabs.Tab value="payment-methods">Payment methods</Tabs.Tab>
          <Tabs.Tab value="tracking">Tracking</Tabs.Tab>
          {quickbooks && <Tabs.Tab value="products">Products and services</Tabs.Tab>}
          <Tabs.Tab value="duplicates">Duplicates</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="categories">
          <Categories />
        </Tabs.Panel>
        <Tabs.Panel value="tax-rates">
          <TaxRates />
        </Tabs.Panel>
        <Tabs.Panel value="payment-methods">
          <PaymentMethods />
        </Tabs.Panel>
        <Tabs.Panel value="tracking">
          <Tracking />
        </Tabs.Panel>
        {quickbooks && (
          <Tabs.Panel value="products">
            <ProductsAndServices />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="duplicates">
          <DuplicateSettings />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
