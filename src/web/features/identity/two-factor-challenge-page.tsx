import { Anchor, Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { fieldReason } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { FullPageLoader } from '../../ui/full-page-loader';
import { AuthLayout, safeNext } from './auth-layout';
import { useAnswerChallenge, useMe, useSignOut } from './identity-api';
import { pathForStage, withNext } from './session-stage';

type Method = 'app' | 'backup';

/** /sign-in/two-factor: the second step of signing in, with an authenticator code or a backup code. */
export function TwoFactorChallengePage() {
  const me = useMe();
  const answer = useAnswerChallenge();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [method, setMethod] = useState<Method>('app');
  const [value, setValue] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const [missing, setMissing] = useState<string | undefined>();

  if (me.isPending) return <FullPageLoader />;
  if (!me.data) return <Navigate to={withNext(paths.signIn, next)} replace />;
  if (me.data.stage !== 'mfa') {
    return <Navigate to={pathForStage(me.data) ?? next ?? '/'} replace />;
  }

  function switchTo(nextMethod: Method) {
    setMethod(nextMethod);
    setValue('');
    setMissing(undefined);
    answer.reset();
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = value.trim();
    if (method === 'app' && !/^\d{6}$/.test(trimmed.replace(/\s+/g, ''))) {
      setMissing('Enter the 6-digit code from your authenticator app');
      return;
    }
    if (method === 'backup' && trimmed === '') {
      setMissing('Enter one of your backup codes');
      return;
    }
    setMissing(undefined);
    const body = method === 'app' ? { code: trimmed.replace(/\s+/g, '') } : { backupCode: trimmed };
    answer.mutate(
      { ...body, trustDevice },
      {
        onSuccess: () => {
          void navigate(next ?? '/', { replace: true });
        },
      },
    );
  }

  const field = method === 'app' ? 'code' : 'backupCode';
  const rejected = answer.isError && fieldReason(answer.error, field) !== undefined;
  return (
    <AuthLayout
      title="Two-factor authentication"
      subtitle={
        method === 'app'
          ? `Enter the code your authenticator app shows for ${me.data.login.email}.`
          : 'Enter one of the 12 backup codes you saved when you set up two-factor authentication. Each code works once.'
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
          Sign in with another login
        </Anchor>
      }
    >
      <form onSubmit={onSubmit} noValidate aria-label="Two-factor authentication">
        <Stack gap="md">
          {answer.isError && !rejected && <ErrorAlert error={answer.error} title="Could not sign you in" />}
          {rejected && (
            <ErrorAlert
              error={answer.error}
              title={method === 'app' ? 'Code not accepted' : 'Backup code not accepted'}
            />
          )}
          {method === 'app' ? (
            <TextInput
              key="code"
              label="Authentication code"
              description="6 digits, from your authenticator app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={10}
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
              }}
              error={missing ?? (rejected ? 'Not accepted' : undefined)}
              data-autofocus
              autoFocus
            />
          ) : (
            <TextInput
              key="backup"
              label="Backup code"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={40}
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
              }}
              error={missing ?? (rejected ? 'Not accepted' : undefined)}
              autoFocus
            />
          )}
          <Checkbox
            label="Don't ask again on this device for 30 days"
            checked={trustDevice}
            onChange={(e) => {
              setTrustDevice(e.currentTarget.checked);
            }}
          />
          <Button type="submit" fullWidth loading={answer.isPending}>
            Verify and sign in
          </Button>
          <Stack gap={4} align="center">
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                switchTo(method === 'app' ? 'backup' : 'app');
              }}
            >
              {method === 'app' ? 'Use a backup code' : 'Use my authenticator app'}
            </Anchor>
            <Anchor component={Link} to={paths.lockedOut} size="sm">
              I can’t use my authenticator or backup codes
            </Anchor>
          </Stack>
          <Text size="xs" c="dimmed" ta="center">
            Docket offers no email or SMS codes: they are easier to intercept than an authenticator app.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
