import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { messageOf } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { FullPageLoader } from '../../ui/full-page-loader';
import { useMe, useSignOut } from '../identity/identity-api';
import { formatDateTime } from '../identity/security-labels';
import { pathForStage, withNext } from '../identity/session-stage';
import { StandaloneLayout } from './standalone-layout';
import { useDecideRequest, useSupportRequests, type SupportRequestRow } from './support-api';

const statusBadge: Record<SupportRequestRow['status'], { label: string; color: string }> = {
  awaiting_confirmation: { label: 'Awaiting confirmation', color: 'gray' },
  confirmed: { label: 'Confirmed by email', color: 'blue' },
  approved: { label: 'Approved', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
};

const kindLabel: Record<string, string> = { disable_2fa: 'Turn off two-factor authentication' };

function RequestRow({ request }: { request: SupportRequestRow }) {
  const decide = useDecideRequest();
  const badge = statusBadge[request.status];
  function run(approve: boolean) {
    decide.mutate(
      { id: request.id, approve },
      {
        onSuccess: () => {
          notifications.show({
            message: `${approve ? 'Approved' : 'Rejected'}: ${request.email}. They were told by email.`,
            color: approve ? 'teal' : 'gray',
          });
        },
        onError: (error) => {
          notifications.show({ title: 'Could not decide', message: messageOf(error), color: 'red' });
        },
      },
    );
  }
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {request.name}
        </Text>
        <Text size="xs" c="dimmed">
          {request.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{kindLabel[request.kind] ?? request.kind}</Text>
        {request.message !== null && (
          <Text size="xs" c="dimmed" maw={320} style={{ whiteSpace: 'pre-wrap' }}>
            “{request.message}”
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{request.channel === 'web' ? 'Sign-in page' : 'Email to support'}</Text>
        <Text size="xs" c="dimmed">
          Asked {formatDateTime(request.createdAt)}
        </Text>
        {request.confirmedAt !== null && (
          <Text size="xs" c="dimmed">
            Confirmed {formatDateTime(request.confirmedAt)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={badge.color} variant="light">
          {badge.label}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        {request.status === 'confirmed' ? (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            <Button
              size="xs"
              aria-label={`Approve the request of ${request.email}`}
              loading={decide.isPending && decide.variables.approve}
              disabled={decide.isPending}
              onClick={() => {
                run(true);
              }}
            >
              Approve
            </Button>
            <Button
              size="xs"
              variant="default"
              aria-label={`Reject the request of ${request.email}`}
              loading={decide.isPending && !decide.variables.approve}
              disabled={decide.isPending}
              onClick={() => {
                run(false);
              }}
            >
              Reject
            </Button>
          </Group>
        ) : (
          request.decidedAt !== null && (
            <Text size="xs" c="dimmed">
              {formatDateTime(request.decidedAt)}
            </Text>
          )
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Requests() {
  const requests = useSupportRequests();
  const waiting = requests.data?.filter((r) => r.status === 'confirmed').length ?? 0;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} fz={26} fw={650}>
          Two-factor reset requests
        </Title>
        <Text size="sm" c="dimmed" mt={6} maw={760}>
          Only requests confirmed from the login’s own email address reach this list. Approving turns
          two-factor authentication off until the person’s next sign-in, which makes them set it up again.
          Every decision is audit-logged and emailed to the login.
        </Text>
      </div>
      {requests.isError && (
        <ErrorAlert
          error={requests.error}
          title="Could not load the requests"
          onRetry={() => void requests.refetch()}
        />
      )}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Support requests">
            <Table.Caption>
              {requests.data
                ? `${waiting} waiting for a decision, ${requests.data.length} in all`
                : 'Loading…'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Login</Table.Th>
                <Table.Th>Request</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th aria-label="Decision" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Skeleton height={40} />
                  </Table.Td>
                </Table.Tr>
              )}
              {requests.data?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      No requests yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {requests.data?.map((r) => (
                <RequestRow key={r.id} request={r} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}

/** /support: the support console, for Docket support agents (operators), apart from customer accounts. */
export function SupportConsolePage() {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (!me.data) return <Navigate to={withNext(paths.signIn, location.pathname)} replace />;
  const stagePath = pathForStage(me.data);
  if (stagePath !== null) return <Navigate to={withNext(stagePath, location.pathname)} replace />;

  return (
    <StandaloneLayout
      title="Support console"
      aside={
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" c="dimmed" visibleFrom="sm">
            {me.data.login.email}
          </Text>
          <Button
            size="xs"
            variant="default"
            loading={signOut.isPending}
            onClick={() => {
              signOut.mutate(undefined, { onSuccess: () => void navigate(paths.signIn, { replace: true }) });
            }}
          >
            Sign out
          </Button>
        </Group>
      }
    >
      {me.data.isSupportAgent ? (
        <Requests />
      ) : (
        <Paper withBorder radius="md" p="xl" maw={560}>
          <Stack gap="sm">
            <Title order={1} fz={22}>
              This page is for Docket support agents
            </Title>
            <Text size="sm" c="dimmed">
              Support agents are operators of this Docket installation, added with{' '}
              <code>docket support add-agent EMAIL</code>. Your login ({me.data.login.email}) is not one.
            </Text>
          </Stack>
        </Paper>
      )}
    </StandaloneLayout>
  );
}
