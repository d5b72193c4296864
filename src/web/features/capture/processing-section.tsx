import { Badge, Group, Loader, Paper, Progress, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import type { Workspace } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { useCurrentAccount } from '../accounts/current-account';
import { dateTime } from '../review/format';
import { useProcessing, type ProcessingEntry } from './capture-api';
import { IconFile } from './icons';

const stepOrder: ProcessingEntry['step'][] = ['received', 'extract', 'rules', 'duplicates'];

function estimate(seconds: number): string {
  if (seconds < 60) return `About ${Math.max(1, seconds)} s left`;
  return `About ${Math.round(seconds / 60)} min left`;
}

/** Costs or Sales > Processing: what is being read, the step it is at and about how long is left. */
export function ProcessingSection({ workspace }: { workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const processing = useProcessing(account.id, workspace);

  if (processing.isError)
    return <ErrorAlert error={processing.error} onRetry={() => void processing.refetch()} />;
  if (processing.data === undefined)
    return (
      <Group justify="center" p="xl">
        <Loader size="sm" aria-label="Loading" />
      </Group>
    );
  if (processing.data.length === 0)
    return (
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap={6}>
          <Text fw={600}>Nothing is being processed</Text>
          <Text size="sm" c="dimmed">
            New documents show here while Docket reads them, then move to the Inbox.
          </Text>
        </Stack>
      </Paper>
    );

  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Documents being processed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Document</Table.Th>
            <Table.Th>Submitted</Table.Th>
            <Table.Th w={280}>Step</Table.Th>
            <Table.Th>Time left</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {processing.data.map((entry) => {
            const stepIndex = stepOrder.indexOf(entry.step);
            return (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <ThemeIcon variant="light" color="gray" radius="md">
                      <IconFile size={16} />
                    </ThemeIcon>
                    <Text size="sm" fw={500}>
                      {entry.fileName}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {dateTime(entry.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {entry.status === 'waiting' ? (
                    <Stack gap={2}>
                      <Badge color="gray" variant="light">
                        Waiting
                      </Badge>
                      {entry.reason !== null && (
                        <Text size="xs" c="dimmed">
                          {entry.reason}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Stack gap={4}>
                      <Text size="sm">{entry.stepLabel}</Text>
                      <Progress
                        value={((stepIndex + 1) / (stepOrder.length + 1)) * 100}
                        size="sm"
                        animated
                        aria-label={`Step ${stepIndex + 1} of ${stepOrder.length}`}
                      />
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {entry.status === 'waiting' ? '—' : estimate(entry.estimateSeconds)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
