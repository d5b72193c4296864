import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Loader,
  Menu,
  Modal,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '../../app/api';
import { paths, type Workspace } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { useAccountUsers } from '../accounts/accounts-api';
import { useCurrentAccount } from '../accounts/current-account';
import { IconArrowLeft, IconWarning } from '../capture/icons';
import { PublishPanel } from '../publishing/publish-panel';
import { DuplicateCompare } from './duplicate-compare';
import { DocumentViewer } from './document-viewer';
import { dateTime, documentTypeLabel, money, partyOf } from './format';
import { ItemFields, itemTracking, withTracking } from './item-fields';
import { StatusBadge } from './items-section';
import {
  useAddNote,
  useEditItem,
  useItem,
  useItemStatus,
  useListSource,
  useManualStatus,
  useMoveItem,
  useSplit,
  useUnmerge,
  type ItemDetail,
  type ItemEvent,
} from './review-api';

const fieldNames: Record<string, string> = {
  documentType: 'type',
  contactName: 'supplier',
  contactId: 'supplier',
  date: 'date',
  dueDate: 'due date',
  reference: 'reference',
  currency: 'currency',
  net: 'net',
  tax: 'tax',
  total: 'total',
  categoryId: 'category',
  taxRateId: 'tax rate',
  paymentMethodId: 'payment method',
  description: 'description',
  paid: 'paid',
  ownerUserId: 'owner',
  status: 'status',
  workspace: 'workspace',
  tracking: 'tracking',
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'string') return /^[0-9a-f-]{36}$/.test(value) ? 'another value' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'a value';
}

function describeEvent(e: ItemEvent): string {
  if (e.text !== null && e.text !== '') return e.text;
  const field = e.field === null ? 'the item' : (fieldNames[e.field] ?? e.field);
  if (e.kind === 'edit') return `Changed ${field} from ${shown(e.oldValue)} to ${shown(e.newValue)}`;
  if (e.kind === 'status') return `Status changed from ${shown(e.oldValue)} to ${shown(e.newValue)}`;
  if (e.kind === 'move') return `Moved from ${shown(e.oldValue)} to ${shown(e.newValue)}`;
  return `${e.kind.charAt(0).toUpperCase()}${e.kind.slice(1)}: ${field}`;
}

