import { Alert, Anchor, Button, Loader, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fieldReason } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { AuthLayout } from './auth-layout';
import { useCompletePasswordReset, useMe, useRequestPasswordReset, useTokenAction } from './identity-api';

const MIN_PASSWORD = 12;

function useToken(): string {
  const [params] = useSearchParams();
  return params.get('token') ?? '';
}

/** The way on from a link page: into Docket when signed in, to sign in otherwise. */
function OnwardLink() {
  const me = useMe();
  const signedIn = me.data?.stage === 'full';
  return (
    <Anchor component={Link} to={signedIn ? '/' : paths.signIn} size="sm">
      {signedIn ? 'Go to Docket' : 'Go to sign in'}
    </Anchor>
  );
}

function MissingToken() {
  return (
    <Alert color="red" variant="light" title="This link is incomplete" role="alert">
      <Text size="sm">Open the link from the email again, or copy all of it into the address bar.</Text>
    </Alert>
  );
}

interface AutoLinkPageProps {
  title: string;
  apiPath: string;
  working: string;
  done: ReactNode;
  failedTitle: string;
}

/** A link page that acts as soon as it opens (confirming an address), once. */
function AutoLinkPage({ title, apiPath, working, done, failedTitle }: AutoLinkPageProps) {
  const token = useToken();
  const action = useTokenAction(apiPath);
  const sent = useRef(false);
  const { mutate } = action;
  useEffect(() => {
    if (sent.current || token === '') return;
    sent.current = true;
    mutate(token);
  }, [mutate, token]);

  return (
    <AuthLayout title={title} subtitle="From the link in your email." footer={<OnwardLink />}>
      {token === '' ? (
        <MissingToken />
      ) : action.isSuccess ? (
        <Alert color="teal" variant="light" title="Done" role="status">
          <Text size="sm">{done}</Text>
        </Alert>
      ) : action.isError ? (
        <ErrorAlert error={action.error} title={failedTitle} />
      ) : (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text size="sm">{working}</Text>
        </Group>
      )}
    </AuthLayout>
  );
}

/** /verify-email?token=: confirms the login's email address. */
export function VerifyEmailPage() {
  return (
    <AutoLinkPage
      title="Confirm your email address"
      apiPath="/api/auth/verify-email"
      working="Confirming your email address…"
      done="Your email address is confirmed. Thank you."
      failedTitle="Could not confirm your email address"
    />
  );
}

/** /confirm-email-change?token=: makes the new address the login email. */
export function ConfirmEmailChangePage() {
  return (
    <AutoLinkPage
      title="Confirm your new login email"
      apiPath="/api/auth/confirm-email-change"
      working="Confirming your new login email…"
      done="Your login email is changed. Sign in with the new address from now on."
      failedTitle="Could not change your login email"
    />
  );
}

/** /support/confirm?token=: the login confirms, from its own mailbox, that it asked support to turn 2FA off. */
export function SupportConfirmPage() {
  const token = useToken();
  const action = useTokenAction('/api/auth/support/confirm');
  return (
    <AuthLayout
      title="Confirm your support request"
      subtitle="You asked Docket support to turn off two-factor authentication for your login."
      footer={<OnwardLink />}
    >
      {token === '' ? (
        <MissingToken />
      ) : action.isSuccess ? (
        <Alert color="teal" variant="light" title="Request confirmed" role="status">
          <Text size="sm">
            A Docket support agent will review it. You will get an email when they decide; then sign in with
            your password and set up two-factor authentication again.
          </Text>
        </Alert>
      ) : (
        <Stack gap="md">
          {action.isError && <ErrorAlert error={action.error} title="Could not confirm the request" />}
          <Text size="sm">
            Only confirm if you made this request. If you did not, close this page: nothing changes.
          </Text>
          <Button
            loading={action.isPending}
            onClick={() => {
              action.mutate(token);
            }}
          >
            Confirm my request
          </Button>
        </Stack>
      )}
    </AuthLayout>
  );
}

/** /forgot-password: emails a reset link (the same answer whether or not the email has a login). */
export function ForgotPasswordPage() {
  const [params] = useSearchParams();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [missing, setMissing] = useState<string | undefined>();

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (email.trim() === '') {
      setMissing('Enter your email');
      return;
    }
    setMissing(undefined);
    request.mutate(email.trim());
  }

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="We email you a link to choose a new password."
      footer={
        <Anchor component={Link} to={paths.signIn} size="sm">
          Back to sign in
        </Anchor>
      }
    >
      {request.data ? (
        <Alert color="teal" variant="light" title="Check your email" role="status">
          <Text size="sm">{request.data.message} The link works for one hour.</Text>
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Reset your password">
          <Stack gap="md">
            {request.isError && <ErrorAlert error={request.error} title="Could not send the link" />}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
              }}
              error={missing ?? fieldReason(request.error, 'email')}
              data-autofocus
            />
            <Button type="submit" loading={request.isPending}>
              Email me a reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

/** /reset-password?token=: choose a new password (every session of the login ends). */
export function ResetPasswordPage() {
  const token = useToken();
  const reset = useCompletePasswordReset();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | undefined>();

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setMissing(`Must be at least ${MIN_PASSWORD} characters`);
      return;
    }
    setMissing(undefined);
    reset.mutate({ token, password });
  }

  const reason = fieldReason(reset.error, 'password');
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="Every session of your login ends: sign in again with the new password."
      footer={
        <Anchor component={Link} to={paths.signIn} size="sm">
          Back to sign in
        </Anchor>
      }
    >
      {token === '' ? (
        <MissingToken />
      ) : reset.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" title="Password changed" role="status">
            <Text size="sm">Your new password is set. Sign in with it now.</Text>
          </Alert>
          <Button component={Link} to={paths.signIn}>
            Sign in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Choose a new password">
          <Stack gap="md">
            {reset.isError && reason === undefined && (
              <ErrorAlert error={reset.error} title="Could not change your password" />
            )}
            <PasswordInput
              label="New password"
              description={`${MIN_PASSWORD} to 128 characters. A short sentence is easy to remember.`}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
              }}
              error={missing ?? reason}
              data-autofocus
            />
            <Button type="submit" loading={reset.isPending}>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
