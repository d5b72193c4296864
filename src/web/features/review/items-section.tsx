import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Menu,
  Modal,
  Pagination,
  Paper,
  Popover,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../../app/api';
import { paths, type Workspace } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { useAccountUsers } from '../accounts/accounts-api';
import { useCurrentAccount } from '../accounts/current-account';
import { IconDownload, IconFilter, IconSearch, IconWarning } from '../capture/icons';
import { useExportCsv } from '../publishing/publishing-api';
import { day, documentTypeLabel, money, partyOf, statusColor, statusLabel } from './format';
import {
  itemsCsvUrl,
  useBulkAction,
  useCategories,
  useItems,
  useListSource,
  useMerge,
  useUnmerge,
  type ItemFilters,
  type ItemSummary,
} from './review-api';

const PAGE_SIZE = 25;
type SortKey = 'created' | 'date' | 'total' | 'supplier';
type Tab = 'to_review' | 'ready';

interface Filters {
  supplier: string;
  dateFrom: string;
  dateTo: string;
  amountMin: string;
  amountMax: string;
  ownerUserId: string;
  duplicates: boolean;
}

const noFilters: Filters = {
  supplier: '',
  dateFrom: '',
  dateTo: '',
  amountMin: '',
  amountMax: '',
  ownerUserId: '',
  duplicates: false,
};

/** The status badge; a To review badge tells why on hover (and to screen readers through its label). */
export function StatusBadge({
  item,
}: {
  item: Pick<ItemSummary, 'status' | 'reviewReasons' | 'statusReason'>;
}) {
  const badge = (
    <Badge color={statusColor(item.status)} variant="light" tabIndex={0} style={{ cursor: 'default' }}>
      {statusLabel(item.status)}
    </Badge>
  );
  const reasons = item.reviewReasons.map((r) => r.text);
  if (item.statusReason !== null) reasons.push(item.statusReason);
  if (reasons.length === 0) return badge;
  return (
    <Tooltip
      label={
        <Stack gap={2}>
          {reasons.map((r) => (
            <Text key={r} size="xs">
              {r}
            </Text>
          ))}
        </Stack>
      }
      withArrow
      multiline
      w={240}
    >
      {badge}
    </Tooltip>
  );
}

