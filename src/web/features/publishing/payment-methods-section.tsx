import { Loader, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../ui/error-alert';
import {
  useLedgerLists,
  usePaymentMethodLinks,
  usePaymentMethods,
  useSavePaymentMethodLink,
  type PaymentLink,
  type Software,
} from './publishing-api';

const NONE = '';

const paymentTypes: { value: NonNullable<PaymentLink['paymentType']>; label: string }[] = [
  { value: 'cash', label: 'Cash' },
  { value: 'check', label: 'Check' },
  { value: 'credit_card', label: 'Credit card' },
];

function isPaymentType(value: string): value is NonNullable<PaymentLink['paymentType']> {
  return paymentTypes.some((t) => t.value === value);
}

const autoPublishChoices = [
  { value: 'follow', label: 'Follow the supplier' },
  { value: 'on', label: 'Always auto-publish' },
  { value: 'off', label: 'Never auto-publish' },
];

/**
 * Lists > Payment methods: each payment method linked to a bank or card account of the ledger, so paid
 * items can be published as Spend Money (Xero) or a Cash / Check / Credit card purchase (QuickBooks).
 * Each choice is saved as soon as it is made.
 */
export function PaymentMethodsSection({
  accountId,
  software,
  canManage,
}: {
  accountId: string;
  software: Software | null;
  canManage: boolean;
}) {
  const methods = usePaymentMethods(accountId);
  const links = usePaymentMethodLinks(accountId);
  const lists = useLedgerLists(accountId);
  const save = useSavePaymentMethodLink(accountId);
  const bankAccounts = (lists.data?.entries ?? []).filter((e) => e.kind === 'bank_account');
  const linkOf = (id: string): PaymentLink =>
    links.data?.links.find((l) => l.paymentMethodId === id) ?? {
      bankAccountId: null,
      paymentType: null,
      autoPublish: null,
    };
  const change = (paymentMethodId: string, patch: Partial<PaymentLink>) =>
    save.mutate({ paymentMethodId, ...linkOf(paymentMethodId), ...patch });
  const error = methods.error ?? links.error;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="payment-methods">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="payment-methods">
          Payment methods
        </Title>
        <Text size="sm" c="dimmed">
          Link each payment method to a bank or card account so paid items publish to the right account
          {software === 'quickbooks' ? ' (QuickBooks: as a Cash, Check or Credit card purchase)' : ''}
          {software === 'xero'
            ? ' (Xero: Bank Accounts as Spend Money, and the payment of bills and invoices published as Paid)'
            : ''}
          . A payment method’s auto-publish wins over the supplier’s.
        </Text>
        {(methods.isPending || links.isPending) && <Loader size="sm" aria-label="Loading payment methods" />}
        {error !== null && <ErrorAlert error={error} title="Could not load the payment methods" />}
        {save.error && <ErrorAlert error={save.error} title="Could not save the payment method" />}
        {methods.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No payment methods yet. They are added when items are reviewed (for example a card ending 4242).
          </Text>
        )}
        {methods.data && methods.data.length > 0 && links.data && (
          <Table aria-label="Payment methods">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Payment method</Table.Th>
                <Table.Th>Bank or card account</Table.Th>
                {software === 'quickbooks' && <Table.Th>Payment type</Table.Th>}
                <Table.Th>Auto-publish</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {methods.data.map((method) => {
                const link = linkOf(method.id);
                const name =
                  method.cardLast4 === null ? method.name : `${method.name} (…${method.cardLast4})`;
                return (
                  <Table.Tr key={method.id}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Bank account for ${name}`}
                        disabled={!canManage || save.isPending}
                        value={link.bankAccountId ?? NONE}
                        data={[
                          { value: NONE, label: 'Not linked' },
                          ...bankAccounts.map((b) => ({
                            value: b.ledgerId,
                            label: b.active ? b.name : `${b.name} (archived)`,
                          })),
                        ]}
                        onChange={(e) =>
                          change(method.id, {
                            bankAccountId: e.currentTarget.value === NONE ? null : e.currentTarget.value,
                          })
                        }
                      />
                    </Table.Td>
                    {software === 'quickbooks' && (
                      <Table.Td>
                        <NativeSelect
                          aria-label={`Payment type for ${name}`}
                          disabled={!canManage || save.isPending}
                          value={link.paymentType ?? NONE}
                          data={[{ value: NONE, label: 'From the account (card or cash)' }, ...paymentTypes]}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            change(method.id, { paymentType: isPaymentType(value) ? value : null });
                          }}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Auto-publish for ${name}`}
                        disabled={!canManage || save.isPending}
                        value={link.autoPublish === null ? 'follow' : link.autoPublish ? 'on' : 'off'}
                        data={autoPublishChoices}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          change(method.id, { autoPublish: value === 'follow' ? null : value === 'on' });
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
