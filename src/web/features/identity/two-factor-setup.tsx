import { Anchor, Button, Group, Image, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { fieldReason } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { BackupCodesPanel } from './backup-codes';
import { useBeginTotpSetup, useConfirmTotpSetup } from './identity-api';

/** The key in groups of four, as authenticator apps show it and people type it. */
export function groupKey(key: string): string {
  return key.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

interface TwoFactorSetupProps {
  email: string;
  /** After the backup codes were shown and the person says they saved them. */
  onFinished: () => void;
  /** When the code was accepted (the backup codes show next). */
  onConfirmed?: () => void;
  onCancel?: () => void;
  /** True when the login already has an authenticator and is moving to a new one. */
  changing?: boolean;
}

/**
 * Setting up the authenticator app: scan the QR code (or type the key), enter the code it shows,
 * then save the 12 backup codes, shown once.
 */
export function TwoFactorSetup({
  email,
  onFinished,
  onConfirmed,
  onCancel,
  changing = false,
}: TwoFactorSetupProps) {
  const begin = useBeginTotpSetup();
  const confirm = useConfirmTotpSetup();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const started = useRef(false);
  const { mutate: start } = begin;

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  if (confirm.data) {
    return <BackupCodesPanel codes={confirm.data.backupCodes} email={email} onDone={onFinished} />;
  }
  if (begin.isError) {
    return (
      <ErrorAlert error={begin.error} title="Could not start the setup" onRetry={() => begin.mutate()} />
    );
  }
  if (!begin.data) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text size="sm">Preparing your key…</Text>
      </Group>
    );
  }
  const setup = begin.data;

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(trimmed)) {
      setMissing('Enter the 6-digit code your app shows');
      return;
    }
    setMissing(undefined);
    confirm.mutate(trimmed, { onSuccess: () => onConfirmed?.() });
  }

  return (
    <Stack gap="lg">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Paper withBorder radius="md" p="xs" bg="white">
          <Image
            src={setup.qrDataUrl}
            alt="QR code to scan with your authenticator app"
            w={184}
            h={184}
            fit="contain"
          />
        </Paper>
        <Stack gap="sm" style={{ flex: 1, minWidth: 240 }}>
          <Title order={3} fz="md">
            1. Add Docket to your authenticator app
          </Title>
          <Text size="sm" c="dimmed">
            Scan the QR code with an authenticator app such as Google Authenticator, Microsoft Authenticator,
            1Password or Aegis. Cannot scan it? Add an account by hand and type this key (time-based, 6
            digits):
          </Text>
          <Text
            ff="monospace"
            fz="lg"
            fw={600}
            aria-label="Key to type into your authenticator app"
            data-testid="totp-key"
            style={{ wordBreak: 'break-all' }}
          >
            {groupKey(setup.key)}
          </Text>
          <Text size="xs" c="dimmed">
            Or open it on this device:{' '}
            <Anchor href={setup.otpauthUri} size="xs">
              add to an authenticator app
            </Anchor>
          </Text>
        </Stack>
      </Group>
      <form onSubmit={onSubmit} noValidate aria-label="Confirm your authenticator app">
        <Stack gap="sm">
          <Title order={3} fz="md">
            2. Enter the code your app shows
          </Title>
          {confirm.isError && fieldReason(confirm.error, 'code') === undefined && (
            <ErrorAlert error={confirm.error} title="Could not turn on two-factor authentication" />
          )}
          <TextInput
            label="6-digit code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            w={220}
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value);
            }}
            error={
              missing ??
              (confirm.isError && fieldReason(confirm.error, 'code') !== undefined
                ? confirm.error.message
                : undefined)
            }
          />
          <Group gap="sm">
            <Button type="submit" loading={confirm.isPending}>
              {changing ? 'Use this authenticator' : 'Turn on two-factor authentication'}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
