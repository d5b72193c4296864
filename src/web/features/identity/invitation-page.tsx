import { Alert, Anchor, Button, Group, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, fieldReason } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { AuthLayout } from './auth-layout';
import { useAcceptInvitation, useInvitation, type Invitation } from './identity-api';

const MIN_PASSWORD = 12;
type Field = 'name' | 'password';

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ name: invitation.name, password: '' });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (values.name.trim() === '') errors.name = 'Is required';
    if (values.password.length < MIN_PASSWORD)
      errors.password = `Must be at least ${MIN_PASSWORD} characters`;
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    accept.mutate(
      { name: values.name.trim(), password: values.password },
      {
        onSuccess: (me) => {
          void navigate(me.currentAccountId === null ? '/' : paths.account(me.currentAccountId), {
            replace: true,
          });
        },
      },
    );
  }

  const error = accept.error;
  const onlyFieldReasons = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Accept the invitation">
      <Stack gap="md">
        {error && !onlyFieldReasons && <ErrorAlert error={error} title="Could not accept the invitation" />}
        <TextInput label="Email" value={invitation.email} readOnly description="Your login email" />
        <TextInput
          label="Your name"
          autoComplete="name"
          required
          value={values.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setValues((v) => ({ ...v, name }));
          }}
          error={local.name ?? fieldReason(error, 'name')}
        />
        <PasswordInput
          label="Choose a password"
          description={`${MIN_PASSWORD} to 128 characters. A short sentence is easy to remember.`}
          autoComplete="new-password"
          required
          value={values.password}
          onChange={(e) => {
            const password = e.currentTarget.value;
            setValues((v) => ({ ...v, password }));
          }}
          error={local.password ?? fieldReason(error, 'password')}
          data-autofocus
        />
        <Button type="submit" loading={accept.isPending}>
          Accept and join {invitation.accountName}
        </Button>
      </Stack>
    </form>
  );
}

/** /invitation?token=: join an account from the emailed invitation, choosing a name and password. */
export function InvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useInvitation(token);
  const info = invitation.data;

  return (
    <AuthLayout
      title={info ? `Join ${info.accountName} on Docket` : 'Your invitation to Docket'}
      subtitle={
        info
          ? `${info.accountName} invited ${info.email}. Choose your password to start.`
          : 'From the link in your email.'
      }
      footer={
        <>
          Already have a login?{' '}
          <Anchor component={Link} to={paths.signIn} size="sm">
            Sign in
          </Anchor>
        </>
      }
    >
      {token === '' ? (
        <Alert color="red" variant="light" title="This link is incomplete" role="alert">
          <Text size="sm">Open the link from the email again, or copy all of it into the address bar.</Text>
        </Alert>
      ) : invitation.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text size="sm">Opening your invitation…</Text>
        </Group>
      ) : invitation.isError ? (
        <ErrorAlert error={invitation.error} title="This invitation cannot be used" />
      ) : info?.hasLogin ? (
        <Stack gap="md">
          <Alert color="blue" variant="light" title="You already have a Docket login" role="status">
            <Text size="sm">
              {info.email} already signs in to Docket. Sign in with it: {info.accountName} appears in your
              account switcher.
            </Text>
          </Alert>
          <Button component={Link} to={paths.signIn}>
            Sign in
          </Button>
        </Stack>
      ) : info ? (
        <AcceptForm token={token} invitation={info} />
      ) : null}
    </AuthLayout>
  );
}
