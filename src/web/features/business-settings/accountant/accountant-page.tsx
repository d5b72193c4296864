import { Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { fieldReason } from '../../../app/api';
import { ErrorAlert } from '../../../ui/error-alert';
import { Page } from '../../../ui/page';
import { useCurrentAccount } from '../../accounts/current-account';
import { formatDate } from '../../clients/format';
import {
  useAccountant,
  useDisconnectAccountant,
  useInviteAccountant,
  useLookupAccountant,
  type Lookup,
} from './accountant-api';

const endedText: Record<string, string> = {
  disconnected_by_practice: 'disconnected your account',
  disconnected_by_client: 'was disconnected by your business',
  reallocated: 'was replaced when you invited someone else',
  invitation_replaced: 'was invited, and the invitation was replaced',
};

/** Email → lookup → "Allow access" (a firm on Docket) or "Invite to Docket". */
function InviteForm({
  businessId,
  replace,
  onDone,
}: {
  businessId: string;
  replace: boolean;
  onDone: () => void;
}) {
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<(Lookup & { email: string }) | null>(null);
  const lookup = useLookupAccountant(businessId);
  const invite = useInviteAccountant(businessId);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = email.trim();
    setFound(null);
    invite.reset();
    lookup.mutate(value, { onSuccess: (result) => setFound({ ...result, email: value }) });
  }
  function confirm() {
    if (!found) return;
    invite.mutate(
      { email: found.email, replace },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message:
              result.status === 'active'
                ? `${found.practiceName ?? found.email} now has access to your account.`
                : `Invitation sent to ${found.email}. They are connected once they sign up as a practice.`,
          });
          onDone();
        },
      },
    );
  }
  const reason = fieldReason(lookup.error, 'email');
  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label="Invite your accountant">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Accountant’s email"
            description="The email your accountant or bookkeeper uses for their practice on Docket."
            type="email"
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setFound(null);
            }}
            error={reason ? lookup.error?.message : undefined}
            style={{ flex: 1 }}
            maw={460}
          />
          <Button type="submit" variant="default" loading={lookup.isPending}>
            Continue
          </Button>
        </Group>
      </form>
      {lookup.error && !reason && <ErrorAlert error={lookup.error} title="Could not check that email" />}
      {invite.error && <ErrorAlert error={invite.error} title="Could not invite your accountant" />}
      {found && (
        <Paper withBorder radius="md" p="md" bg="gray.0">
          {found.onDocket ? (
            <Stack gap="xs">
              <Text size="sm">
                <Text span fw={600}>
                  {found.practiceName}
                </Text>{' '}
                is on Docket. Allow access to let the practice work in your account: it sees your Costs and
                Sales and your settings. No data changes.
                {replace ? ' Your current accountant loses access in the same step.' : ''}
              </Text>
              <div>
                <Button onClick={confirm} loading={invite.isPending}>
                  Allow access
                </Button>
              </div>
            </Stack>
          ) : (
            <Stack gap="xs">
              <Text size="sm">
                {found.email} is not on Docket yet. We email them an invitation to join; the practice is
                connected to your account as soon as it signs up with this email.
                {replace ? ' Your current accountant loses access in the same step.' : ''}
              </Text>
              <div>
                <Button onClick={confirm} loading={invite.isPending}>
                  Invite to Docket
                </Button>
              </div>
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  );
}

/** Business settings > Accountant: the practice with access, Invite someone else, Disconnect from accountant. */
export function AccountantPage() {
  const { account } = useCurrentAccount();
  const status = useAccountant(account.id);
  const disconnect = useDisconnectAccountant(account.id);
  const [reallocating, setReallocating] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const isAdmin = account.role === 'admin';
  const current = status.data?.current ?? null;
  const last = status.data?.lastEnded ?? null;
  const who = current?.practiceName ?? current?.email ?? 'your accountant';

  return (
    <Page
      title="Accountant"
      path={['Business settings']}
      description="The accounting practice that looks after this business’s books. One practice can have access at a time; granting or removing access changes no data."
    >
      {status.isError && (
        <ErrorAlert
          error={status.error}
          title="Could not load your accountant"
          onRetry={() => void status.refetch()}
        />
      )}
      {status.data && (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="your-accountant">
          <Stack gap="md">
            <Title order={2} fz="lg" id="your-accountant">
              Your accountant
            </Title>
            {current === null && (
              <Text size="sm" c="dimmed">
                No accountant or bookkeeper has access to {account.name}.
              </Text>
            )}
            {current?.status === 'active' && (
              <Group gap="sm">
                <Text size="sm">
                  <Text span fw={600}>
                    {who}
                  </Text>{' '}
                  has access since {formatDate(current.since)}.
                </Text>
                <Badge color="teal" variant="light">
                  Connected
                </Badge>
              </Group>
            )}
            {current?.status === 'pending' && (
              <Group gap="sm">
                <Text size="sm">
                  Invitation sent to{' '}
                  <Text span fw={600}>
                    {current.email}
                  </Text>{' '}
                  on {formatDate(current.since)}. The practice is connected once it signs up on Docket with
                  this email.
                </Text>
                <Badge color="yellow" variant="light">
                  Invited
                </Badge>
              </Group>
            )}
            {last && current === null && (
              <Text size="sm" c="dimmed">
                Last change: {last.practiceName ?? 'your previous accountant'}{' '}
                {endedText[last.reason] ?? 'no longer has access'} on {formatDate(last.at)}.
              </Text>
            )}
            {!isAdmin && (
              <Text size="sm" c="dimmed">
                Only an Admin of {account.name} can invite, change or disconnect the accountant.
              </Text>
            )}
            {isAdmin && current === null && (
              <InviteForm businessId={account.id} replace={false} onDone={() => undefined} />
            )}
            {isAdmin && current !== null && !reallocating && (
              <Group gap="sm">
                <Button variant="default" onClick={() => setReallocating(true)}>
                  Invite someone else
                </Button>
                <Button variant="light" color="red" onClick={() => setConfirming(true)}>
                  {current.status === 'active' ? 'Disconnect from accountant' : 'Cancel the invitation'}
                </Button>
              </Group>
            )}
            {isAdmin && current !== null && reallocating && (
              <Stack gap="xs">
                <Text size="sm">
                  Invite someone else: {who}{' '}
                  {current.status === 'active' ? 'loses access' : 'is no longer invited'} and the new firm is
                  invited, in one step.
                </Text>
                <InviteForm businessId={account.id} replace onDone={() => setReallocating(false)} />
                <div>
                  <Button variant="subtle" size="xs" onClick={() => setReallocating(false)}>
                    Keep {who}
                  </Button>
                </div>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Disconnect from accountant"
        centered
      >
        <Stack gap="md">
          {disconnect.error && <ErrorAlert error={disconnect.error} title="Could not disconnect" />}
          <Text size="sm">
            {who} loses access to {account.name} at once. Your data stays as it is. You can invite an
            accountant again at any time.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={disconnect.isPending}
              onClick={() =>
                disconnect.mutate(undefined, {
                  onSuccess: () => {
                    setConfirming(false);
                    notifications.show({ color: 'teal', message: `${who} no longer has access.` });
                  },
                })
              }
            >
              Disconnect
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}
