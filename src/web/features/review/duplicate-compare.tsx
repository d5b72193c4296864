import {
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { messageOf } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useCurrentAccount } from '../accounts/current-account';
import { DocumentViewer } from './document-viewer';
import { day, documentTypeLabel, money, partyOf, statusLabel } from './format';
import { useItem, useResolveDuplicate, type ItemDetail } from './review-api';

function Side({ title, item }: { title: string; item: ItemDetail }) {
  const rows: [string, string][] = [
    [partyOf(item.workspace), item.contact?.name ?? '—'],
    ['Type', documentTypeLabel(item.documentType)],
    ['Date', day(item.date)],
    ['Reference', item.reference ?? '—'],
    ['Total', money(item.total, item.currency)],
    ['Status', statusLabel(item.status)],
  ];
  return (
    <Stack gap="sm" role="region" aria-label={title}>
      <Title order={3} fz="md">
        {title}
      </Title>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={120} fw={500} c="dimmed">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder radius="md" p="sm" bg="gray.1">
        <ScrollArea.Autosize mah="calc(100vh - 380px)" type="auto">
          <DocumentViewer documents={item.documents} />
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  );
}

/** A suspected duplicate beside the item it matches: same purchase, or a different one. */
export function DuplicateCompare({
  opened,
  onClose,
  item,
  originalId,
}: {
  opened: boolean;
  onClose: () => void;
  item: ItemDetail;
  originalId: string;
}) {
  const { account } = useCurrentAccount();
  const original = useItem(account.id, originalId);
  const resolve = useResolveDuplicate(account.id, item.id);
  const decide = (decision: 'same' | 'different') =>
    resolve.mutate(decision, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message:
            decision === 'same'
              ? 'Same purchase: the duplicate was removed (restorable from Submission history)'
              : 'Different purchase: both items stay',
        });
        onClose();
      },
      onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
    });

  return (
    <Modal opened={opened} onClose={onClose} title="Compare suspected duplicate" size="90%">
      <Stack gap="md">
        <Group justify="space-between">
          <Text size="sm">Docket thinks these are the same purchase. Are they?</Text>
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => decide('different')}
              loading={resolve.isPending && resolve.variables === 'different'}
            >
              No, it&apos;s a different purchase
            </Button>
            <Button
              color="orange"
              onClick={() => decide('same')}
              loading={resolve.isPending && resolve.variables === 'same'}
            >
              Yes, it&apos;s the same purchase
            </Button>
          </Group>
        </Group>
        {original.isError ? (
          <ErrorAlert error={original.error} />
        ) : original.data === undefined ? (
          <Group justify="center" p="xl">
            <Loader size="sm" aria-label="Loading" />
          </Group>
        ) : (
          <Grid gap="lg">
            <Grid.Col span={6}>
              <Side title="This item" item={item} />
            </Grid.Col>
            <Grid.Col span={6}>
              <Side title="Matching item" item={original.data} />
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Modal>
  );
}
