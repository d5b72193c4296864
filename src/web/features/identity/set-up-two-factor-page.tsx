import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths';
import { FullPageLoader } from '../../ui/full-page-loader';
import { AuthLayout, safeNext } from './auth-layout';
import { useMe, useRefreshMe, useSignOut } from './identity-api';
import { pathForStage, withNext } from './session-stage';
import { TwoFactorSetup } from './two-factor-setup';

/**
 * /sign-in/set-up-two-factor: signing in where two-factor authentication must be set up first
 * (an account requires it, or support turned it off at the login's request).
 */
export function SetUpTwoFactorPage() {
  const me = useMe();
  const refreshMe = useRefreshMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  // Confirming the code completes the session on the server; the backup codes stay on screen until read.
  const [confirmed, setConfirmed] = useState(false);

  if (me.isPending) return <FullPageLoader />;
  if (!me.data) return <Navigate to={withNext(paths.signIn, next)} replace />;
  if (me.data.stage !== 'setup_mfa' && !confirmed) {
    return <Navigate to={pathForStage(me.data) ?? next ?? '/'} replace />;
  }

  return (
    <AuthLayout
      width={640}
      title="Set up two-factor authentication"
      subtitle={
        <>
          Your login ({me.data.login.email}) needs two-factor authentication before you continue: an account
          you work in requires it, or it was turned off at your request. It takes a minute with an
          authenticator app on your phone.
        </>
      }
      footer={
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            signOut.mutate(undefined, {
              onSuccess: () => void navigate(paths.signIn, { replace: true }),
            });
          }}
        >
          Sign out
        </Anchor>
      }
    >
      <TwoFactorSetup
        email={me.data.login.email}
        onConfirmed={() => {
          setConfirmed(true);
        }}
        onFinished={() => {
          void refreshMe().then(() => navigate(next ?? '/', { replace: true }));
        }}
      />
      <Text size="xs" c="dimmed" mt="lg">
        Docket offers no email or SMS codes: they are easier to intercept than an authenticator app.
      </Text>
    </AuthLayout>
  );
}