function History({ item, names }: { item: ItemDetail; names: Map<string, string> }) {
  if (item.history.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No change yet.
      </Text>
    );
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label="Item history">
      {[...item.history].reverse().map((e) => (
        <Timeline.Item key={e.id} title={<Text size="sm">{describeEvent(e)}</Text>}>
          <Text size="xs" c="dimmed">
            {e.userId === null ? 'Docket' : (names.get(e.userId) ?? 'A user')} · {dateTime(e.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Notes({ item, names }: { item: ItemDetail; names: Map<string, string> }) {
  const { account } = useCurrentAccount();
  const add = useAddNote(account.id, item.id);
  const [text, setText] = useState('');
  return (
    <Stack gap="sm">
      {item.notes.length === 0 && (
        <Text size="sm" c="dimmed">
          No notes yet.
        </Text>
      )}
      {item.notes.map((n) => (
        <Paper key={n.id} withBorder p="sm" radius="md" bg="gray.0">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {n.text}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {n.userId === null ? 'Docket' : (names.get(n.userId) ?? 'A user')} · {dateTime(n.at)}
          </Text>
        </Paper>
      ))}
      <Textarea
        label="Add a note"
        placeholder="Visible to everyone who can see this item"
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button
          size="xs"
          disabled={text.trim() === ''}
          loading={add.isPending}
          onClick={() =>
            add.mutate(text.trim(), {
              onSuccess: () => setText(''),
              onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
            })
          }
        >
          Add note
        </Button>
      </Group>
    </Stack>
  );
}

interface LineItemShape {
  description?: string | null;
  quantity?: string | null;
  amount?: string | null;
  tax?: string | null;
}

function isLine(value: unknown): value is LineItemShape {
  return typeof value === 'object' && value !== null;
}

function LineItems({ item, editable }: { item: ItemDetail; editable: boolean }) {
  const { account } = useCurrentAccount();
  const source = useListSource(account.id);
  const edit = useEditItem(account.id, item.id);
  const lists = source.data?.tracking ?? [];
  const lines = item.lineItems.flatMap((l, index) => (isLine(l) ? [{ ...l, index }] : []));
  if (lines.length === 0) return null;
  const pick = (line: number, listId: string, optionId: string | null) => {
    const chosen = { ...itemTracking(item.tracking, line), [listId]: optionId ?? '' };
    edit.mutate(
      { tracking: withTracking(item.tracking, line, chosen) },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: 'Tracking saved' }),
        onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
      },
    );
  };
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing={6} aria-label="Line items" fz="sm">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Line item</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            <Table.Th ta="right">Tax</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            {lists.map((list) => (
              <Table.Th key={list.id}>{list.name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.index}>
              <Table.Td>{l.description ?? '—'}</Table.Td>
              <Table.Td ta="right">{l.quantity ?? ''}</Table.Td>
              <Table.Td ta="right">
                {l.tax === null || l.tax === undefined ? '' : money(l.tax, item.currency)}
              </Table.Td>
              <Table.Td ta="right">
                {l.amount === null || l.amount === undefined ? '' : money(l.amount, item.currency)}
              </Table.Td>
              {lists.map((list) => (
                <Table.Td key={list.id} miw={130}>
                  <Select
                    size="xs"
                    aria-label={`${list.name} for line ${l.index + 1}`}
                    placeholder="As the item"
                    data={list.options.map((o) => ({ value: o.id, label: o.name }))}
                    value={itemTracking(item.tracking, l.index)[list.id] ?? null}
                    onChange={(value) => pick(l.index, list.id, value)}
                    readOnly={!editable || edit.isPending}
                    clearable={editable}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ItemView({ item, workspace }: { item: ItemDetail; workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const navigate = useNavigate();
  const users = useAccountUsers(account.id);
  const status = useItemStatus(account.id);
  const manual = useManualStatus(account.id);
  const source = useListSource(account.id);
  const noLedger = source.data !== undefined && source.data.ledger === null;
  const move = useMoveItem(account.id, item.id);
  const split = useSplit(account.id);
  const unmerge = useUnmerge(account.id);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [comparing, setComparing] = useState(false);
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const name = item.contact?.name ?? `Unknown ${partyOf(item.workspace).toLowerCase()}`;
  useDocumentTitle(`${name} · ${item.workspace === 'costs' ? 'Costs' : 'Sales'} · Docket`);

  const inInbox = item.status === 'to_review' || item.status === 'ready';
  const back =
    item.status === 'archived'
      ? { label: 'Archive', to: paths.workspace(account.id, workspace, 'archive') }
      : inInbox
        ? { label: 'Inbox', to: paths.workspace(account.id, workspace, 'inbox') }
        : { label: 'Submission history', to: paths.workspace(account.id, workspace, 'submission-history') };
  const other: Workspace = item.workspace === 'costs' ? 'sales' : 'costs';
  const isMergeResult = item.history.some((e) => e.kind === 'merge' && Array.isArray(e.newValue));
  const fail = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error) });
  const changeStatus = (action: 'archive' | 'unarchive' | 'delete' | 'restore', done: string) =>
    status.mutate(
      { itemId: item.id, action },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: done });
          if (action === 'delete') void navigate(paths.workspace(account.id, workspace, 'inbox'));
        },
        onError: fail,
      },
    );

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Box>
          <Anchor component={Link} to={back.to} size="sm" c="dimmed">
            <Group gap={4} component="span" style={{ display: 'inline-flex' }}>
              <IconArrowLeft size={14} />
              {item.workspace === 'costs' ? 'Costs' : 'Sales'} › {back.label}
            </Group>
          </Anchor>
          <Group gap="sm" mt={4} align="center">
            <Title order={1} fz={26} fw={650} c="dark.8">
              {name}
            </Title>
            <StatusBadge item={item} />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {documentTypeLabel(item.documentType)} · {money(item.total, item.currency)} · received{' '}
            {dateTime(item.createdAt)}
          </Text>
        </Box>
        <Group gap="xs">
          {inInbox && noLedger && (
            <Button
              variant="default"
              loading={manual.isPending}
              onClick={() => {
                const next = item.status === 'ready' ? 'to_review' : 'ready';
                manual.mutate(
                  { itemId: item.id, status: next },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: 'teal',
                        message: next === 'ready' ? 'Moved to Ready' : 'Moved to To review',
                      }),
                    onError: fail,
                  },
                );
              }}
            >
              {item.status === 'ready' ? 'Move to review' : 'Move to Ready'}
            </Button>
          )}
          {inInbox && (
            <Button
              variant="default"
              onClick={() => changeStatus('archive', 'Archived')}
              loading={status.isPending && status.variables.action === 'archive'}
            >
              Archive
            </Button>
          )}
          {item.status === 'archived' && (
            <Button variant="default" onClick={() => changeStatus('unarchive', 'Back in the Inbox')}>
              Unarchive
            </Button>
          )}
          {(item.status === 'deleted' || item.status === 'duplicate') && (
            <Button onClick={() => changeStatus('restore', 'Restored to the Inbox')}>Restore</Button>
          )}
          {(inInbox || item.status === 'archived') && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">Move to</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  onClick={() =>
                    move.mutate(other, {
                      onSuccess: () => {
                        notifications.show({
                          color: 'teal',
                          message: `Moved to ${other === 'costs' ? 'Costs' : 'Sales'}`,
                        });
                        void navigate(paths.item(account.id, other, item.id), { replace: true });
                      },
                      onError: fail,
                    })
                  }
                >
                  {other === 'costs' ? 'Costs' : 'Sales'}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
          {inInbox && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">More</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  onClick={() =>
                    split.mutate(item.id, {
                      onSuccess: (r) =>
                        notifications.show({
                          color: 'teal',
                          autoClose: 8_000,
                          message: (
                            <Text size="sm">
                              Split into two items.{' '}
                              <Anchor
                                component="button"
                                type="button"
                                size="sm"
                                onClick={() => void navigate(paths.item(account.id, workspace, r.created.id))}
                              >
                                Open the new item
                              </Anchor>
                            </Text>
                          ),
                        }),
                      onError: fail,
                    })
                  }
                >
                  Split
                </Menu.Item>
                {isMergeResult && (
                  <Menu.Item
                    onClick={() =>
                      unmerge.mutate(item.id, {
                        onSuccess: () => {
                          notifications.show({ color: 'teal', message: 'Merge undone' });
                          void navigate(paths.workspace(account.id, workspace, 'inbox'));
                        },
                        onError: fail,
                      })
                    }
                  >
                    Undo merge
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => setConfirmDelete(true)}>
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>

      {item.duplicateOfItemId !== null && inInbox && (
        <Alert color="orange" variant="light" icon={<IconWarning />} title="Suspected duplicate">
          <Group justify="space-between">
            <Text size="sm">
              This looks like the same purchase as another item. Compare them side by side.
            </Text>
            <Button size="xs" color="orange" onClick={() => setComparing(true)}>
              Compare
            </Button>
          </Group>
        </Alert>
      )}
      {item.mergedIntoItemId !== null && (
        <Alert color="violet" variant="light" title="Merged">
          This item was merged into{' '}
          <Anchor component={Link} to={paths.item(account.id, workspace, item.mergedIntoItemId)}>
            another item
          </Anchor>
          .
        </Alert>
      )}
      {item.splitFromItemId !== null && (
        <Text size="sm" c="dimmed">
          Split from{' '}
          <Anchor component={Link} to={paths.item(account.id, workspace, item.splitFromItemId)}>
            the original item
          </Anchor>
          . Delete this item to undo the split.
        </Text>
      )}
      {item.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Read with warnings">
          {item.warnings.join(' ')}
        </Alert>
      )}

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="md" p="sm" bg="gray.1" style={{ position: 'sticky', top: 76 }}>
            <ScrollArea.Autosize mah="calc(100vh - 120px)" type="auto" offsetScrollbars>
              <DocumentViewer documents={item.documents} />
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            {/* Publishing (features/publishing): Publish, Ready (yellow), Open in Xero, clear publishing data. */}
            <PublishPanel accountId={account.id} itemId={item.id} status={item.status} />
            <ItemFields key={item.id} item={item} readOnly={!inInbox} />
            <LineItems item={item} editable={inInbox} />
            <Paper withBorder radius="md" p="md">
              <Tabs defaultValue="history">
                <Tabs.List mb="md">
                  <Tabs.Tab value="history">History</Tabs.Tab>
                  <Tabs.Tab
                    value="notes"
                    rightSection={
                      item.notes.length > 0 ? (
                        <Badge size="xs" variant="light" circle>
                          {item.notes.length}
                        </Badge>
                      ) : null
                    }
                  >
                    Notes
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="history">
                  <History item={item} names={names} />
                </Tabs.Panel>
                <Tabs.Panel value="notes">
                  <Notes item={item} names={names} />
                </Tabs.Panel>
              </Tabs>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title="Delete this item?">
        <Stack>
          <Text size="sm">It goes to Submission history, where it can be restored.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => changeStatus('delete', 'Deleted: restore it from Submission history')}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
      {item.duplicateOfItemId !== null && (
        <DuplicateCompare
          opened={comparing}
          onClose={() => setComparing(false)}
          item={item}
          originalId={item.duplicateOfItemId}
        />
      )}
    </Stack>
  );
}

/** Costs or Sales > an item: the document beside its fields, history and notes. */
export function ItemPage({ workspace }: { workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const { itemId = '' } = useParams();
  const item = useItem(account.id, itemId);
  if (item.isError) return <ErrorAlert title="This item could not be opened" error={item.error} />;
  if (item.data === undefined)
    return (
      <Group justify="center" p="xl">
        <Loader size="sm" aria-label="Loading" />
      </Group>
    );
  return <ItemView item={item.data} workspace={workspace} />;
}
