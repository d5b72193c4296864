import { Button, Paper, Stack, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { UserSummary } from '../../../shared/contracts/identity';
import { messageOf } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from './current-account';
import { AddedUserAlert, AddUserModal, type AddedUser } from './add-user-form';
import { useInvitations, useInviteUser, useRevokeInvitation } from './users-api';
import { PeopleManager } from '../team/people-manager';
import { AccountSecurity } from './account-security';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Give login access to a user who has none: an invitation by email. */
function InviteButton({ accountId, user }: { accountId: string; user: UserSummary }) {
  const invite = useInviteUser(accountId);
  return (
    <Button
      size="xs"
      variant="subtle"
      aria-label={`Invite ${user.name} to sign in`}
      loading={invite.isPending}
      onClick={() => {
        invite.mutate(user.id, {
          onSuccess: () => {
            notifications.show({ message: `Invitation sent to ${user.email}.`, color: 'teal' });
          },
          onError: (error) => {
            notifications.show({ title: 'Could not invite', message: messageOf(error), color: 'red' });
          },
        });
      }}
    >
      Invite
    </Button>
  );
}

/** Open invitations of the account, with a way to revoke them. */
function OpenInvitations({ accountId }: { accountId: string }) {
  const invitations = useInvitations(accountId, true);
  const revoke = useRevokeInvitation(accountId);
  const open = invitations.data?.filter((i) => i.acceptedAt === null && i.revokedAt === null) ?? [];
  if (invitations.isError) {
    return (
      <ErrorAlert
        error={invitations.error}
        title="Could not load the invitations"
        onRetry={() => void invitations.refetch()}
      />
    );
  }
  if (open.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="open-invitations">
      <Stack gap="sm">
        <Title order={2} fz="lg" fw={600} id="open-invitations">
          Open invitations
        </Title>
        <Table verticalSpacing="xs" aria-label="Open invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td>{inv.email}</Table.Td>
                <Table.Td>{dateFormat.format(new Date(inv.expiresAt))}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Revoke the invitation of ${inv.email}`}
                    loading={revoke.isPending && revoke.variables === inv.id}
                    onClick={() => {
                      revoke.mutate(inv.id, {
                        onError: (error) => {
                          notifications.show({
                            title: 'Could not revoke',
                            message: messageOf(error),
                            color: 'red',
                          });
                        },
                      });
                    }}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/** The users of the current account: Business settings > Users, or Team > Colleagues for a practice. */
export function UsersPage() {
  const { account, me } = useCurrentAccount();
  const practice = account.kind === 'practice';
  const title = practice ? 'Colleagues' : 'Users';
  const canManage = account.role !== 'standard';
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<AddedUser | null>(null);

  return (
    <Page
      title={title}
      path={practice ? ['Team'] : ['Business settings']}
      description={
        practice
          ? `Everyone who works in ${account.name}, with their role. Colleagues reach the clients the practice serves.`
          : `Everyone who can work in ${account.name}, with their role. Admins manage settings, users and connections.`
      }
      actions={
        canManage && (
          <Button
            onClick={() => {
              setAdding(true);
            }}
          >
            Add a user
          </Button>
        )
      }
    >
      {added && (
        <AddedUserAlert
          added={added}
          onClose={() => {
            setAdded(null);
          }}
        />
      )}
      {canManage && (
        <AddUserModal
          account={account}
          opened={adding}
          onClose={() => {
            setAdding(false);
          }}
          onAdded={setAdded}
        />
      )}
      <PeopleManager
        accountId={account.id}
        kind={account.kind}
        actorRole={account.role}
        meEmail={me.login.email}
        hideSingleAdd
        rowExtra={(user) =>
          user.active && !user.canSignIn ? <InviteButton accountId={account.id} user={user} /> : null
        }
      />
      {canManage && <OpenInvitations accountId={account.id} />}
      {canManage && <AccountSecurity accountId={account.id} />}
    </Page>
  );
}
