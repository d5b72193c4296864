import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, fieldReason } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { FullPageLoader } from '../../ui/full-page-loader';
import { AuthLayout, safeNext } from './auth-layout';
import { useMe, useSignIn } from './identity-api';
import { pathForStage, withNext } from './session-stage';

type Field = 'email' | 'password';

export function SignInPage() {
  const me = useMe();
  const signIn = useSignIn();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});

  const next = safeNext(params.get('next'));
  if (me.isPending) return <FullPageLoader />;
  // A login part-way through signing in (2FA still owed) may start again here with a password.
  if (me.data?.stage === 'full') return <Navigate to={next ?? '/'} replace />;

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (email.trim() === '') errors.email = 'Enter your email';
    if (password === '') errors.password = 'Enter your password';
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (signedIn) => {
          const stagePath = pathForStage(signedIn);
          if (stagePath !== null) void navigate(withNext(stagePath, next), { replace: true });
        },
      },
    );
  }

  const error = signIn.error;
  const hasFieldReasons = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return (
    <AuthLayout
      title="Sign in to Docket"
      subtitle="Your receipts, bills and sales invoices, ready for your books."
      footer={
        <>
          New to Docket?{' '}
          <Anchor component={Link} to={paths.signUp} size="sm">
            Start a free trial
          </Anchor>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate aria-label="Sign in">
        <Stack gap="md">
          {error && !hasFieldReasons && <ErrorAlert error={error} title="Could not sign you in" />}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
            }}
            error={missing.email ?? fieldReason(error, 'email')}
            data-autofocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
            }}
            error={missing.password ?? fieldReason(error, 'password')}
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor
              component={Link}
              to={
                email.trim() === ''
                  ? paths.forgotPassword
                  : `${paths.forgotPassword}?email=${encodeURIComponent(email.trim())}`
              }
              size="sm"
            >
              Forgot password?
            </Anchor>
          </Group>
          <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
