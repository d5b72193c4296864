import {
  Button,
  FileButton,
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
import {
  useAddCategory,
  useAddPaymentMethod,
  useAddTaxRate,
  useCaptureSettings,
  useCategories,
  useImportCategories,
  usePaymentMethods,
  useTaxRates,
  useUpdateCaptureSettings,
  useUpdateCategory,
} from './review-api';

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
  const add = useAddCategory(account.id);
  const update = useUpdateCategory(account.id);
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
  if (categories.data === undefined) return <Loader size="sm" aria-label="Loading" />;
  return (
    <Stack>
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
      {add.isError && fieldReason(add.error, 'name') === undefined && <ErrorAlert error={add.error} />}
      <ListTable
        label="Categories"
        head={['Name', 'Code', 'Visible']}
        empty="No categories yet: add them or import a CSV."
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
                  update.mutate(
                    { id: c.id, visible: e.currentTarget.checked },
                    { onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }) },
                  )
                }
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <ImportCategories opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}

function TaxRates() {
  const { account } = useCurrentAccount();
  const taxRates = useTaxRates(account.id);
  const add = useAddTaxRate(account.id);
  const [workspace, setWorkspace] = useState<Workspace>('costs');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [rate, setRate] = useState('');
  if (taxRates.isError) return <ErrorAlert error={taxRates.error} />;
  if (taxRates.data === undefined) return <Loader size="sm" aria-label="Loading" />;
  const rows = taxRates.data.filter((t) => t.workspace === workspace);
  return (
    <Stack>
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
      {add.isError && fieldReason(add.error, 'rate') === undefined && <ErrorAlert error={add.error} />}
      <ListTable label="Tax rates" head={['Name', 'Code', 'Rate']} empty="No tax rates yet.">
        {rows.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td fw={500}>{t.name}</Table.Td>
            <Table.Td c="dimmed">{t.code ?? '—'}</Table.Td>
            <Table.Td>{t.rate}%</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

function PaymentMethods() {
  const { account } = useCurrentAccount();
  const methods = usePaymentMethods(account.id);
  const add = useAddPaymentMethod(account.id);
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
      <ListTable label="Payment methods" head={['Name', 'Card']} empty="No payment methods yet.">
        {methods.data.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td fw={500}>{p.name}</Table.Td>
            <Table.Td c="dimmed">{p.cardLast4 === null ? '—' : `•••• ${p.cardLast4}`}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
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

/** Business settings > Lists: categories, tax rates, payment methods, and duplicate detection. */
export function ListsPage() {
  return (
    <Page
      title="Lists"
      path={['Business settings']}
      description="Categories, tax rates and payment methods used when reviewing and publishing items."
    >
      <Tabs defaultValue="categories" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="categories">Categories</Tabs.Tab>
          <Tabs.Tab value="tax-rates">Tax rates</Tabs.Tab>
          <Tabs.Tab value="payment-methods">Payment methods</Tabs.Tab>
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
        <Tabs.Panel value="duplicates">
          <DuplicateSettings />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
