import { Alert, Button, Group, Modal, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { AccountSummary, Role } from '../../../shared/contracts/identity';
import { ApiError, fieldReason } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { roleLabel } from './labels';
import { useAddUser, type AddUserOutcome } from './users-api';

type Field = 'name' | 'email';

function rolesFor(account: AccountSummary): Role[] {
  if (account.kind === 'business') return ['admin', 'standard'];
  const roles: Role[] = ['client_admin', 'standard'];
  return account.role === 'practice_admin' ? ['practice_admin', ...roles] : roles;
}

function isRole(value: string): value is Role {
  return value === 'practice_admin' || value === 'client_admin' || value === 'admin' || value === 'standard';
}

const outcomeText: Record<AddUserOutcome, (name: string, email: string, account: string) => string> = {
  linked: (name, email, account) =>
    `${name} was linked to their existing login (${email}): ${account} is now in their account switcher.`,
  invited: (name, email) => `Invitation sent to ${email}. ${name} joins once they accept it.`,
  none: (name) =>
    `${name} was added without login access: they can own documents but cannot sign in. Invite them any time.`,
};

const outcomeTitle: Record<AddUserOutcome, string> = {
  linked: 'Linked to their existing login',
  invited: 'Invitation sent',
  none: 'Added without login access',
};

export interface AddedUser {
  outcome: AddUserOutcome;
  message: string;
}

/** What happened when a user was added, in words. */
export function AddedUserAlert({ added, onClose }: { added: AddedUser; onClose: () => void }) {
  return (
    <Alert
      color="teal"
      variant="light"
      title={outcomeTitle[added.outcome]}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      role="status"
    >
      <Text size="sm">{added.message}</Text>
    </Alert>
  );
}

interface AddUserModalProps {
  account: AccountSummary;
  opened: boolean;
  onClose: () => void;
  onAdded: (added: AddedUser) => void;
}

/** "Add a user": name, email, role and login access. */
export function AddUserModal({ account, opened, onClose, onAdded }: AddUserModalProps) {
  const add = useAddUser(account.id);
  const roles = rolesFor(account);
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '' });
  const [role, setRole] = useState<Role>('standard');
  const [loginAccess, setLoginAccess] = useState(true);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  function close() {
    setValues({ name: '', email: '' });
    setRole('standard');
    setLoginAccess(true);
    setLocal({});
    add.reset();
    onClose();
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (values.name.trim() === '') errors.name = 'Is required';
    if (values.email.trim() === '') errors.email = 'Is required';
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const name = values.name.trim();
    const email = values.email.trim();
    add.mutate(
      { name, email, role, loginAccess },
      {
        onSuccess: (result) => {
          onAdded({
            outcome: result.outcome,
            message: outcomeText[result.outcome](name, email, account.name),
          });
          close();
        },
      },
    );
  }

  const error = add.error;
  const fieldsOnly =
    error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0;
  const set = (field: Field) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  return (
    <Modal opened={opened} onClose={close} title="Add a user" centered size="md">
      <form onSubmit={onSubmit} noValidate aria-label="Add a user">
        <Stack gap="md">
          {error && !fieldsOnly && <ErrorAlert error={error} title="Could not add the user" />}
          <TextInput
            label="Name"
            autoComplete="off"
            required
            value={values.name}
            onChange={set('name')}
            error={local.name ?? fieldReason(error, 'name')}
            data-autofocus
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            required
            description="If this email already has a Docket login, the user is linked to it: no second login."
            value={values.email}
            onChange={set('email')}
            error={local.email ?? fieldReason(error, 'email')}
          />
          <NativeSelect
            label="Role"
            value={role}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isRole(value)) setRole(value);
            }}
            data={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
            error={fieldReason(error, 'role')}
          />
          <Switch
            label="Login access"
            description={
              loginAccess
                ? 'They can sign in: an invitation is emailed unless the email already has a login.'
                : 'No login: an auto-generated user who can own documents but cannot sign in.'
            }
            checked={loginAccess}
            onChange={(e) => {
              setLoginAccess(e.currentTarget.checked);
            }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
