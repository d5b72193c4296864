import { Anchor, Badge, Button, Group, Loader, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../app/api';
import { paths, type Workspace } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { useCurrentAccount } from '../accounts/current-account';
import { dateTime, fileSize, statusColor, statusLabel } from '../review/format';
import { useItemStatus } from '../review/review-api';
import { useSubmissions, type Submission } from './capture-api';

const PAGE_SIZE = 25;

type Part = Submission['parts'][number] | Submission;

function stateBadge(s: Part) {
  switch (s.state) {
    case 'rejected':
      return (
        <Badge color="red" variant="light">
          Rejected
        </Badge>
      );
    case 'identical':
      return (
        <Badge color="orange" variant="light">
          Already sent
        </Badge>
      );
    case 'container':
      return (
        <Badge color="gray" variant="light">
          {s.channel === 'email' ? 'Email' : 'ZIP'}
        </Badge>
      );
    case 'split':
      return (
        <Badge color="blue" variant="light">
          Read
        </Badge>
      );
    default:
      return (
        <Badge color="blue" variant="light">
          Received
        </Badge>
      );
  }
}

function Outcome({ part, workspace }: { part: Part; workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const status = useItemStatus(account.id);
  return (
    <Stack gap={4}>
      {part.reason !== null && (
        <Text size="sm" c={part.state === 'rejected' ? 'red.8' : 'dimmed'}>
          {part.reason}
        </Text>
      )}
      {part.items.map((item) => (
        <Group key={item.id} gap="xs" wrap="nowrap">
          <Badge color={statusColor(item.status)} variant="light">
            {statusLabel(item.status)}
          </Badge>
          <Anchor component={Link} to={paths.item(account.id, workspace, item.id)} size="sm">
            {item.contactName ?? 'Item'}
          </Anchor>
          {item.statusReason !== null && (
            <Text size="xs" c="dimmed">
              {item.statusReason}
            </Text>
          )}
          {(item.status === 'deleted' || item.status === 'duplicate') && (
            <Button
              size="compact-xs"
              variant="light"
              loading={status.isPending && status.variables.itemId === item.id}
              onClick={() =>
                status.mutate(
                  { itemId: item.id, action: 'restore' },
                  {
                    onSuccess: () => notifications.show({ color: 'teal', message: 'Restored to the Inbox' }),
                    onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
                  },
                )
              }
            >
              Restore
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function from(s: Submission): string {
  if (s.channel === 'email') return s.emailFrom !== null ? `Email from ${s.emailFrom}` : 'Email';
  return 'Upload';
}

/** Costs or Sales > Submission history: every submission and what became of it. */
export function SubmissionHistorySection({ workspace }: { workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const [page, setPage] = useState(0);
  const history = useSubmissions(account.id, workspace, page, PAGE_SIZE);

  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data === undefined)
    return (
      <Group justify="center" p="xl">
        <Loader size="sm" aria-label="Loading" />
      </Group>
    );
  if (history.data.submissions.length === 0)
    return (
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap={6}>
          <Text fw={600}>Nothing submitted yet</Text>
          <Text size="sm" c="dimmed">
            Every upload and email shows here, with what became of each file.
          </Text>
        </Stack>
      </Paper>
    );

  const pages = Math.max(1, Math.ceil(history.data.total / PAGE_SIZE));
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Submission history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Submitted</Table.Th>
              <Table.Th>File</Table.Th>
              <Table.Th>How</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>What became of it</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.submissions.map((s) => (
              <Fragment key={s.id}>
                <Table.Tr>
                  <Table.Td>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {dateTime(s.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {s.channel === 'email' && s.emailSubject !== null ? s.emailSubject : s.fileName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.kind.toUpperCase()} · {fileSize(s.size)} ·{' '}
                      {s.mode === 'multiple' ? 'one per page' : 'one per file'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{from(s)}</Text>
                  </Table.Td>
                  <Table.Td>{stateBadge(s)}</Table.Td>
                  <Table.Td>
                    <Outcome part={s} workspace={workspace} />
                  </Table.Td>
                </Table.Tr>
                {s.parts.map((p) => (
                  <Table.Tr key={p.id} bg="gray.0">
                    <Table.Td />
                    <Table.Td pl="xl">
                      <Text size="sm">↳ {p.fileName}</Text>
                      <Text size="xs" c="dimmed">
                        {p.kind.toUpperCase()} · {fileSize(p.size)}
                      </Text>
                    </Table.Td>
                    <Table.Td />
                    <Table.Td>{stateBadge(p)}</Table.Td>
                    <Table.Td>
                      <Outcome part={p} workspace={workspace} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
