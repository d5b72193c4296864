import { Badge, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import type { UserSummary } from '../../../shared/contracts/identity';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useAccountUsers } from './accounts-api';
import { useCurrentAccount } from './current-account';
import { roleLabel } from './labels';

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

function LoadingRows() {
  return (
    <>
      {[0, 1, 2].map((i) => (
        <Table.Tr key={i}>
          {[0, 1, 2, 3].map((j) => (
            <Table.Td key={j}>
              <Skeleton height={14} radius="sm" />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}

/** The users of the current account: Business settings > Users, or Team > Colleagues for a practice. */
export function UsersPage() {
  const { account, me } = useCurrentAccount();
  const users = useAccountUsers(account.id);
  const practice = account.kind === 'practice';
  const title = practice ? 'Colleagues' : 'Users';

  return (
    <Page
      title={title}
      path={practice ? ['Team'] : ['Business settings']}
      description={
        practice
          ? `Everyone who works in ${account.name}, with their role. Colleagues reach the clients the practice serves.`
          : `Everyone who can work in ${account.name}, with their role. Admins manage settings, users and connections.`
      }
    >
      {users.isError && (
        <ErrorAlert
          error={users.error}
          title={`Could not load the ${title.toLowerCase()}`}
          onRetry={() => void users.refetch()}
        />
      )}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-busy={users.isPending}>
            <Table.Caption>
              {users.data
                ? `${users.data.length} ${users.data.length === 1 ? 'person' : 'people'}`
                : 'Loading…'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.isPending && <LoadingRows />}
              {users.data?.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {user.name}
                      </Text>
                      {user.isOwner && (
                        <Badge size="xs" variant="outline" color="docket">
                          Owner
                        </Badge>
                      )}
                      {user.email === me.login.email && (
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
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Text size="xs" c="dimmed">
        Adding, deactivating and removing {practice ? 'colleagues' : 'users'} arrives in a later release.
      </Text>
    </Page>
  );
}
