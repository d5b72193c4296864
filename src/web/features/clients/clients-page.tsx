import {
  Badge,
  Button,
  Group,
  Menu,
  NativeSelect,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ClientRow } from '../../../shared/contracts/clients';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { IconChevronDown } from '../../ui/icons';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { AddClientModal } from './add-client-modal';
import {
  clientsCsvUrl,
  useClientList,
  useRemovalOptions,
  useUsersOf,
  type ClientFilters,
  type ClientSortKey,
} from './clients-api';
import { formatDate, payerLabel, plural } from './format';
import { PracticeCodesModal } from './practice-codes-modal';
import { RemovalModal, type RemovalTarget } from './removal-dialogs';

const PAGE_SIZES = ['25', '50', '100', '200'];
const sortKeys: readonly ClientSortKey[] = [
  'name',
  'practiceCode',
  'accountManager',
  'connectedAt',
  'toReview',
];
const statuses = ['all', 'active', 'deactivated'] as const;

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/** The list's filters live in the URL, so Back, reload and shared links keep them. */
function useFilters(): [ClientFilters, (change: Partial<ClientFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1');
  const pageSize = Number(params.get('pageSize') ?? '50');
  const filters: ClientFilters = {
    search: params.get('search') ?? undefined,
    status: pick(params.get('status'), statuses, 'all'),
    payer: pick(params.get('payer'), ['client', 'practice', ''] as const, '') || undefined,
    accountManagerUserId: params.get('accountManagerUserId') ?? undefined,
    sort: pick(params.get('sort'), sortKeys, 'name'),
    direction: pick(params.get('direction'), ['asc', 'desc'] as const, 'asc'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(String(pageSize)) ? pageSize : 50,
  };
  const update = (change: Partial<ClientFilters>) => {
    const next = { ...filters, ...change };
    const defaults: Record<string, string> = {
      status: 'all',
      sort: 'name',
      direction: 'asc',
      page: '1',
      pageSize: '50',
    };
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '' || defaults[key] === String(value)) continue;
      out.set(key, String(value));
    }
    setParams(out, { replace: true });
  };
  return [filters, update];
}

