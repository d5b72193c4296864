import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { fieldReason, messageOf } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useAccountUsers } from '../accounts/accounts-api';
import { useCurrentAccount } from '../accounts/current-account';
import { partyOf } from './format';
import {
  useCategories,
  useEditItem,
  useListSource,
  usePaymentMethods,
  useTaxRates,
  type ItemDetail,
  type ItemPatch,
  type TrackingPick,
} from './review-api';

interface Draft {
  documentType: string;
  contactName: string;
  date: string;
  dueDate: string;
  reference: string;
  currency: string;
  net: string;
  tax: string;
  total: string;
  categoryId: string;
  taxRateId: string;
  paymentMethodId: string;
  description: string;
  paid: string;
  ownerUserId: string;
  /** Whole-item tracking: list id -> option id. */
  tracking: Record<string, string>;
}

/** The whole item's tracking picks as list id -> option id. */
export function itemTracking(picks: readonly TrackingPick[], line: number | null): Record<string, string> {
  return Object.fromEntries(picks.filter((t) => t.line === line).map((t) => [t.categoryId, t.optionId]));
}

/** The item's picks with one line's (or the whole item's) picks replaced. */
export function withTracking(
  picks: readonly TrackingPick[],
  line: number | null,
  chosen: Record<string, string>,
): { categoryId: string; optionId: string; line: number | null }[] {
  return [
    ...picks.filter((t) => t.line !== line),
    ...Object.entries(chosen)
      .filter(([, optionId]) => optionId !== '')
      .map(([categoryId, optionId]) => ({ categoryId, optionId, line })),
  ];
}

