import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { ApiError, fieldReason } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { countries } from '../identity/countries';
import { useAddClient, useUsersOf } from './clients-api';

interface ClientUserDraft {
  key: number;
  name: string;
  email: string;
  role: 'admin' | 'standard';
  invite: boolean;
}

let nextKey = 1;
const emptyUser = (): ClientUserDraft => ({
  key: nextKey++,
  name: '',
  email: '',
  role: 'admin',
  invite: true,
});

/** Add client: the practice creates a business account it pays for (one client slot). */
export function AddClientModal({
  practiceId,
  opened,
  onClose,
}: {
  practiceId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const add = useAddClient(practiceId);
  const colleagues = useUsersOf(practiceId);
  const [name, setName] = useState('');
  const [country, setCountry] = useState('GB');
  const [code, setCode] = useState('');
  const [manager, setManager] = useState('');
  const [people, setPeople] = useState<ClientUserDraft[]>([]);
  const [missingName, setMissingName] = useState(false);

  function close() {
    setName('');
    setCode('');
    setManager('');
    setPeople([]);
    setMissingName(false);
    add.reset();
    onClose();
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === '') {
      setMissingName(true);
      return;
    }
    add.mutate(
      {
        name: name.trim(),
        country,
        ...(code.trim() ? { practiceCode: code.trim() } : {}),
        ...(manager ? { accountManagerUserId: manager } : {}),
        users: people
          .filter((p) => p.name.trim() || p.email.trim())
          .map((p) => ({ name: p.name.trim(), email: p.email.trim(), role: p.role, invite: p.invite })),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${name.trim()} was added to your clients.` });
          close();
        },
      },
    );
  }

  const update = (key: number, change: Partial<ClientUserDraft>) =>
    setPeople((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const error = add.error;
  const fieldsOnly =
    error instanceof ApiError && error.status === 400 && fieldReason(error, 'name') !== undefined;

  return (
    <Modal opened={opened} onClose={close} title="Add client" centered size="lg">
      <form onSubmit={submit} noValidate aria-label="Add client">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Your practice creates the client’s business account and pays for it: it uses one of your client
            slots. Your New Client Defaults apply to it.
          </Text>
          {error && !fieldsOnly && <ErrorAlert error={error} title="Could not add the client" />}
          <TextInput
            label="Client name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={missingName ? 'Is required' : fieldReason(error, 'name')}
            data-autofocus
          />
          <Group grow align="flex-start">
            <NativeSelect
              label="Country"
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              data={countries}
            />
            <TextInput
              label="Practice code"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fieldReason(error, 'practiceCode')}
            />
          </Group>
          <NativeSelect
            label="Account manager"
            value={manager}
            onChange={(e) => setManager(e.currentTarget.value)}
            data={[
              { value: '', label: 'Nobody yet' },
              ...(colleagues.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} fz="sm" fw={600}>
                Client’s users
              </Title>
              <Button size="xs" variant="light" onClick={() => setPeople((all) => [...all, emptyUser()])}>
                Add a user
              </Button>
            </Group>
            {people.length === 0 && (
              <Text size="xs" c="dimmed">
                Optional. The first user becomes the account owner. Without an invitation a user is
                auto-generated: they can own documents but cannot sign in until invited.
              </Text>
            )}
            {people.map((p, i) => (
              <Group key={p.key} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={`User ${i + 1} name`}
                  value={p.name}
                  onChange={(e) => update(p.key, { name: e.currentTarget.value })}
                  error={fieldReason(error, `users.${i}.name`)}
                  style={{ flex: 1 }}
                />
                <TextInput
                  label={`User ${i + 1} email`}
                  type="email"
                  value={p.email}
                  onChange={(e) => update(p.key, { email: e.currentTarget.value })}
                  error={fieldReason(error, `users.${i}.email`)}
                  style={{ flex: 1.3 }}
                />
                <NativeSelect
                  label="Role"
                  value={p.role}
                  onChange={(e) =>
                    update(p.key, { role: e.currentTarget.value === 'standard' ? 'standard' : 'admin' })
                  }
                  data={[
                    { value: 'admin', label: 'Admin' },
                    { value: 'standard', label: 'Standard' },
                  ]}
                />
                <Switch
                  label="Invite"
                  checked={p.invite}
                  onChange={(e) => update(p.key, { invite: e.currentTarget.checked })}
                  mb={8}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mb={4}
                  aria-label={`Remove user ${i + 1}`}
                  onClick={() => setPeople((all) => all.filter((x) => x.key !== p.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add client
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
