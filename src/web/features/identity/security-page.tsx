import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { SecurityOverview } from '../../../shared/contracts/identity';
import { messageOf } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { BackupCodesPanel } from './backup-codes';
import {
  useDisableTwoFactor,
  useEndSession,
  useForgetDevice,
  useNewBackupCodes,
  useSecurity,
  useSecurityEvents,
  useSignOutEverywhere,
} from './identity-api';
import { PasswordConfirmModal } from './password-confirm-modal';
import { describeAction, describeDevice, formatDateTime } from './security-labels';
import { TwoFactorSetup } from './two-factor-setup';

const BACKUP_CODES = 12;

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} fz="lg" fw={600} id={id}>
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

type TwoFactorMode = 'overview' | 'setup' | 'change' | 'codes';
type Confirming = 'disable' | 'codes' | null;

function TwoFactorSection({ overview, email }: { overview: SecurityOverview['twoFactor']; email: string }) {
  const [mode, setMode] = useState<TwoFactorMode>('overview');
  const [confirming, setConfirming] = useState<Confirming>(null);
  const disable = useDisableTwoFactor();
  const newCodes = useNewBackupCodes();

  function close() {
    setConfirming(null);
    disable.reset();
    newCodes.reset();
  }

  if (mode === 'setup' || mode === 'change') {
    return (
      <Section title="Two-factor authentication">
        <TwoFactorSetup
          email={email}
          changing={mode === 'change'}
          onCancel={() => {
            setMode('overview');
          }}
          onFinished={() => {
            setMode('overview');
            notifications.show({
              message:
                mode === 'change'
                  ? 'Your new authenticator app is in use.'
                  : 'Two-factor authentication is on.',
              color: 'teal',
            });
          }}
        />
      </Section>
    );
  }

  if (mode === 'codes' && newCodes.data) {
    return (
      <Section title="Two-factor authentication">
        <Text size="sm">Your old backup codes no longer work. These are your new ones:</Text>
        <BackupCodesPanel
          codes={newCodes.data.backupCodes}
          email={email}
          onDone={() => {
            newCodes.reset();
            setMode('overview');
          }}
        />
      </Section>
    );
  }

  return (
    <Section
      title="Two-factor authentication"
      actions={
        <Group gap="xs">
          {overview.enabled ? (
            <Badge color="teal" variant="light" size="lg">
              On
            </Badge>
          ) : (
            <Badge color="gray" variant="light" size="lg">
              Off
            </Badge>
          )}
          {overview.required && (
            <Badge color="docket" variant="outline" size="lg">
              Required by an account you work in
            </Badge>
          )}
        </Group>
      }
    >
      <Text size="sm" c="dimmed" maw={720}>
        After your password, Docket asks for a 6-digit code from an authenticator app on your phone. Docket
        deliberately offers no email or SMS codes: they are easier to intercept.
      </Text>
      {overview.enabled ? (
        <>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              Backup codes left:
            </Text>
            <Text size="sm" data-testid="backup-codes-left">
              {overview.backupCodesLeft} of {BACKUP_CODES}
            </Text>
            {overview.backupCodesLeft <= 3 && (
              <Badge color="yellow" variant="light">
                Get new codes soon
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <Button variant="default" onClick={() => setMode('change')}>
              Change authenticator app
            </Button>
            <Button variant="default" onClick={() => setConfirming('codes')}>
              Get new backup codes
            </Button>
            <Button variant="subtle" color="red" onClick={() => setConfirming('disable')}>
              Turn off two-factor authentication
            </Button>
          </Group>
        </>
      ) : (
        <div>
          <Button onClick={() => setMode('setup')}>Set up two-factor authentication</Button>
        </div>
      )}
      <PasswordConfirmModal
        opened={confirming === 'disable'}
        title="Turn off two-factor authentication"
        description="Signing in will only need your password. Your backup codes stop working."
        confirmLabel="Turn off"
        danger
        pending={disable.isPending}
        error={disable.error}
        onClose={close}
        onConfirm={(password) => {
          disable.mutate(password, {
            onSuccess: () => {
              close();
              notifications.show({ message: 'Two-factor authentication is off.', color: 'teal' });
            },
          });
        }}
      />
      <PasswordConfirmModal
        opened={confirming === 'codes'}
        title="Get new backup codes"
        description={`Docket makes ${BACKUP_CODES} new backup codes; every code you have now stops working.`}
        confirmLabel="Make new codes"
        pending={newCodes.isPending}
        error={newCodes.error}
        onClose={close}
        onConfirm={(password) => {
          newCodes.mutate(password, {
            onSuccess: () => {
              setConfirming(null);
              setMode('codes');
            },
          });
        }}
      />
    </Section>
  );
}

function TrustedDevices({ devices }: { devices: SecurityOverview['trustedDevices'] }) {
  const forget = useForgetDevice();
  return (
    <Section title="Trusted devices">
      <Text size="sm" c="dimmed">
        Devices where you chose “Don’t ask again on this device for 30 days”. Forget one to be asked for a
        code there again.
      </Text>
      {devices.length === 0 ? (
        <Text size="sm">No trusted devices.</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Trusted devices" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Device</Table.Th>
                <Table.Th>Trusted since</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{describeDevice(d.label)}</Table.Td>
                  <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(d.expiresAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={forget.isPending && forget.variables === d.id}
                      onClick={() => {
                        forget.mutate(d.id, {
                          onError: (error) => {
                            notifications.show({
                              title: 'Could not forget the device',
                              message: messageOf(error),
                              color: 'red',
                            });
                          },
                        });
                      }}
                    >
                      Forget
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function Sessions({ sessions }: { sessions: SecurityOverview['sessions'] }) {
  const end = useEndSession();
  const everywhere = useSignOutEverywhere();
  const navigate = useNavigate();
  return (
    <Section
      title="Where you are signed in"
      actions={
        <Button
          variant="default"
          color="red"
          loading={everywhere.isPending}
          onClick={() => {
            everywhere.mutate(undefined, {
              onSuccess: () => void navigate(paths.signIn, { replace: true }),
              onError: (error) => {
                notifications.show({ title: 'Could not sign out', message: messageOf(error), color: 'red' });
              },
            });
          }}
        >
          Sign out everywhere
        </Button>
      }
    >
      <Table.ScrollContainer minWidth={620}>
        <Table aria-label="Sessions" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Device</Table.Th>
              <Table.Th>Address</Table.Th>
              <Table.Th>Signed in</Table.Th>
              <Table.Th>Last active</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm">{describeDevice(s.userAgent)}</Text>
                    {s.current && (
                      <Badge size="sm" variant="light" color="teal">
                        This session
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{s.ip ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                <Table.Td ta="right">
                  {!s.current && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={end.isPending && end.variables === s.id}
                      onClick={() => {
                        end.mutate(s.id, {
                          onError: (error) => {
                            notifications.show({
                              title: 'Could not sign out that session',
                              message: messageOf(error),
                              color: 'red',
                            });
                          },
                        });
                      }}
                    >
                      Sign out
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function SecurityEvents() {
  const events = useSecurityEvents();
  return (
    <Section title="Security events">
      {events.isError && (
        <ErrorAlert
          error={events.error}
          title="Could not load the security events"
          onRetry={() => void events.refetch()}
        />
      )}
      {events.isPending && <Skeleton height={80} />}
      {events.data && events.data.length === 0 && <Text size="sm">No events yet.</Text>}
      {events.data && events.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Security events" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Address</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.slice(0, 50).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatDateTime(e.at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{describeAction(e.action)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {e.ip ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** User settings > Security: two-factor authentication, trusted devices, sessions, security events. */
export function SecurityPage() {
  const { me } = useCurrentAccount();
  const security = useSecurity();
  return (
    <Page title="Security" path={['User settings']} description="How you prove it is you when you sign in.">
      {security.isError && (
        <ErrorAlert
          error={security.error}
          title="Could not load your security settings"
          onRetry={() => void security.refetch()}
        />
      )}
      {security.isPending && <Skeleton height={160} radius="md" />}
      {security.data && (
        <>
          <TwoFactorSection overview={security.data.twoFactor} email={me.login.email} />
          <TrustedDevices devices={security.data.trustedDevices} />
          <Sessions sessions={security.data.sessions} />
        </>
      )}
      <SecurityEvents />
    </Page>
  );
}