function draftOf(item: ItemDetail): Draft {
  return {
    documentType: item.documentType,
    contactName: item.contact?.name ?? '',
    date: item.date ?? '',
    dueDate: item.dueDate ?? '',
    reference: item.reference ?? '',
    currency: item.currency ?? '',
    net: item.net ?? '',
    tax: item.tax ?? '',
    total: item.total ?? '',
    categoryId: item.categoryId ?? '',
    taxRateId: item.taxRateId ?? '',
    paymentMethodId: item.paymentMethodId ?? '',
    description: item.description ?? '',
    paid: item.paid === null ? '' : item.paid ? 'paid' : 'unpaid',
    ownerUserId: item.ownerUserId ?? '',
    tracking: itemTracking(item.tracking, null),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Only what changed, in the server's shape. */
function patchOf(before: Draft, after: Draft, picks: readonly TrackingPick[]): ItemPatch {
  const patch: ItemPatch = {};
  const changed = (key: keyof Draft) => JSON.stringify(before[key]) !== JSON.stringify(after[key]);
  if (changed('tracking')) patch.tracking = withTracking(picks, null, after.tracking);
  if (changed('documentType') && ['receipt', 'invoice', 'credit_note'].includes(after.documentType))
    patch.documentType = after.documentType as 'receipt' | 'invoice' | 'credit_note';
  if (changed('contactName')) patch.contactName = orNull(after.contactName);
  if (changed('date')) patch.date = orNull(after.date);
  if (changed('dueDate')) patch.dueDate = orNull(after.dueDate);
  if (changed('reference')) patch.reference = orNull(after.reference);
  if (changed('currency')) patch.currency = orNull(after.currency)?.toUpperCase() ?? null;
  if (changed('net')) patch.net = orNull(after.net);
  if (changed('tax')) patch.tax = orNull(after.tax);
  if (changed('total')) patch.total = orNull(after.total);
  if (changed('categoryId')) patch.categoryId = orNull(after.categoryId);
  if (changed('taxRateId')) patch.taxRateId = orNull(after.taxRateId);
  if (changed('paymentMethodId')) patch.paymentMethodId = orNull(after.paymentMethodId);
  if (changed('description')) patch.description = orNull(after.description);
  if (changed('paid')) patch.paid = after.paid === '' ? null : after.paid === 'paid';
  if (changed('ownerUserId')) patch.ownerUserId = orNull(after.ownerUserId);
  return patch;
}

/** How sure extraction was of a field: a small badge, with the figure on hover. */
function Confidence({ value }: { value: number | undefined }) {
  if (value === undefined) return null;
  const percent = Math.round(value * 100);
  const color = value >= 0.9 ? 'teal' : value >= 0.7 ? 'yellow' : 'red';
  const words = value >= 0.9 ? 'High' : value >= 0.7 ? 'Medium' : 'Low';
  return (
    <Tooltip label={`${words} confidence: read with ${percent}% confidence`} withArrow>
      <Badge
        size="xs"
        variant="light"
        color={color}
        radius="sm"
        tabIndex={0}
        aria-label={`Confidence ${percent}%`}
        style={{ cursor: 'default', textTransform: 'none' }}
      >
        {percent}%
      </Badge>
    </Tooltip>
  );
}

function labelWith(label: string, confidence: number | undefined): ReactNode {
  return (
    <Group gap={6} component="span" wrap="nowrap" style={{ display: 'inline-flex' }}>
      <span>{label}</span>
      <Confidence value={confidence} />
    </Group>
  );
}

/** The extracted fields, editable; each extracted one shows its confidence. */
export function ItemFields({ item, readOnly }: { item: ItemDetail; readOnly: boolean }) {
  const { account } = useCurrentAccount();
  const categories = useCategories(account.id);
  const taxRates = useTaxRates(account.id);
  const paymentMethods = usePaymentMethods(account.id);
  const users = useAccountUsers(account.id);
  const source = useListSource(account.id);
  const edit = useEditItem(account.id, item.id);
  const trackingLists = source.data?.tracking ?? [];
  const saved = draftOf(item);
  const [draft, setDraft] = useState<Draft>(saved);
  const [basis, setBasis] = useState(saved);
  // The item changed on the server (a save, a rule): start again from what it says now.
  if (JSON.stringify(basis) !== JSON.stringify(saved)) {
    setBasis(saved);
    setDraft(saved);
  }
  const patch = patchOf(saved, draft, item.tracking);
  const dirty = Object.keys(patch).length > 0;
  const c = item.confidence;
  const party = partyOf(item.workspace);

  const text = (key: Exclude<keyof Draft, 'tracking'>) => ({
    value: draft[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = event.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
    readOnly,
    error: fieldReason(edit.error, key),
  });
  const select = (key: Exclude<keyof Draft, 'tracking'>) => ({
    value: draft[key] === '' ? null : draft[key],
    onChange: (value: string | null) => setDraft((d) => ({ ...d, [key]: value ?? '' })),
    readOnly,
    clearable: !readOnly,
    error: fieldReason(edit.error, key),
  });

  const categoryOptions = (categories.data ?? [])
    .filter((cat) => cat.visible || cat.id === draft.categoryId)
    .map((cat) => ({ value: cat.id, label: cat.code === null ? cat.name : `${cat.name} (${cat.code})` }));
  const taxOptions = (taxRates.data ?? [])
    .filter((t) => t.workspace === item.workspace)
    .map((t) => ({ value: t.id, label: `${t.name} (${t.rate}%)` }));
  const paymentOptions = (paymentMethods.data ?? []).map((p) => ({
    value: p.id,
    label: p.cardLast4 === null ? p.name : `${p.name} ·· ${p.cardLast4}`,
  }));
  const ownerOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  const save = () =>
    edit.mutate(patch, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Changes saved' }),
      onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
    });

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      aria-label="Item fields"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty) save();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Select
            label={labelWith('Type', c.documentType)}
            data={[
              { value: 'receipt', label: 'Receipt' },
              { value: 'invoice', label: 'Invoice' },
              { value: 'credit_note', label: 'Credit note' },
              ...(['receipt', 'invoice', 'credit_note'].includes(draft.documentType)
                ? []
                : [{ value: draft.documentType, label: 'Other' }]),
            ]}
            {...select('documentType')}
            clearable={false}
          />
          <TextInput
            label={labelWith(party, item.workspace === 'costs' ? c.supplierName : c.customerName)}
            {...text('contactName')}
          />
          <TextInput label={labelWith('Date', c.date)} type="date" {...text('date')} />
          <TextInput label={labelWith('Due date', c.dueDate)} type="date" {...text('dueDate')} />
          <TextInput
            label={labelWith(
              item.documentType === 'receipt' ? 'Reference number' : 'Invoice number',
              c.invoiceNumber,
            )}
            {...text('reference')}
          />
          <TextInput label={labelWith('Currency', c.currency)} maxLength={3} {...text('currency')} />
        </SimpleGrid>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={labelWith('Net', c.net)} inputMode="decimal" {...text('net')} />
          <TextInput label={labelWith('Tax', c.tax)} inputMode="decimal" {...text('tax')} />
          <TextInput label={labelWith('Total', c.total)} inputMode="decimal" fw={600} {...text('total')} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Select
            label="Category"
            placeholder={categoryOptions.length === 0 ? 'Add categories in Lists' : 'Choose a category'}
            data={categoryOptions}
            searchable
            nothingFoundMessage="No such category"
            {...select('categoryId')}
          />
          <Select label="Tax rate" placeholder="None" data={taxOptions} {...select('taxRateId')} />
          <Select
            label={labelWith('Payment method', c.cardLast4)}
            placeholder={item.cardLast4 === null ? 'None' : `Card ending ${item.cardLast4}`}
            data={paymentOptions}
            {...select('paymentMethodId')}
          />
          <Select
            label="Paid"
            placeholder="Not set"
            data={[
              { value: 'paid', label: 'Paid' },
              { value: 'unpaid', label: 'Unpaid' },
            ]}
            {...select('paid')}
          />
          <Select label="Owner" placeholder="None" data={ownerOptions} {...select('ownerUserId')} />
          {trackingLists.map((list) => (
            <Select
              key={list.id}
              label={list.name}
              placeholder="None"
              data={list.options.map((o) => ({ value: o.id, label: o.name }))}
              value={draft.tracking[list.id] ?? null}
              onChange={(value) =>
                setDraft((d) => {
                  const { [list.id]: _dropped, ...rest } = d.tracking;
                  return { ...d, tracking: value === null ? rest : { ...rest, [list.id]: value } };
                })
              }
              readOnly={readOnly}
              clearable={!readOnly}
              error={fieldReason(edit.error, 'tracking')}
            />
          ))}
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...text('description')} />
        {edit.isError && <ErrorAlert title="The changes were not saved" error={edit.error} />}
        {!readOnly && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {dirty ? 'Unsaved changes' : 'Every change is kept in the item history.'}
            </Text>
            <Group gap="xs">
              <Button variant="default" disabled={!dirty} onClick={() => setDraft(saved)}>
                Discard
              </Button>
              <Button type="submit" disabled={!dirty} loading={edit.isPending}>
                Save changes
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
