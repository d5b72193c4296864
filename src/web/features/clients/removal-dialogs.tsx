import { Alert, Button, Group, List, Loader, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RemovalOptions } from '../../../shared/contracts/clients';
import { ErrorAlert } from '../../ui/error-alert';
import { IconAlert } from '../../ui/icons';
import { useRemovalOptions, useRemoveClient, type RemovalAction } from './clients-api';
import { formatDate } from './format';

export interface RemovalTarget {
  clientId: string;
  name: string;
  action: RemovalAction;
}

interface DialogProps {
  practiceId: string;
  target: RemovalTarget;
  options: RemovalOptions;
  onClose: () => void;
  /** After the action succeeded. */
  onDone: () => void;
  onSwitch: (action: RemovalAction) => void;
}

const titles: Record<RemovalAction, string> = {
  disconnect: 'Disconnect client',
  deactivate: 'Deactivate client',
  reactivate: 'Reactivate client',
  delete: 'Delete client',
};

function OwnerChoice({
  options,
  value,
  onChange,
  required,
}: {
  options: RemovalOptions;
  value: string;
  onChange: (userId: string) => void;
  required: boolean;
}) {
  return (
    <Radio.Group
      label="Account owner"
      description="Usually the business owner. The owner shows as “(Owner)” on the client’s Users page; changing the owner later needs support."
      value={value}
      onChange={onChange}
      withAsterisk={required}
    >
      <Stack gap={6} mt="xs">
        {options.ownerCandidates.map((c) => (
          <Radio
            key={c.userId}
            value={c.userId}
            label={`${c.name} (${c.email})${c.isOwner ? ' · current owner' : ''}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function useFirstOwner(options: RemovalOptions): [string, (v: string) => void] {
  const preferred = options.ownerCandidates.find((c) => c.isOwner) ?? options.ownerCandidates[0];
  return useState(preferred?.userId ?? '');
}

function DisconnectDialog({ practiceId, target, options, onClose, onDone, onSwitch }: DialogProps) {
  const remove = useRemoveClient(practiceId);
  const [step, setStep] = useState<'explain' | 'owner'>('explain');
  const [owner, setOwner] = useFirstOwner(options);
  if (!options.canDisconnect) {
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlert />} title="Disconnecting is not available">
          <Text size="sm">{options.disconnectBlockedReason}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {options.canDeactivate && (
            <Button onClick={() => onSwitch('deactivate')}>Deactivate instead</Button>
          )}
        </Group>
      </Stack>
    );
  }
  if (step === 'explain') {
    return (
      <Stack gap="md">
        <Text size="sm">Disconnecting removes {target.name} from your practice account.</Text>
        <List size="sm" spacing={6}>
          <List.Item>
            {target.name} keeps its Docket account and all its data, and can subscribe itself or connect to
            another accountant.
          </List.Item>
          <List.Item>
            Your practice loses access at once: the client leaves your client list and its pages are no longer
            found.
          </List.Item>
          <List.Item>
            You cannot reconnect from your side. Only the client can, by sending you a new invitation from
            Business settings › Accountant.
          </List.Item>
          <List.Item>Both your practice and the client get an email confirming it.</List.Item>
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => setStep('owner')}>Continue</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {remove.error && <ErrorAlert error={remove.error} title="Could not disconnect the client" />}
      <OwnerChoice options={options} value={owner} onChange={setOwner} required />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setStep('explain')}>
          Back
        </Button>
        <Button
          color="red"
          disabled={owner === ''}
          loading={remove.isPending}
          onClick={() => {
            remove.mutate(
              { clientId: target.clientId, action: 'disconnect', body: { ownerUserId: owner } },
              {
                onSuccess: () => {
                  notifications.show({
                    color: 'teal',
                    message: `${target.name} was disconnected. It keeps its account; your practice no longer has access.`,
                  });
                  onDone();
                },
              },
            );
          }}
        >
          Disconnect {target.name}
        </Button>
      </Group>
    </Stack>
  );
}

function DeactivateDialog({ practiceId, target, options, onClose, onDone }: DialogProps) {
  const remove = useRemoveClient(practiceId);
  const [owner, setOwner] = useFirstOwner(options);
  if (!options.canDeactivate) {
    return (
      <Stack gap="md">
        <Text size="sm">{target.name} is already deactivated.</Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {remove.error && <ErrorAlert error={remove.error} title="Could not deactivate the client" />}
      <Text size="sm">
        Deactivating suspends {target.name}’s Docket services while your practice keeps access.
      </Text>
      <List size="sm" spacing={6}>
        <List.Item>
          New uploads are kept but not extracted: they wait, marked as waiting because the account is
          deactivated. Publishing stops.
        </List.Item>
        <List.Item>
          The client can still sign in, see its data, start its own subscription, or remove your practice’s
          access.
        </List.Item>
        <List.Item>
          Reactivate stays disabled for 4 months from today. Reactivating processes the uploads that waited.
        </List.Item>
      </List>
      {options.ownerCandidates.length > 0 && (
        <OwnerChoice options={options} value={owner} onChange={setOwner} required={false} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color="orange"
          loading={remove.isPending}
          onClick={() => {
            remove.mutate(
              {
                clientId: target.clientId,
                action: 'deactivate',
                body: owner === '' ? {} : { ownerUserId: owner },
              },
              {
                onSuccess: (result) => {
                  const from =
                    typeof result === 'object' && result !== null && 'reactivatableFrom' in result
                      ? String(result.reactivatableFrom)
                      : null;
                  notifications.show({
                    color: 'teal',
                    message: `${target.name} was deactivated. Reactivate is available from ${formatDate(from)}.`,
                  });
                  onDone();
                },
              },
            );
          }}
        >
          Deactivate {target.name}
        </Button>
      </Group>
    </Stack>
  );
}

function ReactivateDialog({ practiceId, target, options, onClose, onDone }: DialogProps) {
  const remove = useRemoveClient(practiceId);
  return (
    <Stack gap="md">
      {remove.error && <ErrorAlert error={remove.error} title="Could not reactivate the client" />}
      {options.canReactivate ? (
        <Text size="sm">
          Reactivating turns {target.name}’s services back on. The uploads that waited while it was
          deactivated are processed now.
        </Text>
      ) : (
        <Alert color="yellow" variant="light" icon={<IconAlert />} title="Not yet">
          <Text size="sm">
            Reactivate is available from {formatDate(options.reactivatableFrom)}, 4 months after {target.name}{' '}
            was deactivated.
          </Text>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          disabled={!options.canReactivate}
          loading={remove.isPending}
          onClick={() => {
            remove.mutate(
              { clientId: target.clientId, action: 'reactivate' },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: `${target.name} was reactivated.` });
                  onDone();
                },
              },
            );
          }}
        >
          Reactivate {target.name}
        </Button>
      </Group>
    </Stack>
  );
}

function DeleteDialog({ practiceId, target, options, onClose, onDone }: DialogProps) {
  const remove = useRemoveClient(practiceId);
  const [typed, setTyped] = useState('');
  if (!options.canDelete) {
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlert />} title="This client cannot be deleted">
          <Text size="sm">{options.deleteBlockedReason}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }
  const matches = typed.trim() === target.name;
  return (
    <Stack gap="md">
      {remove.error && <ErrorAlert error={remove.error} title="Could not delete the client" />}
      <Alert color="red" variant="light" icon={<IconAlert />} title="Deleted clients cannot be recovered">
        <Text size="sm">
          Deleting removes {target.name} and all its data for good: items, stored files, lists, rules and
          connections. This cannot be undone, by you or by support.
        </Text>
      </Alert>
      <TextInput
        label={`Type “${target.name}” to confirm`}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        autoComplete="off"
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color="red"
          disabled={!matches}
          loading={remove.isPending}
          onClick={() => {
            remove.mutate(
              { clientId: target.clientId, action: 'delete', body: { confirmName: typed.trim() } },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: `${target.name} was deleted permanently.` });
                  onDone();
                },
              },
            );
          }}
        >
          Delete permanently
        </Button>
      </Group>
    </Stack>
  );
}

const dialogs: Record<RemovalAction, (props: DialogProps) => React.JSX.Element> = {
  disconnect: DisconnectDialog,
  deactivate: DeactivateDialog,
  reactivate: ReactivateDialog,
  delete: DeleteDialog,
};

/** The Disconnect / Deactivate / Reactivate / Delete dialogs of a client, with what the server allows. */
export function RemovalModal({
  practiceId,
  target,
  onClose,
  onDone,
  onSwitch,
}: {
  practiceId: string;
  target: RemovalTarget | null;
  onClose: () => void;
  onDone?: (action: RemovalAction) => void;
  onSwitch: (target: RemovalTarget) => void;
}) {
  const options = useRemovalOptions(practiceId, target?.clientId ?? '', target !== null);
  const Dialog = target ? dialogs[target.action] : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? `${titles[target.action]}: ${target.name}` : ''}
      centered
      size="lg"
    >
      {options.isPending && <Loader size="sm" aria-label="Loading what this client allows" />}
      {options.isError && <ErrorAlert error={options.error} title="Could not load this client’s options" />}
      {target && Dialog && options.data && (
        <Dialog
          key={target.action}
          practiceId={practiceId}
          target={target}
          options={options.data}
          onClose={onClose}
          onDone={() => {
            onClose();
            onDone?.(target.action);
          }}
          onSwitch={(action) => onSwitch({ ...target, action })}
        />
      )}
    </Modal>
  );
}