function SortHeader({
  label,
  sortKey,
  sort,
  order,
  onSort,
  align,
}: {
  label: string;
  sortKey: SortKey;
  sort: SortKey;
  order: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
  align?: 'right';
}) {
  const active = sort === sortKey;
  return (
    <Table.Th
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={align === 'right' ? { textAlign: 'right' } : undefined}
    >
      <UnstyledButton onClick={() => onSort(sortKey)} fw={600} fz="sm">
        {label} {active ? (order === 'asc' ? '↑' : '↓') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

function FiltersPopover({
  value,
  onChange,
  workspace,
  owners,
}: {
  value: Filters;
  onChange: (next: Filters) => void;
  workspace: Workspace;
  owners: { value: string; label: string }[];
}) {
  const [draft, setDraft] = useState(value);
  const [opened, setOpened] = useState(false);
  const count = Object.entries(value).filter(([, v]) => v !== '' && v !== false).length;
  const set = (key: keyof Filters) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setDraft((d) => ({ ...d, [key]: event.currentTarget.value }));
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      trapFocus
      onOpen={() => setDraft(value)}
    >
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconFilter size={16} />}
          onClick={() => {
            setDraft(value);
            setOpened((o) => !o);
          }}
        >
          Filters{count > 0 ? ` (${count})` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <TextInput
            label={partyOf(workspace)}
            placeholder="Starts with…"
            value={draft.supplier}
            onChange={set('supplier')}
          />
          <Group grow>
            <TextInput label="Date from" type="date" value={draft.dateFrom} onChange={set('dateFrom')} />
            <TextInput label="Date to" type="date" value={draft.dateTo} onChange={set('dateTo')} />
          </Group>
          <Group grow>
            <TextInput
              label="Total from"
              inputMode="decimal"
              value={draft.amountMin}
              onChange={set('amountMin')}
            />
            <TextInput
              label="Total to"
              inputMode="decimal"
              value={draft.amountMax}
              onChange={set('amountMax')}
            />
          </Group>
          <Select
            label="Owner"
            data={owners}
            value={draft.ownerUserId === '' ? null : draft.ownerUserId}
            onChange={(v) => setDraft((d) => ({ ...d, ownerUserId: v ?? '' }))}
            clearable
            placeholder="Anyone"
          />
          <Checkbox
            label="Suspected duplicates only"
            checked={draft.duplicates}
            onChange={(e) => setDraft((d) => ({ ...d, duplicates: e.currentTarget.checked }))}
          />
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                onChange(noFilters);
                setOpened(false);
              }}
            >
              Clear
            </Button>
            <Button
              onClick={() => {
                onChange(draft);
                setOpened(false);
              }}
            >
              Apply filters
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function MergeDialog({
  warnings,
  onConfirm,
  onCancel,
  pending,
}: {
  warnings: string[] | null;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
}) {
  return (
    <Modal opened={warnings !== null} onClose={onCancel} title="Merge these items?">
      <Stack>
        <Text size="sm">These items differ. Merge them anyway? All pages are kept in the merged item.</Text>
        <List size="sm" icon={<IconWarning size={16} />} spacing={4}>
          {(warnings ?? []).map((w) => (
            <List.Item key={w}>{w}</List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={onConfirm} loading={pending}>
            Merge anyway
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface ItemsSectionProps {
  workspace: Workspace;
  view: 'inbox' | 'archive';
  /** Shown above the table when the list is empty and nothing is filtered. */
  emptyHint?: ReactNode;
}

/** Inbox (To review / Ready) or Archive: search, filters, sorting, paging, bulk actions and CSV export. */
export function ItemsSection({ workspace, view, emptyHint }: ItemsSectionProps) {
  const { account } = useCurrentAccount();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const tab: Tab = params.get('tab') === 'ready' ? 'ready' : 'to_review';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [sort, setSort] = useState<SortKey>('created');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [mergeWarnings, setMergeWarnings] = useState<string[] | null>(null);

  const users = useAccountUsers(account.id);
  const categories = useCategories(account.id);
  const bulk = useBulkAction(account.id);
  const merge = useMerge(account.id);
  const unmerge = useUnmerge(account.id);
  const source = useListSource(account.id);
  const exportCsv = useExportCsv(account.id);
  // Without accounting software, a person decides Ready and exports Ready items to CSV.
  const noLedger = source.data !== undefined && source.data.ledger === null;

  const common: ItemFilters = {
    workspace,
    view,
    q: q === '' ? undefined : q,
    supplier: filters.supplier.trim() || undefined,
    dateFrom: filters.dateFrom || undefined,
    dateTo: filters.dateTo || undefined,
    amountMin: filters.amountMin.trim() || undefined,
    amountMax: filters.amountMax.trim() || undefined,
    ownerUserId: filters.ownerUserId || undefined,
    duplicates: filters.duplicates ? 'true' : undefined,
  };
  const query: ItemFilters = {
    ...common,
    tab: view === 'inbox' ? tab : undefined,
    sort,
    order,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  };
  const poll = view === 'inbox' ? 3_000 : false;
  const list = useItems(account.id, query, poll);
  const toReviewCount = useItems(account.id, { ...common, tab: 'to_review', limit: 1 }, poll);
  const readyCount = useItems(account.id, { ...common, tab: 'ready', limit: 1 }, poll);

  const userNames = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);
  const categoryNames = useMemo(
    () => new Map((categories.data ?? []).map((c) => [c.id, c.name])),
    [categories.data],
  );
  const owners = (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const visibleCategories = (categories.data ?? []).filter((c) => c.visible);

  const onSort = (key: SortKey) => {
    if (key === sort) setOrder((o) => (o === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(key);
      setOrder(key === 'supplier' ? 'asc' : 'desc');
    }
    setPage(0);
  };
  const changeTab = (next: string | null) => {
    const nextParams = new URLSearchParams(params);
    nextParams.set('tab', next === 'ready' ? 'ready' : 'to_review');
    setParams(nextParams, { replace: true });
    setPage(0);
    setSelected([]);
  };

  const rows = list.data?.items ?? [];
  const allOnPage = rows.length > 0 && rows.every((r) => selected.includes(r.id));

  const runBulk = (
    body: { action: 'archive' | 'delete' | 'set_category' | 'set_owner' | 'ready' | 'to_review' } & {
      categoryId?: string | null;
      ownerUserId?: string | null;
    },
    done: string,
  ) => {
    bulk.mutate(
      { ids: selected, ...body },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'teal',
            message: `${done}: ${r.updated} item${r.updated === 1 ? '' : 's'}`,
          });
          setSelected([]);
        },
        onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
      },
    );
  };

  const runMerge = (confirm: boolean) => {
    merge.mutate(
      { ids: selected, confirm },
      {
        onSuccess: (result) => {
          if (result.item === null) {
            setMergeWarnings(result.warnings);
            return;
          }
          const merged = result.item;
          setMergeWarnings(null);
          setSelected([]);
          const id = `merge-${merged.id}`;
          notifications.show({
            id,
            color: 'teal',
            autoClose: 10_000,
            message: (
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">Items merged</Text>
                <Group gap="xs">
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => {
                      notifications.hide(id);
                      void navigate(paths.item(account.id, workspace, merged.id));
                    }}
                  >
                    Open
                  </Anchor>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() =>
                      unmerge.mutate(merged.id, {
                        onSuccess: () => {
                          notifications.hide(id);
                          notifications.show({ color: 'teal', message: 'Merge undone' });
                        },
                        onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
                      })
                    }
                  >
                    Undo
                  </Button>
                </Group>
              </Group>
            ),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
      },
    );
  };

  const filtered = q !== '' || Object.entries(filters).some(([, v]) => v !== '' && v !== false);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const count = (n: number | undefined, lowerBound: boolean | undefined) =>
    n === undefined ? '' : `${n.toLocaleString()}${lowerBound === true ? '+' : ''}`;

  return (
    <Stack gap="md">
      {view === 'inbox' && (
        <Tabs value={tab} onChange={changeTab} variant="default">
          <Tabs.List>
            <Tabs.Tab
              value="to_review"
              rightSection={
                <Badge size="sm" variant="light" color="orange" circle={false}>
                  {count(toReviewCount.data?.total, toReviewCount.data?.totalIsLowerBound)}
                </Badge>
              }
            >
              To review
            </Tabs.Tab>
            <Tabs.Tab
              value="ready"
              rightSection={
                <Badge size="sm" variant="light" color="teal">
                  {count(readyCount.data?.total, readyCount.data?.totalIsLowerBound)}
                </Badge>
              }
            >
              Ready
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}

      <Group justify="space-between" wrap="wrap" gap="sm">
        <TextInput
          aria-label="Search"
          placeholder={`Search ${partyOf(workspace).toLowerCase()}s, references and document text`}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(0);
          }}
          w={380}
        />
        <Group gap="xs">
          <FiltersPopover
            value={filters}
            onChange={(f) => {
              setFilters(f);
              setPage(0);
            }}
            workspace={workspace}
            owners={owners}
          />
          <Button
            component="a"
            href={itemsCsvUrl(account.id, {
              ...common,
              tab: view === 'inbox' ? tab : undefined,
              sort,
              order,
            })}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        </Group>
      </Group>

      {selected.length > 0 && (
        <Paper
          withBorder
          radius="md"
          px="md"
          py="xs"
          bg="docket.0"
          role="toolbar"
          aria-label="Selected items"
        >
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {selected.length} selected
            </Text>
            <Group gap="xs">
              {view === 'inbox' && noLedger && tab === 'to_review' && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => runBulk({ action: 'ready' }, 'Moved to Ready')}
                  loading={bulk.isPending && bulk.variables.action === 'ready'}
                >
                  Move to Ready
                </Button>
              )}
              {view === 'inbox' && noLedger && tab === 'ready' && (
                <>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => runBulk({ action: 'to_review' }, 'Moved to To review')}
                    loading={bulk.isPending && bulk.variables.action === 'to_review'}
                  >
                    Move to review
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconDownload size={14} />}
                    loading={exportCsv.isPending}
                    onClick={() =>
                      exportCsv.mutate(
                        { itemIds: selected, archive: true },
                        {
                          onSuccess: (r) => {
                            notifications.show({
                              color: 'teal',
                              message: `Exported to CSV and archived: ${r.exported} item${r.exported === 1 ? '' : 's'}`,
                            });
                            setSelected([]);
                          },
                          onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
                        },
                      )
                    }
                  >
                    Export to CSV and archive
                  </Button>
                </>
              )}
              {view === 'inbox' && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => runBulk({ action: 'archive' }, 'Archived')}
                  loading={bulk.isPending && bulk.variables.action === 'archive'}
                >
                  Archive
                </Button>
              )}
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="default">
                    Set category
                  </Button>
                </Menu.Target>
                <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
                  {visibleCategories.length === 0 && (
                    <Menu.Label>No categories yet: add them in Lists</Menu.Label>
                  )}
                  {visibleCategories.map((c) => (
                    <Menu.Item
                      key={c.id}
                      onClick={() => runBulk({ action: 'set_category', categoryId: c.id }, 'Category set')}
                    >
                      {c.name}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="default">
                    Set owner
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    onClick={() => runBulk({ action: 'set_owner', ownerUserId: null }, 'Owner cleared')}
                  >
                    None
                  </Menu.Item>
                  {owners.map((o) => (
                    <Menu.Item
                      key={o.value}
                      onClick={() => runBulk({ action: 'set_owner', ownerUserId: o.value }, 'Owner set')}
                    >
                      {o.label}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
              {view === 'inbox' && (
                <Button
                  size="xs"
                  variant="default"
                  disabled={selected.length < 2}
                  onClick={() => runMerge(false)}
                  loading={merge.isPending}
                >
                  Merge
                </Button>
              )}
              <Button
                size="xs"
                color="red"
                variant="light"
                onClick={() => runBulk({ action: 'delete' }, 'Deleted')}
                loading={bulk.isPending && bulk.variables.action === 'delete'}
              >
                Delete
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => setSelected([])}>
                Clear selection
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data === undefined ? (
        <Group justify="center" p="xl">
          <Loader size="sm" aria-label="Loading" />
        </Group>
      ) : rows.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap={6}>
            <Text fw={600}>
              {filtered
                ? 'No item matches'
                : view === 'archive'
                  ? 'The Archive is empty'
                  : tab === 'ready'
                    ? 'Nothing is Ready yet'
                    : 'Nothing to review'}
            </Text>
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              {filtered ? 'Change the search or clear the filters.' : (emptyHint ?? null)}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table
            verticalSpacing="sm"
            horizontalSpacing="md"
            highlightOnHover
            aria-label={
              view === 'inbox' ? (tab === 'ready' ? 'Ready items' : 'Items to review') : 'Archived items'
            }
          >
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label="Select all on this page"
                    checked={allOnPage}
                    indeterminate={!allOnPage && rows.some((r) => selected.includes(r.id))}
                    onChange={() =>
                      setSelected(allOnPage ? [] : [...new Set([...selected, ...rows.map((r) => r.id)])])
                    }
                  />
                </Table.Th>
                <SortHeader label={partyOf(workspace)} sortKey="supplier" {...{ sort, order, onSort }} />
                <SortHeader label="Date" sortKey="date" {...{ sort, order, onSort }} />
                <Table.Th>Type</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Owner</Table.Th>
                <SortHeader label="Total" sortKey="total" align="right" {...{ sort, order, onSort }} />
                <Table.Th>Status</Table.Th>
                <SortHeader label="Received" sortKey="created" {...{ sort, order, onSort }} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => {
                const name = item.contact?.name ?? `Unknown ${partyOf(workspace).toLowerCase()}`;
                return (
                  <Table.Tr key={item.id} {...(selected.includes(item.id) ? { bg: 'docket.0' } : {})}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${name}`}
                        checked={selected.includes(item.id)}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setSelected((s) => (on ? [...s, item.id] : s.filter((x) => x !== item.id)));
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Anchor
                          component={Link}
                          to={paths.item(account.id, workspace, item.id)}
                          fw={600}
                          size="sm"
                          c={item.contact === null ? 'dimmed' : 'docket.8'}
                        >
                          {name}
                        </Anchor>
                        {item.duplicateOfItemId !== null && (
                          <Tooltip label="Suspected duplicate">
                            <Text c="orange.7" lh={0} aria-label="Suspected duplicate" role="img">
                              <IconWarning size={15} />
                            </Text>
                          </Tooltip>
                        )}
                      </Group>
                      {item.reference !== null && (
                        <Text size="xs" c="dimmed">
                          {item.reference}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {day(item.date)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{documentTypeLabel(item.documentType)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={item.categoryId === null ? 'dimmed' : 'inherit'}>
                        {item.categoryId === null ? '—' : (categoryNames.get(item.categoryId) ?? '…')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={item.ownerUserId === null ? 'dimmed' : 'inherit'}>
                        {item.ownerUserId === null ? '—' : (userNames.get(item.ownerUserId) ?? '…')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text
                        size="sm"
                        fw={600}
                        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                      >
                        {money(item.total, item.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge item={item} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {day(item.createdAt.slice(0, 10))}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      {list.data !== undefined && total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {page * PAGE_SIZE + 1}–{Math.min(total, (page + 1) * PAGE_SIZE)} of{' '}
            {count(total, list.data.totalIsLowerBound)}
          </Text>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page + 1}
              onChange={(p) => setPage(p - 1)}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            />
          )}
        </Group>
      )}

      <MergeDialog
        warnings={mergeWarnings}
        pending={merge.isPending}
        onCancel={() => setMergeWarnings(null)}
        onConfirm={() => runMerge(true)}
      />
    </Stack>
  );
}
