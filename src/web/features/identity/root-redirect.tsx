import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Navigate } from 'react-router';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { FullPageLoader } from '../../ui/full-page-loader';
import { useMe, useSignOut } from './identity-api';
import { pathForStage } from './session-stage';

function NoAccountYet({ email }: { email: string }) {
  const signOut = useSignOut();
  return (
    <Center mih="100vh" bg="gray.0" p="md" component="main">
      <Paper withBorder radius="md" p="xl" maw={480}>
        <Stack gap="sm">
          <Title order={1} fz={22}>
            Your login has no account yet
          </Title>
          <Text size="sm" c="dimmed">
            {email} is not a user of any practice or business in Docket. Ask an Admin of the account you work
            in to add you with this email address.
          </Text>
          <Button
            variant="default"
            onClick={() => {
              signOut.mutate();
            }}
            loading={signOut.isPending}
          >
            Sign out
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

/** `/`: the signed-in login's current account, or the sign-in page. */
export function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <ErrorAlert
          error={me.error}
          title="Docket could not load your login"
          onRetry={() => void me.refetch()}
        />
      </Center>
    );
  }
  if (me.data === null) return <Navigate to={paths.signIn} replace />;
  const stagePath = pathForStage(me.data);
  if (stagePath !== null) return <Navigate to={stagePath} replace />;
  if (me.data.currentAccountId === null) {
    if (me.data.isSupportAgent) return <Navigate to={paths.supportConsole} replace />;
    return <NoAccountYet email={me.data.login.email} />;
  }
  return <Navigate to={paths.account(me.data.currentAccountId)} replace />;
}
