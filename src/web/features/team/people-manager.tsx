import type { ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Menu,
  Modal,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import type { AccountKind, Role, UserSummary } from '../../../shared/contracts/identity';
import { ApiError, fieldReason, messageOf } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { IconChevronDown } from '../../ui/icons';
import { roleLabel } from '../accounts/labels';
import { useClientList, useUsersOf } from '../clients/clients-api';
import {
  addPerson,
  parsePeopleCsv,
  updatePerson,
  useAddPerson,
  useRemovePerson,
  useUpdatePerson,
  type NewPerson,
} from './people-api';

interface PeopleProps {
  /** The account whose people these are: the practice (colleagues) or a client (its users). */
  accountId: string;
  kind: AccountKind;
  /** The role of the signed-in person where they act (practice staff act as Admin inside a client). */
  actorRole: Role;
  /** The practice, for the client access of Standard colleagues. */
  practiceId?: string;
  meEmail: string;
  /** The page already has its own "Add a user" (with invitation outcomes): show only bulk add here. */
  hideSingleAdd?: boolean;
  /** Extra controls in a person's row (e.g. "Invite" for users without login access). */
  rowExtra?: (user: UserSummary) => ReactNode;
}

function rolesFor(kind: AccountKind, actorRole: Role): Role[] {
  if (kind === 'business') return ['admin', 'standard'];
  return actorRole === 'practice_admin'
    ? ['practice_admin', 'client_admin', 'standard']
    : ['client_admin', 'standard'];
}

function roleFrom(text: string, allowed: Role[]): Role | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return allowed.find((r) => r === key);
}

const noun = (kind: AccountKind) => (kind === 'practice' ? 'colleague' : 'user');

function Status({ user }: { user: UserSummary }) {
  if (!user.active)
    return (
      <Badge color="gray" variant="light">
        Deactivated
      </Badge>
    );
  if (!user.canSignIn)
    return (
      <Badge color="yellow" variant="light">
        No login yet
      </Badge>
    );
  return (
    <Badge color="teal" variant="light">
      Active
    </Badge>
  );
}

/** Client access of a Standard colleague: every client, or the ones chosen (searched on the server). */
function ClientAccessField({
  practiceId,
  mode,
  selected,
  onMode,
  onSelected,
}: {
  practiceId: string;
  mode: 'all' | 'selected';
  selected: { value: string; label: string }[];
  onMode: (mode: 'all' | 'selected') => void;
  onSelected: (selected: { value: string; label: string }[]) => void;
}) {
  const [search, setSearch] = useState('');
  const list = useClientList(practiceId, {
    search: search.trim() || undefined,
    status: 'all',
    sort: 'name',
    direction: 'asc',
    page: 1,
    pageSize: 50,
  });
  const options = new Map(selected.map((s) => [s.value, s.label]));
  for (const c of list.data?.clients ?? []) options.set(c.id, c.name);
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Client access"
        description="Standard colleagues work only in the clients they can access. Admins reach every client."
        value={mode}
        onChange={(v) => onMode(v === 'selected' ? 'selected' : 'all')}
      >
        <Group gap="lg" mt={6}>
          <Radio value="all" label="All clients" />
          <Radio value="selected" label="Selected clients" />
        </Group>
      </Radio.Group>
      {mode === 'selected' && (
        <MultiSelect
          label="Clients"
          placeholder="Search your clients"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          data={[...options].map(([value, label]) => ({ value, label }))}
          value={selected.map((s) => s.value)}
          onChange={(values) => onSelected(values.map((v) => ({ value: v, label: options.get(v) ?? v })))}
          nothingFoundMessage={list.isFetching ? 'Searching…' : 'No client found'}
        />
      )}
    </Stack>
  );
}

