import {
  ActionIcon,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldReason, messageOf } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { useEmailAddresses, useUpdateEmailAddress, type EmailAddressRow } from './capture-api';
import { IconCopy } from './icons';

function AddressRow({ address }: { address: EmailAddressRow }) {
  const { account } = useCurrentAccount();
  const update = useUpdateEmailAddress(account.id);
  const [editing, setEditing] = useState(false);
  const [localPart, setLocalPart] = useState(address.localPart);
  const domain = address.address.slice(address.address.indexOf('@'));
  const label = `${address.workspace === 'costs' ? 'Costs' : 'Sales'}, ${address.mode === 'single' ? 'single' : 'multiple'}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6}>
          <Badge variant="light" color={address.workspace === 'costs' ? 'docket' : 'teal'}>
            {address.workspace === 'costs' ? 'Costs' : 'Sales'}
          </Badge>
          <Text size="sm" c="dimmed">
            {address.mode === 'single' ? 'One document per file' : 'One document per page'}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        {editing ? (
          <form
            aria-label={`Change the ${label} address`}
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate(
                { id: address.id, localPart: localPart.trim().toLowerCase() },
                {
                  onSuccess: () => {
                    setEditing(false);
                    notifications.show({ color: 'teal', message: 'Address changed' });
                  },
                },
              );
            }}
          >
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label="Part before @"
                value={localPart}
                onChange={(e) => setLocalPart(e.currentTarget.value)}
                rightSection={
                  <Text size="xs" c="dimmed" pr="xs">
                    {domain}
                  </Text>
                }
                rightSectionWidth={domain.length * 7 + 16}
                error={
                  fieldReason(update.error, 'localPart') ??
                  (update.isError ? messageOf(update.error) : undefined)
                }
                w={420}
              />
              <Button type="submit" size="sm" loading={update.isPending}>
                Save
              </Button>
              <Button
                variant="default"
                size="sm"
                onClick={() => {
                  setEditing(false);
                  setLocalPart(address.localPart);
                  update.reset();
                }}
              >
                Cancel
              </Button>
            </Group>
          </form>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Code fz="sm">{address.address}</Code>
            <CopyButton value={address.address}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={copy}
                    aria-label={`Copy ${address.address}`}
                  >
                    <IconCopy size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {!editing && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setEditing(true)}
            aria-label={`Change ${address.address}`}
          >
            Change
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AddressTable({ title, hint, rows }: { title: string; hint: string; rows: EmailAddressRow[] }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <Table verticalSpacing="sm" aria-label={title}>
          <Table.Tbody>
            {rows.map((a) => (
              <AddressRow key={a.id} address={a} />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

const order = (a: EmailAddressRow, b: EmailAddressRow) =>
  a.workspace.localeCompare(b.workspace) || b.mode.localeCompare(a.mode);

/** User settings > Extract by Email: the person's own addresses (they become document owner) and the account's. */
export function ExtractByEmailPage() {
  const { account } = useCurrentAccount();
  const addresses = useEmailAddresses(account.id);
  return (
    <Page
      title="Extract by Email"
      path={['User settings']}
      description="Email receipts and invoices to these addresses: attachments (or the email itself when there is none) become documents. Links in emails are not followed."
    >
      {addresses.isError ? (
        <ErrorAlert error={addresses.error} onRetry={() => void addresses.refetch()} />
      ) : addresses.data === undefined ? (
        <Loader size="sm" aria-label="Loading" />
      ) : (
        <Stack>
          <AddressTable
            title="Your addresses"
            hint="Documents sent here are yours: you are their document owner."
            rows={addresses.data.filter((a) => a.userId !== null).sort(order)}
          />
          <AddressTable
            title={`${account.name} addresses`}
            hint="Documents sent here have no owner; people who can see all documents see them."
            rows={addresses.data.filter((a) => a.userId === null).sort(order)}
          />
        </Stack>
      )}
    </Page>
  );
}
