import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldReason } from '../../app/api';
import type { Workspace } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { IconSearch } from '../capture/icons';
import {
  useCategories,
  useContacts,
  useListSource,
  usePaymentMethods,
  useSaveContact,
  useTaxRates,
  type ContactKind,
  type ContactRow,
} from './review-api';

interface RulesDraft {
  name: string;
  categoryId: string;
  taxRateId: string;
  paymentMethodId: string;
  description: string;
  currency: string;
  paid: string;
  autoPublish: boolean;
  duplicateMode: string;
  /** Default tracking: list id -> option id. */
  tracking: Record<string, string>;
}

const blank: RulesDraft = {
  name: '',
  categoryId: '',
  taxRateId: '',
  paymentMethodId: '',
  description: '',
  currency: '',
  paid: '',
  autoPublish: false,
  duplicateMode: '',
  tracking: {},
};

function draftOf(c: ContactRow): RulesDraft {
  return {
    name: c.name,
    categoryId: c.categoryId ?? '',
    taxRateId: c.taxRateId ?? '',
    paymentMethodId: c.paymentMethodId ?? '',
    description: c.description ?? '',
    currency: c.currency ?? '',
    paid: c.paid === null ? '' : c.paid ? 'paid' : 'unpaid',
    autoPublish: c.autoPublish,
    duplicateMode: c.duplicateMode ?? '',
    tracking: Object.fromEntries(c.tracking.map((t) => [t.categoryId, t.optionId])),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function RulesModal({
  kind,
  workspace,
  contact,
  onClose,
}: {
  kind: ContactKind;
  workspace: Workspace;
  contact: ContactRow | 'new';
  onClose: () => void;
}) {
  const { account } = useCurrentAccount();
  const save = useSaveContact(account.id, kind);
  const categories = useCategories(account.id);
  const taxRates = useTaxRates(account.id);
  const methods = usePaymentMethods(account.id);
  const trackingLists = useListSource(account.id).data?.tracking ?? [];
  const [draft, setDraft] = useState<RulesDraft>(contact === 'new' ? blank : draftOf(contact));
  const noun = kind === 'supplier' ? 'supplier' : 'customer';
  const select = (key: Exclude<keyof RulesDraft, 'tracking'>) => ({
    value: typeof draft[key] === 'string' && draft[key] !== '' ? draft[key] : null,
    onChange: (v: string | null) => setDraft((d) => ({ ...d, [key]: v ?? '' })),
    clearable: true,
    placeholder: 'No rule',
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={contact === 'new' ? `Add a ${noun}` : `${contact.name}: ${noun} rules`}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            {
              id: contact === 'new' ? null : contact.id,
              rules: {
                name: draft.name.trim(),
                categoryId: orNull(draft.categoryId),
                taxRateId: orNull(draft.taxRateId),
                paymentMethodId: orNull(draft.paymentMethodId),
                description: orNull(draft.description),
                currency: orNull(draft.currency)?.toUpperCase() ?? null,
                paid: draft.paid === '' ? null : draft.paid === 'paid',
                autoPublish: draft.autoPublish,
                duplicateMode:
                  draft.duplicateMode === 'automatic' ||
                  draft.duplicateMode === 'review' ||
                  draft.duplicateMode === 'off'
                    ? draft.duplicateMode
                    : null,
                ...(trackingLists.length === 0
                  ? {}
                  : {
                      tracking: Object.entries(draft.tracking)
                        .filter(([, optionId]) => optionId !== '')
                        .map(([categoryId, optionId]) => ({ categoryId, optionId })),
                    }),
              },
            },
            {
              onSuccess: (r) => {
                notifications.show({
                  color: 'teal',
                  message:
                    r.reappliedToItems > 0
                      ? `Rules saved and applied to ${r.reappliedToItems} Inbox item${r.reappliedToItems === 1 ? '' : 's'}`
                      : 'Rules saved',
                });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <TextInput
            label="Name"
            required
            value={draft.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setDraft((d) => ({ ...d, name }));
            }}
            error={fieldReason(save.error, 'name')}
          />
          <Text size="sm" c="dimmed">
            {kind === 'supplier'
              ? 'Rules fill in new items from this supplier; a change also applies to its items in the Inbox (never over a field someone edited).'
              : 'Rules fill in new items for this customer; items already in the Inbox keep their fields.'}
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="Category"
              data={(categories.data ?? [])
                .filter((c) => c.visible)
                .map((c) => ({ value: c.id, label: c.name }))}
              searchable
              {...select('categoryId')}
            />
            <Select
              label="Tax rate"
              data={(taxRates.data ?? [])
                .filter((t) => t.workspace === workspace)
                .map((t) => ({ value: t.id, label: `${t.name} (${t.rate}%)` }))}
              {...select('taxRateId')}
            />
            <Select
              label="Payment method"
              data={(methods.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              {...select('paymentMethodId')}
            />
            <Select
              label="Paid"
              data={[
                { value: 'paid', label: 'Paid' },
                { value: 'unpaid', label: 'Unpaid' },
              ]}
              {...select('paid')}
            />
            <TextInput
              label="Currency"
              maxLength={3}
              placeholder="No rule"
              value={draft.currency}
              onChange={(e) => {
                const currency = e.currentTarget.value;
                setDraft((d) => ({ ...d, currency }));
              }}
            />
            {kind === 'supplier' && (
              <Select
                label="Duplicate detection"
                data={[
                  { value: 'automatic', label: 'Automatic' },
                  { value: 'review', label: 'Review' },
                  { value: 'off', label: 'Off' },
                ]}
                {...select('duplicateMode')}
                placeholder="As the account"
              />
            )}
            {trackingLists.map((list) => (
              <Select
                key={list.id}
                label={list.name}
                placeholder="No rule"
                clearable
                data={list.options.map((o) => ({ value: o.id, label: o.name }))}
                value={draft.tracking[list.id] ?? null}
                onChange={(v) => setDraft((d) => ({ ...d, tracking: { ...d.tracking, [list.id]: v ?? '' } }))}
              />
            ))}
          </SimpleGrid>
          <TextInput
            label="Description"
            placeholder="No rule"
            value={draft.description}
            onChange={(e) => {
              const description = e.currentTarget.value;
              setDraft((d) => ({ ...d, description }));
            }}
          />
          <Switch
            label="Publish automatically when Ready"
            checked={draft.autoPublish}
            onChange={(e) => {
              const autoPublish = e.currentTarget.checked;
              setDraft((d) => ({ ...d, autoPublish }));
            }}
          />
          {save.isError && fieldReason(save.error, 'name') === undefined && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={draft.name.trim() === ''}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Costs > Suppliers or Sales > Customers, with their rules. */
export function ContactsPage({ workspace }: { workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const kind: ContactKind = workspace === 'costs' ? 'supplier' : 'customer';
  const contacts = useContacts(account.id, kind);
  const categories = useCategories(account.id);
  const [editing, setEditing] = useState<ContactRow | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const title = kind === 'supplier' ? 'Suppliers' : 'Customers';
  const names = new Map((categories.data ?? []).map((c) => [c.id, c.name]));
  const rows = (contacts.data ?? []).filter((c) =>
    c.name.toLowerCase().includes(search.trim().toLowerCase()),
  );
  return (
    <Page
      title={title}
      path={[workspace === 'costs' ? 'Costs' : 'Sales']}
      description={`${title} found on your documents or added by hand, and the rules that fill in their items.`}
      actions={<Button onClick={() => setEditing('new')}>Add {kind}</Button>}
    >
      <TextInput
        aria-label={`Search ${title.toLowerCase()}`}
        placeholder={`Search ${title.toLowerCase()}`}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={320}
      />
      {contacts.isError ? (
        <ErrorAlert error={contacts.error} />
      ) : contacts.data === undefined ? (
        <Loader size="sm" aria-label="Loading" />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={title}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Rules</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {search === ''
                        ? `No ${title.toLowerCase()} yet: they are added as documents are read.`
                        : 'No match.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={600}>{c.name}</Table.Td>
                  <Table.Td>
                    {c.categoryId === null ? <Text c="dimmed">—</Text> : names.get(c.categoryId)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.autoPublish && (
                        <Badge size="sm" variant="light" color="teal">
                          Auto-publish
                        </Badge>
                      )}
                      {c.paid !== null && (
                        <Badge size="sm" variant="light" color="gray">
                          {c.paid ? 'Paid' : 'Unpaid'}
                        </Badge>
                      )}
                      {c.currency !== null && (
                        <Badge size="sm" variant="light" color="gray">
                          {c.currency}
                        </Badge>
                      )}
                      {c.duplicateMode !== null && (
                        <Badge size="sm" variant="light" color="orange">
                          Duplicates: {c.duplicateMode}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(c)}
                      aria-label={`Set rules for ${c.name}`}
                    >
                      Set rules
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing !== null && (
        <RulesModal kind={kind} workspace={workspace} contact={editing} onClose={() => setEditing(null)} />
      )}
    </Page>
  );
}