function AddPersonModal({
  props,
  opened,
  onClose,
}: {
  props: PeopleProps;
  opened: boolean;
  onClose: () => void;
}) {
  const { accountId, kind, actorRole, practiceId } = props;
  const add = useAddPerson(accountId);
  const roles = rolesFor(kind, actorRole);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(kind === 'practice' ? 'standard' : 'admin');
  const [loginAccess, setLoginAccess] = useState(true);
  const [mode, setMode] = useState<'all' | 'selected'>('all');
  const [selected, setSelected] = useState<{ value: string; label: string }[]>([]);

  function close() {
    setName('');
    setEmail('');
    setMode('all');
    setSelected([]);
    setLoginAccess(true);
    add.reset();
    onClose();
  }
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const person: NewPerson = { name: name.trim(), email: email.trim(), role, loginAccess };
    const clientAccess =
      kind === 'practice' && role === 'standard'
        ? mode === 'all'
          ? 'all'
          : selected.map((s) => s.value)
        : undefined;
    add.mutate(
      { person, clientAccess },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message:
              result.outcome === 'invited'
                ? `Invitation sent to ${person.email}.`
                : result.outcome === 'linked'
                  ? `${person.name} was linked to their existing login.`
                  : `${person.name} was added without login access.`,
          });
          close();
        },
      },
    );
  }
  const error = add.error;
  const fieldsOnly = error instanceof ApiError && Object.keys(error.fields).length > 0;
  const title = `Add a ${noun(kind)}`;
  return (
    <Modal opened={opened} onClose={close} title={title} centered size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          {error && !fieldsOnly && <ErrorAlert error={error} title={`Could not add the ${noun(kind)}`} />}
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldReason(error, 'name')}
            data-autofocus
          />
          <TextInput
            label="Email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldReason(error, 'email')}
          />
          <NativeSelect
            label="Role"
            value={role}
            onChange={(e) => setRole(roleFrom(e.currentTarget.value, roles) ?? role)}
            data={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
            error={fieldReason(error, 'role')}
          />
          {kind === 'business' && (
            <Switch
              label="Login access"
              description={
                loginAccess
                  ? 'An invitation is emailed.'
                  : 'No login: they can own documents but cannot sign in.'
              }
              checked={loginAccess}
              onChange={(e) => setLoginAccess(e.currentTarget.checked)}
            />
          )}
          {kind === 'practice' && role === 'standard' && practiceId && (
            <ClientAccessField
              practiceId={practiceId}
              mode={mode}
              selected={selected}
              onMode={setMode}
              onSelected={setSelected}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface BulkOutcome {
  line: number;
  email: string;
  ok: boolean;
  message: string;
}

/** Add several people at once: lines "name,email,role", typed or from a CSV file; results per line. */
function BulkAddModal({
  props,
  opened,
  onClose,
}: {
  props: PeopleProps;
  opened: boolean;
  onClose: () => void;
}) {
  const { accountId, kind, actorRole } = props;
  const roles = rolesFor(kind, actorRole);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null);
  const users = useUsersOf(accountId);

  function close() {
    setText('');
    setOutcomes(null);
    onClose();
  }
  async function run() {
    setBusy(true);
    const results: BulkOutcome[] = [];
    for (const { line, cells } of parsePeopleCsv(text)) {
      const [name = '', email = '', roleText = ''] = cells;
      const role = roleText === '' ? (kind === 'practice' ? 'standard' : 'admin') : roleFrom(roleText, roles);
      if (name === '' || email === '') {
        results.push({ line, email, ok: false, message: 'Needs a name and an email.' });
        continue;
      }
      if (!role) {
        results.push({
          line,
          email,
          ok: false,
          message: `“${roleText}” is not a role here (${roles.map((r) => roleLabel[r]).join(', ')}).`,
        });
        continue;
      }
      try {
        const r = await addPerson(accountId, { name, email, role, loginAccess: true });
        if (kind === 'practice' && role === 'standard')
          await updatePerson(accountId, r.userId, { clientAccess: 'all' });
        results.push({
          line,
          email,
          ok: true,
          message: r.outcome === 'linked' ? 'Linked to their existing login.' : 'Invitation sent.',
        });
      } catch (error) {
        const field = error instanceof ApiError ? Object.entries(error.fields)[0] : undefined;
        results.push({
          line,
          email,
          ok: false,
          message: field ? `${field[0]} ${field[1]}` : messageOf(error),
        });
      }
    }
    setOutcomes(results);
    setBusy(false);
    void users.refetch();
  }

  const added = outcomes?.filter((o) => o.ok).length ?? 0;
  return (
    <Modal opened={opened} onClose={close} title={`Add multiple ${noun(kind)}s`} centered size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          One person per line: name, email and role ({roles.map((r) => roleLabel[r]).join(', ')}), separated
          by commas. Type them, or choose a CSV file with the same columns. Each gets an invitation by email
          {kind === 'practice'
            ? '; Standard colleagues get access to all clients, which you can narrow afterwards'
            : ''}
          .
        </Text>
        <Textarea
          label="People"
          autosize
          minRows={4}
          maxRows={12}
          placeholder={`Alex Jones,alex@example.com,${roleLabel[roles[roles.length - 1] ?? 'standard']}`}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file of people"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void file.text().then(setText);
          }}
        />
        {outcomes && (
          <Alert
            color={added === outcomes.length ? 'teal' : 'yellow'}
            variant="light"
            role="status"
            title={`${added} of ${outcomes.length} added`}
          >
            <List size="sm" spacing={2} aria-label="Results per line">
              {outcomes.map((o) => (
                <List.Item key={o.line}>
                  Line {o.line} ({o.email || 'no email'}): {o.ok ? 'added' : 'not added'}. {o.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {outcomes ? 'Close' : 'Cancel'}
          </Button>
          <Button onClick={() => void run()} loading={busy} disabled={text.trim() === ''}>
            Add them
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EditPersonModal({
  props,
  user,
  onClose,
}: {
  props: PeopleProps;
  user: UserSummary | null;
  onClose: () => void;
}) {
  const { accountId, kind, actorRole, practiceId } = props;
  const roles = rolesFor(kind, actorRole);
  const update = useUpdatePerson(accountId);
  const [role, setRole] = useState<Role>(user?.role ?? 'standard');
  const [mode, setMode] = useState<'all' | 'selected'>('all');
  const [selected, setSelected] = useState<{ value: string; label: string }[]>([]);
  if (!user) return null;
  const canSetRole = roles.includes(user.role);
  return (
    <Modal opened onClose={onClose} title={`Edit ${user.name}`} centered size="lg">
      <Stack gap="md">
        {update.error && <ErrorAlert error={update.error} title="Could not save" />}
        <NativeSelect
          label="Role"
          value={role}
          disabled={!canSetRole}
          description={canSetRole ? undefined : 'Only a Practice Admin can change a Practice Admin.'}
          onChange={(e) => setRole(roleFrom(e.currentTarget.value, roles) ?? role)}
          data={(canSetRole ? roles : [user.role]).map((r) => ({ value: r, label: roleLabel[r] }))}
        />
        {kind === 'practice' && role === 'standard' && practiceId && (
          <>
            <ClientAccessField
              practiceId={practiceId}
              mode={mode}
              selected={selected}
              onMode={setMode}
              onSelected={setSelected}
            />
            <Text size="xs" c="dimmed">
              Saving replaces this colleague’s client access with the choice above.
            </Text>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={update.isPending}
            onClick={() => {
              const change = {
                ...(role !== user.role ? { role } : {}),
                ...(kind === 'practice' && role === 'standard'
                  ? { clientAccess: mode === 'all' ? ('all' as const) : selected.map((s) => s.value) }
                  : {}),
              };
              update.mutate(
                { userId: user.id, change },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: `${user.name} was updated.` });
                    onClose();
                  },
                },
              );
            }}
          >
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PersonActions({
  props,
  user,
  onEdit,
  onRemove,
}: {
  props: PeopleProps;
  user: UserSummary;
  onEdit: (user: UserSummary) => void;
  onRemove: (user: UserSummary) => void;
}) {
  const update = useUpdatePerson(props.accountId);
  const setActive = (active: boolean) =>
    update.mutate(
      { userId: user.id, change: { active } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: `${user.name} was ${active ? 're-enabled' : 'deactivated'}.`,
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Not changed', message: messageOf(error) }),
      },
    );
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          rightSection={<IconChevronDown size={14} />}
          loading={update.isPending}
          aria-label={`Actions for ${user.name}`}
        >
          Actions
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {user.active && (
          <Menu.Item onClick={() => onEdit(user)}>
            Edit role{props.kind === 'practice' ? ' and client access' : ''}
          </Menu.Item>
        )}
        {user.active && !user.isOwner && <Menu.Item onClick={() => setActive(false)}>Deactivate</Menu.Item>}
        {!user.active && <Menu.Item onClick={() => setActive(true)}>Re-enable</Menu.Item>}
        {!user.isOwner && (
          <Menu.Item color="red" onClick={() => onRemove(user)}>
            Remove…
          </Menu.Item>
        )}
        {user.isOwner && <Menu.Label>The account owner cannot be deactivated or removed.</Menu.Label>}
      </Menu.Dropdown>
    </Menu>
  );
}

function RemovePersonModal({
  props,
  user,
  onClose,
}: {
  props: PeopleProps;
  user: UserSummary | null;
  onClose: () => void;
}) {
  const remove = useRemovePerson(props.accountId);
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Remove ${user.name}` : ''} centered>
      {user && (
        <Stack gap="md">
          {remove.error && <ErrorAlert error={remove.error} title={`Could not remove ${user.name}`} />}
          <Text size="sm">
            {user.name} loses access for good. Their paperwork stays and still shows who submitted it. To come
            back, they must be added again as a new {noun(props.kind)}. To pause their access instead,
            deactivate them.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(user.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: `${user.name} was removed.` });
                    onClose();
                  },
                })
              }
            >
              Remove {user.name}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** A people table with Active / Deactivated tabs, add (one or many), edit, deactivate, re-enable and remove. */
export function PeopleManager(props: PeopleProps) {
  const { accountId, kind, actorRole, meEmail } = props;
  const users = useUsersOf(accountId);
  const canManage = actorRole !== 'standard';
  const [tab, setTab] = useState<'active' | 'deactivated'>('active');
  const [adding, setAdding] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [removing, setRemoving] = useState<UserSummary | null>(null);
  const all = users.data ?? [];
  const shown = all.filter((u) => (tab === 'active' ? u.active : !u.active));
  const deactivatedCount = all.filter((u) => !u.active).length;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Tabs value={tab} onChange={(v) => setTab(v === 'deactivated' ? 'deactivated' : 'active')}>
          <Tabs.List>
            <Tabs.Tab value="active">Active ({all.length - deactivatedCount})</Tabs.Tab>
            <Tabs.Tab value="deactivated">Deactivated ({deactivatedCount})</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {canManage && (
          <Group gap="sm">
            <Button variant="default" onClick={() => setBulk(true)}>
              Add multiple {noun(kind)}s
            </Button>
            {!props.hideSingleAdd && <Button onClick={() => setAdding(true)}>Add a {noun(kind)}</Button>}
          </Group>
        )}
      </Group>
      {users.isError && (
        <ErrorAlert
          error={users.error}
          title="Could not load the people"
          onRetry={() => void users.refetch()}
        />
      )}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-busy={users.isPending}>
            <Table.Caption>
              {users.data ? `${shown.length} ${shown.length === 1 ? 'person' : 'people'}` : 'Loading…'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.isPending &&
                [0, 1, 2].map((i) => (
                  <Table.Tr key={i}>
                    {[0, 1, 2, 3].map((j) => (
                      <Table.Td key={j}>
                        <Skeleton height={14} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              {users.data && shown.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {tab === 'active'
                        ? `No active ${noun(kind)}s.`
                        : `Nobody is deactivated. Deactivated ${noun(kind)}s show here, to re-enable them.`}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {shown.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {user.name}
                      </Text>
                      {user.isOwner && (
                        <Badge size="xs" variant="outline">
                          Owner
                        </Badge>
                      )}
                      {user.email === meEmail && (
                        <Text size="xs" c="dimmed">
                          (you)
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{roleLabel[user.role]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Status user={user} />
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {props.rowExtra?.(user)}
                        <PersonActions props={props} user={user} onEdit={setEditing} onRemove={setRemoving} />
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {canManage && (
        <>
          <AddPersonModal props={props} opened={adding} onClose={() => setAdding(false)} />
          <BulkAddModal props={props} opened={bulk} onClose={() => setBulk(false)} />
          <EditPersonModal
            key={editing?.id ?? 'none'}
            props={props}
            user={editing}
            onClose={() => setEditing(null)}
          />
          <RemovePersonModal props={props} user={removing} onClose={() => setRemoving(null)} />
        </>
      )}
    </Stack>
  );
}
