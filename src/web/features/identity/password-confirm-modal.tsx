import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { ApiError, fieldReason } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';

interface PasswordConfirmModalProps {
  opened: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (password: string) => void;
  onClose: () => void;
}

/** Asks for the login's password again before a sensitive change. */
export function PasswordConfirmModal({
  opened,
  title,
  description,
  confirmLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onClose,
}: PasswordConfirmModalProps) {
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | undefined>();

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password === '') {
      setMissing('Enter your password');
      return;
    }
    setMissing(undefined);
    onConfirm(password);
  }

  function close() {
    setPassword('');
    setMissing(undefined);
    onClose();
  }

  const reason = fieldReason(error, 'password');
  const showAlert = error instanceof Error && reason === undefined;
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <Text size="sm">{description}</Text>
          {showAlert && (
            <ErrorAlert
              error={error}
              title={
                error instanceof ApiError && error.status === 409 ? 'Not possible' : 'Something went wrong'
              }
            />
          )}
          <PasswordInput
            label="Your password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
            }}
            error={missing ?? reason}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={danger ? 'red' : 'docket'} loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