function SortHeader({
  label,
  sortKey,
  filters,
  onSort,
  numeric = false,
}: {
  label: string;
  sortKey: ClientSortKey;
  filters: ClientFilters;
  onSort: (key: ClientSortKey) => void;
  numeric?: boolean;
}) {
  const active = filters.sort === sortKey;
  const ariaSort = active ? (filters.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th
      aria-sort={ariaSort}
      ta={numeric ? 'right' : undefined}
      miw={sortKey === 'name' ? 220 : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton onClick={() => onSort(sortKey)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
          {label}
          <span
            aria-hidden="true"
            style={{
              opacity: active ? 1 : 0.3,
              display: 'inline-flex',
              transform: active && filters.direction === 'asc' ? 'rotate(180deg)' : undefined,
            }}
          >
            <IconChevronDown size={14} />
          </span>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function Counts({ toReview, ready }: { toReview: number; ready: number }) {
  return (
    <Text size="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
      <Text span fw={toReview > 0 ? 600 : undefined} c={toReview > 0 ? 'dark.8' : 'dimmed'}>
        {toReview}
      </Text>
      <Text span c="dimmed">
        {' '}
        / {ready}
      </Text>
    </Text>
  );
}

function Health({ score }: { score: number | null }) {
  if (score === null) {
    return (
      <Tooltip label="Data Health not switched on" withArrow>
        <Text size="sm" c="dimmed" tabIndex={0} aria-label="No health score: Data Health not switched on">
          —
        </Text>
      </Tooltip>
    );
  }
  const color = score >= 80 ? 'teal' : score >= 50 ? 'yellow' : 'red';
  return (
    <Badge color={color} variant="light">
      {score}
    </Badge>
  );
}

interface ManageMenuProps {
  practiceId: string;
  client: ClientRow;
  canRemove: boolean;
  onRemove: (target: RemovalTarget) => void;
}

/** Clients > Manage next to a client. Removal actions are only for Practice Admins and Client Admins. */
function ManageMenu({ practiceId, client, canRemove, onRemove }: ManageMenuProps) {
  const [opened, setOpened] = useState(false);
  const options = useRemovalOptions(practiceId, client.id, opened && canRemove);
  const base = paths.client(practiceId, client.id);
  const deactivated = client.status === 'deactivated';
  const canReactivate = options.data?.canReactivate ?? false;
  const from = options.data?.reactivatableFrom ?? client.reactivatableFrom;
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" withinPortal shadow="md" width={270}>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          rightSection={<IconChevronDown size={14} />}
          aria-label={`Manage ${client.name}`}
        >
          Manage
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={`${base}/subscription`}>
          Manage client’s subscription
        </Menu.Item>
        <Menu.Item component={Link} to={`${base}/practice-access`}>
          Practice access
        </Menu.Item>
        <Menu.Item component={Link} to={`${base}/users`}>
          Users
        </Menu.Item>
        <Menu.Item component={Link} to={`${base}/business-settings`}>
          Business settings
        </Menu.Item>
        {canRemove && (
          <>
            <Menu.Divider />
            <Menu.Label>Remove client</Menu.Label>
            {!deactivated && (
              <Menu.Item
                onClick={() => onRemove({ clientId: client.id, name: client.name, action: 'disconnect' })}
              >
                Disconnect…
              </Menu.Item>
            )}
            {deactivated ? (
              <Menu.Item
                disabled={!canReactivate}
                onClick={() => onRemove({ clientId: client.id, name: client.name, action: 'reactivate' })}
              >
                {canReactivate || options.isPending
                  ? 'Reactivate…'
                  : `Reactivate (available from ${formatDate(from)})`}
              </Menu.Item>
            ) : (
              <Menu.Item
                onClick={() => onRemove({ clientId: client.id, name: client.name, action: 'deactivate' })}
              >
                Deactivate…
              </Menu.Item>
            )}
            <Menu.Item
              color="red"
              onClick={() => onRemove({ clientId: client.id, name: client.name, action: 'delete' })}
            >
              Delete…
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function LoadingRows({ columns }: { columns: number }) {
  return (
    <>
      {[0, 1, 2, 3, 4].map((i) => (
        <Table.Tr key={i}>
          {Array.from({ length: columns }, (_, j) => (
            <Table.Td key={j}>
              <Skeleton height={14} radius="sm" />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}

const COLUMNS = 15;

/** Clients: every business the practice keeps books for, paged by the server. */
export function ClientsPage() {
  const { account } = useCurrentAccount();
  const practiceId = account.id;
  const [filters, setFilters] = useFilters();
  const [searchText, setSearchText] = useState(filters.search ?? '');
  const search = useDebouncedCallback((text: string) => {
    setFilters({ search: text.trim() || undefined, page: 1 });
  }, 300);
  const list = useClientList(practiceId, filters);
  const colleagues = useUsersOf(practiceId);
  const [removing, setRemoving] = useState<RemovalTarget | null>(null);
  const [adding, setAdding] = useState(false);
  const [codes, setCodes] = useState(false);
  const canRemove = account.role === 'practice_admin' || account.role === 'client_admin';

  const onSort = (key: ClientSortKey) => {
    const direction = filters.sort === key && filters.direction === 'asc' ? 'desc' : 'asc';
    setFilters({ sort: key, direction, page: 1 });
  };
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / filters.pageSize)) : 1;
  // From the answer itself, so the count always describes the rows shown.
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, (data.page - 1) * data.pageSize + data.clients.length) : 0;

  return (
    <Page
      title="Clients"
      description="Every business your practice keeps books for. Select Manage next to a client for its subscription, practice access, users and Business settings."
      actions={
        <Group gap="sm">
          <Button variant="default" component="a" href={clientsCsvUrl(practiceId, filters)} download>
            Export CSV
          </Button>
          <Button variant="default" onClick={() => setCodes(true)}>
            Bulk upload practice codes
          </Button>
          <Button onClick={() => setAdding(true)}>Add client</Button>
        </Group>
      }
    >
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Find clients">
          <TextInput
            label="Search"
            placeholder="Client name or practice code"
            value={searchText}
            onChange={(e) => {
              setSearchText(e.currentTarget.value);
              search(e.currentTarget.value);
            }}
            w={280}
          />
          <NativeSelect
            label="Status"
            value={filters.status}
            onChange={(e) => setFilters({ status: pick(e.currentTarget.value, statuses, 'all'), page: 1 })}
            data={[
              { value: 'all', label: 'All clients' },
              { value: 'active', label: 'Active' },
              { value: 'deactivated', label: 'Deactivated' },
            ]}
          />
          <NativeSelect
            label="Who pays"
            value={filters.payer ?? ''}
            onChange={(e) => {
              const payer = pick(e.currentTarget.value, ['client', 'practice', ''] as const, '');
              setFilters({ payer: payer === '' ? undefined : payer, page: 1 });
            }}
            data={[
              { value: '', label: 'Anyone' },
              { value: 'practice', label: 'Practice' },
              { value: 'client', label: 'Client' },
            ]}
          />
          <NativeSelect
            label="Account manager"
            value={filters.accountManagerUserId ?? ''}
            onChange={(e) =>
              setFilters({ accountManagerUserId: e.currentTarget.value || undefined, page: 1 })
            }
            data={[
              { value: '', label: 'Anyone' },
              ...(colleagues.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        </Group>
      </Paper>

      {list.isError && (
        <ErrorAlert
          error={list.error}
          title="Could not load your clients"
          onRetry={() => void list.refetch()}
        />
      )}

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={1500}>
          <Table
            verticalSpacing="xs"
            horizontalSpacing="sm"
            highlightOnHover
            striped
            aria-label="Clients"
            aria-busy={list.isFetching}
            stickyHeader
          >
            <Table.Thead>
              <Table.Tr>
                <SortHeader label="Client" sortKey="name" filters={filters} onSort={onSort} />
                <SortHeader label="Practice code" sortKey="practiceCode" filters={filters} onSort={onSort} />
                <Table.Th>Accounting software</Table.Th>
                <SortHeader
                  label="Account manager"
                  sortKey="accountManager"
                  filters={filters}
                  onSort={onSort}
                />
                <Table.Th>Add-ons</Table.Th>
                <Table.Th>Health</Table.Th>
                <SortHeader label="To review" sortKey="toReview" filters={filters} onSort={onSort} numeric />
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Costs{' '}
                  <Text span c="dimmed" fz="xs">
                    review / ready
                  </Text>
                </Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Sales{' '}
                  <Text span c="dimmed" fz="xs">
                    review / ready
                  </Text>
                </Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>Latest item</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>Oldest item</Table.Th>
                <SortHeader label="Connected" sortKey="connectedAt" filters={filters} onSort={onSort} />
                <Table.Th>Who pays</Table.Th>
                <Table.Th ta="right">Users</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Manage</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.isPending && <LoadingRows columns={COLUMNS} />}
              {data?.clients.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS}>
                    <Stack gap={4} align="center" py="xl">
                      <Text fw={600}>
                        {filters.search ||
                        filters.payer ||
                        filters.accountManagerUserId ||
                        filters.status !== 'all'
                          ? 'No client matches these filters'
                          : 'No clients yet'}
                      </Text>
                      <Text size="sm" c="dimmed">
                        Add a client, or ask a business to invite your practice from its Business settings ›
                        Accountant.
                      </Text>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              )}
              {data?.clients.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text
                        component={Link}
                        to={`${paths.client(practiceId, c.id)}/users`}
                        size="sm"
                        fw={600}
                        c="dark.8"
                      >
                        {c.name}
                      </Text>
                      {c.status === 'deactivated' && (
                        <Group gap={4}>
                          <Badge size="xs" color="gray" variant="light">
                            Deactivated
                          </Badge>
                          <Text size="xs" c="dimmed">
                            Reactivate from {formatDate(c.reactivatableFrom)}
                          </Text>
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {c.practiceCode ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.ledger ? (
                      <Text size="sm">
                        {c.ledger.software}{' '}
                        <Text span size="xs" c="dimmed">
                          · {c.ledger.status}
                        </Text>
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Not connected
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.accountManager ? (
                      <Text size="sm">{c.accountManager.name}</Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.addOns.length > 0 ? (
                      <Group gap={4}>
                        {c.addOns.map((a) => (
                          <Badge key={a} size="xs" variant="outline">
                            {a}
                          </Badge>
                        ))}
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Health score={c.healthScore} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={600}>
                      {c.costs.toReview + c.sales.toReview}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Counts {...c.costs} />
                  </Table.Td>
                  <Table.Td>
                    <Counts {...c.sales} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(c.latestItemAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(c.oldestItemAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(c.connectedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{payerLabel[c.payer]}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{c.userCount}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <ManageMenu
                      practiceId={practiceId}
                      client={c}
                      canRemove={canRemove}
                      onRemove={setRemoving}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" p="sm" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {data
              ? `${first.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${plural(data.total, 'client')}`
              : 'Loading…'}
          </Text>
          <Group gap="sm">
            <NativeSelect
              aria-label="Clients per page"
              size="xs"
              value={String(filters.pageSize)}
              onChange={(e) => setFilters({ pageSize: Number(e.currentTarget.value), page: 1 })}
              data={PAGE_SIZES.map((s) => ({ value: s, label: `${s} per page` }))}
            />
            <Pagination
              total={pages}
              value={Math.min(filters.page, pages)}
              onChange={(page) => setFilters({ page })}
              size="sm"
              siblings={1}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            />
          </Group>
        </Group>
      </Paper>

      <RemovalModal
        practiceId={practiceId}
        target={removing}
        onClose={() => setRemoving(null)}
        onSwitch={setRemoving}
      />
      <AddClientModal practiceId={practiceId} opened={adding} onClose={() => setAdding(false)} />
      <PracticeCodesModal practiceId={practiceId} opened={codes} onClose={() => setCodes(false)} />
    </Page>
  );
}
