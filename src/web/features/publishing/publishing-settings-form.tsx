import {
  Button,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { ErrorAlert } from '../../ui/error-alert';
import {
  useCategories,
  useLedgerLists,
  usePublishingSettings,
  useSavePublishingSettings,
  useSuppliers,
  type PublishingSettings,
  type Software,
} from './publishing-api';

type Costs = PublishingSettings['costs'];
type Choice<T extends string> = { value: T; label: string };

function pick<T extends string>(choices: readonly Choice<T>[], value: string): T | undefined {
  return choices.find((c) => c.value === value)?.value;
}

const destinations: Choice<Costs['destination']>[] = [
  { value: 'purchases', label: 'Purchases (bills)' },
  { value: 'bank', label: 'Bank Accounts (Spend Money)' },
];

const costStatuses: Choice<Costs['status']>[] = [
  { value: 'draft', label: 'Draft' },
  { value: 'awaiting_approval', label: 'Awaiting Approval' },
  { value: 'awaiting_payment', label: 'Awaiting Payment' },
  { value: 'paid', label: 'Paid (where possible)' },
];
const salesStatuses: Choice<PublishingSettings['sales']['status']>[] = costStatuses;
const NO_PRODUCT = '';
const taxPolicies: Choice<PublishingSettings['taxPolicy']>[] = [
  { value: 'extracted', label: 'Send the tax read from the document' },
  { value: 'ledger', label: 'Let the accounting software calculate the tax' },
  { value: 'extracted_with_exceptions', label: 'Send the tax read, except for some categories' },
];
const lineModes: Choice<PublishingSettings['lineMode']>[] = [
  { value: 'summary', label: 'One summary line' },
  { value: 'lines', label: 'Line items' },
];
const autoPublishModes: Choice<PublishingSettings['autoPublish']>[] = [
  { value: 'off', label: 'Off: publish by hand' },
  { value: 'rules', label: 'By supplier and payment method (their Auto-publish setting)' },
  { value: 'all', label: 'Every Ready item, except some suppliers' },
];

function SettingsForm({
  accountId,
  initial,
  software,
  canManage,
}: {
  accountId: string;
  initial: PublishingSettings;
  software: Software | null;
  canManage: boolean;
}) {
  const [form, setForm] = useState<PublishingSettings>(initial);
  const save = useSavePublishingSettings(accountId);
  const categories = useCategories(accountId);
  const suppliers = useSuppliers(accountId);
  const lists = useLedgerLists(accountId, software === 'quickbooks');
  const products = (lists.data?.entries ?? []).filter((e) => e.kind === 'item');
  const paidChosen = form.costs.status === 'paid' || form.sales.status === 'paid';
  const update = (patch: Partial<PublishingSettings>) => setForm((f) => ({ ...f, ...patch }));

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(form, {
      onSuccess: (saved) => {
        setForm(saved);
        notifications.show({ color: 'teal', message: 'Publishing settings saved.' });
      },
    });
  }

  return (
    <form onSubmit={submit} aria-label="Publishing settings" noValidate>
      <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          {software === 'quickbooks' ? (
            <Stack gap="xs">
              <Text size="sm">
                QuickBooks Online: costs are published as a Bill, or as a Cash, Check or Credit card purchase
                when the item is paid with a payment method linked to a bank or card account (Payment methods
                below). Sales are published as invoices: each line posts through a product or service, the
                line’s own, else the one product that posts to the line’s category, else the default below.
              </Text>
              <NativeSelect
                label="Sales: default product or service"
                description="Sales items without a product or service wait in To review until one is chosen here."
                value={form.sales.defaultItemId ?? NO_PRODUCT}
                data={[
                  { value: NO_PRODUCT, label: 'None' },
                  ...products.map((p) => ({
                    value: p.ledgerId,
                    label: p.active ? p.name : `${p.name} (inactive)`,
                  })),
                ]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  update({ sales: { ...form.sales, defaultItemId: value === NO_PRODUCT ? null : value } });
                }}
              />
            </Stack>
          ) : (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label="Costs: publish to"
                  value={form.costs.destination}
                  data={destinations}
                  onChange={(e) => {
                    const destination = pick(destinations, e.currentTarget.value);
                    if (destination) update({ costs: { ...form.costs, destination } });
                  }}
                />
                <NativeSelect
                  label="Costs: status"
                  value={form.costs.status}
                  data={costStatuses}
                  disabled={form.costs.destination === 'bank'}
                  onChange={(e) => {
                    const status = pick(costStatuses, e.currentTarget.value);
                    if (status) update({ costs: { ...form.costs, status } });
                  }}
                />
                <NativeSelect
                  label="Sales invoices: status"
                  value={form.sales.status}
                  data={salesStatuses}
                  onChange={(e) => {
                    const status = pick(salesStatuses, e.currentTarget.value);
                    if (status) update({ sales: { ...form.sales, status } });
                  }}
                />
              </SimpleGrid>
              {paidChosen && (
                <Text size="sm" c="dimmed">
                  Paid (where possible): the bill or invoice is approved and its payment is recorded from the
                  Xero bank account linked to the item’s payment method (Payment methods below). Without a
                  linked bank account it is published as Awaiting Payment, and the item says so.
                </Text>
              )}
            </Stack>
          )}
          <Radio.Group
            label="Tax"
            value={form.taxPolicy}
            onChange={(value) => {
              const taxPolicy = pick(taxPolicies, value);
              if (taxPolicy) update({ taxPolicy });
            }}
          >
            <Stack gap={6} mt={6}>
              {taxPolicies.map((p) => (
                <Radio key={p.value} value={p.value} label={p.label} />
              ))}
            </Stack>
          </Radio.Group>
          {form.taxPolicy === 'extracted_with_exceptions' && (
            <MultiSelect
              label="The accounting software calculates the tax for these categories"
              searchable
              data={(categories.data ?? []).map((c) => ({
                value: c.id,
                label: c.code ? `${c.code} ${c.name}` : c.name,
              }))}
              value={form.taxExceptionCategoryIds}
              onChange={(taxExceptionCategoryIds) => update({ taxExceptionCategoryIds })}
            />
          )}
          <Radio.Group
            label="Lines"
            value={form.lineMode}
            onChange={(value) => {
              const lineMode = pick(lineModes, value);
              if (lineMode) update({ lineMode });
            }}
          >
            <Group gap="lg" mt={6}>
              {lineModes.map((m) => (
                <Radio key={m.value} value={m.value} label={m.label} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label="Auto-publish"
            description="Items publish as soon as they are Ready. A payment method’s setting wins over the supplier’s."
            value={form.autoPublish}
            onChange={(value) => {
              const autoPublish = pick(autoPublishModes, value);
              if (autoPublish) update({ autoPublish });
            }}
          >
            <Stack gap={6} mt={6}>
              {autoPublishModes.map((m) => (
                <Radio key={m.value} value={m.value} label={m.label} />
              ))}
            </Stack>
          </Radio.Group>
          {form.autoPublish === 'all' && (
            <MultiSelect
              label="Except these suppliers"
              searchable
              data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={form.autoPublishExceptContactIds}
              onChange={(autoPublishExceptContactIds) => update({ autoPublishExceptContactIds })}
            />
          )}
          {save.error && <ErrorAlert error={save.error} title="Could not save the publishing settings" />}
          {canManage ? (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save publishing settings
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Only an Admin can change the publishing settings.
            </Text>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

/** Where and how items are published: destinations and statuses, tax, lines, auto-publish. */
export function PublishingSettingsSection({
  accountId,
  software,
  canManage,
}: {
  accountId: string;
  software: Software | null;
  canManage: boolean;
}) {
  const settings = usePublishingSettings(accountId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="publishing-settings">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="publishing-settings">
          Publishing settings
        </Title>
        {settings.isPending && <Loader size="sm" aria-label="Loading publishing settings" />}
        {settings.isError && (
          <ErrorAlert
            error={settings.error}
            title="Could not load the publishing settings"
            onRetry={() => void settings.refetch()}
          />
        )}
        {settings.data && (
          <SettingsForm
            accountId={accountId}
            initial={settings.data}
            software={software}
            canManage={canManage}
          />
        )}
      </Stack>
    </Paper>
  );
}
