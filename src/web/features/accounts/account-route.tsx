import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { Me } from '../../../shared/contracts/identity';
import { homeOf, paths } from '../../app/paths';
import { AppShellLayout } from '../../shell/app-shell';
import { ErrorAlert } from '../../ui/error-alert';
import { FullPageLoader } from '../../ui/full-page-loader';
import { useMe } from '../identity/identity-api';
import { useAccount, useSwitchAccount } from './accounts-api';
import { CurrentAccountProvider } from './current-account';

/** Keeps the session's current account in step with the URL, e.g. after opening a link to another account. */
function useSessionFollowsUrl(accountId: string, me: Me) {
  const { mutate } = useSwitchAccount();
  const attempted = useRef<string | null>(null);
  const belongs = me.accounts.some((a) => a.id === accountId);
  useEffect(() => {
    if (!belongs || me.currentAccountId === accountId || attempted.current === accountId) return;
    attempted.current = accountId;
    mutate(accountId);
  }, [accountId, belongs, me.currentAccountId, mutate]);
}

function NoAccess({ me }: { me: Me }) {
  const home = me.currentAccountId ?? me.accounts[0]?.id;
  const account = me.accounts.find((a) => a.id === home);
  return (
    <Center mih="100vh" bg="gray.0" p="md" component="main">
      <Paper withBorder radius="md" p="xl" maw={480}>
        <Stack gap="sm">
          <Title order={1} fz={22}>
            This account is not one of yours
          </Title>
          <Text size="sm" c="dimmed">
            The link points to an account your login ({me.login.email}) cannot open. Ask an Admin of that
            account to add you as a user, or go back to your own accounts.
          </Text>
          {account && (
            <Button component={Link} to={homeOf(account.id, account.kind)} mt="xs">
              Go to {account.name}
            </Button>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

function SignedInAccount({ me, accountId }: { me: Me; accountId: string }) {
  useSessionFollowsUrl(accountId, me);
  const member = me.accounts.find((a) => a.id === accountId);
  // Practice staff reach their clients without being members: the server says whether this login may open it.
  const reached = useAccount(accountId);
  const account = useMemo(
    () =>
      member ??
      (reached.data
        ? {
            id: reached.data.id,
            kind: reached.data.kind,
            name: reached.data.name,
            role: 'admin' as const,
            via: 'practice' as const,
          }
        : undefined),
    [member, reached.data],
  );
  const value = useMemo(() => (account ? { account, me } : null), [account, me]);
  if (!value && !member && reached.isPending) return <FullPageLoader />;
  if (!value) return <NoAccess me={me} />;
  return (
    <CurrentAccountProvider value={value}>
      <AppShellLayout />
    </CurrentAccountProvider>
  );
}

/** /a/:accountId: needs a session and an account of this login, then shows the app shell. */
export function AccountRoute() {
  const { accountId = '' } = useParams();
  const location = useLocation();
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
  if (me.data === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${paths.signIn}?next=${next}`} replace />;
  }
  return <SignedInAccount me={me.data} accountId={accountId} />;
}

/** /a/:accountId with nothing after it: the account's home page. */
export function AccountIndex() {
  const { accountId = '' } = useParams();
  const me = useMe();
  const account = me.data?.accounts.find((a) => a.id === accountId);
  if (!account) return null;
  return <Navigate to={homeOf(account.id, account.kind)} replace />;
}
