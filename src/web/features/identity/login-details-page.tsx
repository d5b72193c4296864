import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { ApiError, fieldReason, messageOf } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { IconAlert } from '../../ui/icons';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { describeAccount, kindLabel, roleLabel } from '../accounts/labels';
import {
  useChangeEmail,
  useChangePassword,
  useMergeConfirm,
  useMergePreview,
  useResendVerification,
  type MergePreview,
} from './identity-api';

const MIN_PASSWORD = 12;

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg" fw={600} id={id}>
            {title}
          </Title>
          {description !== undefined && (
            <Text size="sm" c="dimmed" maw={720}>
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xl" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={140}>
        {label}
      </Text>
      <div>{children}</div>
    </Group>
  );
}

/** "Please confirm your email address", with a way to get the email again. */
function ConfirmEmailBanner({ email }: { email: string }) {
  const resend = useResendVerification();
  return (
    <Alert color="yellow" variant="light" icon={<IconAlert />} title="Please confirm your email address">
      <Stack gap="xs">
        <Text size="sm">
          We sent a confirmation link to {email}. Confirming it keeps your login recoverable, and Merge logins
          needs it.
        </Text>
        {resend.isSuccess ? (
          <Text size="sm" fw={500} role="status">
            A new confirmation email is on its way.
          </Text>
        ) : (
          <Group gap="sm">
            <Button
              size="xs"
              variant="white"
              color="yellow"
              loading={resend.isPending}
              onClick={() => {
                resend.mutate();
              }}
            >
              Resend confirmation email
            </Button>
            {resend.isError && (
              <Text size="sm" c="red" role="alert">
                {messageOf(resend.error)}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function ChangePassword() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [local, setLocal] = useState<{ currentPassword?: string; newPassword?: string }>({});

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: { currentPassword?: string; newPassword?: string } = {};
    if (current === '') errors.currentPassword = 'Enter your current password';
    if (next.length < MIN_PASSWORD) errors.newPassword = `Must be at least ${MIN_PASSWORD} characters`;
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          notifications.show({
            message: 'Your password is changed. Your other sessions were signed out.',
            color: 'teal',
          });
        },
      },
    );
  }

  const error = change.error;
  const fieldsOnly = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return (
    <Section title="Password" description="Changing it signs you out everywhere else.">
      <form onSubmit={onSubmit} noValidate aria-label="Change password">
        <Stack gap="sm" maw={420}>
          {error && !fieldsOnly && <ErrorAlert error={error} title="Could not change your password" />}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => {
              setCurrent(e.currentTarget.value);
            }}
            error={local.currentPassword ?? fieldReason(error, 'currentPassword')}
          />
          <PasswordInput
            label="New password"
            description={`${MIN_PASSWORD} to 128 characters.`}
            autoComplete="new-password"
            value={next}
            onChange={(e) => {
              setNext(e.currentTarget.value);
            }}
            error={local.newPassword ?? fieldReason(error, 'newPassword')}
          />
          <div>
            <Button type="submit" variant="default" loading={change.isPending}>
              Change password
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}

function ChangeEmail({ email }: { email: string }) {
  const change = useChangeEmail();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<{ newEmail?: string; password?: string }>({});
  const [sentTo, setSentTo] = useState<string | null>(null);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: { newEmail?: string; password?: string } = {};
    if (newEmail.trim() === '') errors.newEmail = 'Enter the new email address';
    if (password === '') errors.password = 'Enter your password';
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const target = newEmail.trim();
    change.mutate(
      { newEmail: target, password },
      {
        onSuccess: () => {
          setSentTo(target);
          setNewEmail('');
          setPassword('');
        },
      },
    );
  }

  const error = change.error;
  const fieldsOnly = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return (
    <Section
      title="Login email"
      description={`You sign in with ${email}. A new address takes effect once you open the link we send to it.`}
    >
      {sentTo !== null && (
        <Alert color="teal" variant="light" title="Check the new address" role="status">
          <Text size="sm">
            We sent a link to {sentTo}. Until you open it, you keep signing in with {email}.
          </Text>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Change login email">
        <Stack gap="sm" maw={420}>
          {error && !fieldsOnly && <ErrorAlert error={error} title="Could not change your login email" />}
          <TextInput
            label="New login email"
            type="email"
            autoComplete="email"
            value={newEmail}
            onChange={(e) => {
              setNewEmail(e.currentTarget.value);
            }}
            error={local.newEmail ?? fieldReason(error, 'newEmail')}
          />
          <PasswordInput
            label="Your password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
            }}
            error={local.password ?? fieldReason(error, 'password')}
          />
          <div>
            <Button type="submit" variant="default" loading={change.isPending}>
              Send confirmation link
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}

function MergeConfirmation({
  preview,
  keepEmail,
  onCancel,
  onMerged,
}: {
  preview: MergePreview;
  keepEmail: string;
  onCancel: () => void;
  onMerged: (accounts: number) => void;
}) {
  const confirm = useMergeConfirm();
  const other = preview.other;
  return (
    <Stack gap="md" role="region" aria-label="Confirm the merge">
      <Text size="sm">
        <b>{other.email}</b> will be merged into <b>{keepEmail}</b>, the login you are signed in with.
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {other.accounts.length === 0
            ? `${other.email} has no accounts.`
            : `These accounts of ${other.email} move to ${keepEmail}:`}
        </Text>
        {other.accounts.length > 0 && (
          <List size="sm" spacing={2} aria-label="Accounts that move">
            {other.accounts.map((a) => (
              <List.Item key={a.id}>
                {a.name} ({kindLabel[a.kind]} · {roleLabel[a.role]})
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Alert color="red" variant="light" icon={<IconAlert />} title="This is permanent">
        <Text size="sm">
          It cannot be undone. {other.email} stops being a login: its password, sessions and two-factor
          authentication are deleted, and you sign in to all the accounts with {keepEmail}. Where both logins
          work in the same account, the stronger role stays. Documents, owners and history do not change. Both
          addresses get an email about the merge.
        </Text>
      </Alert>
      {confirm.isError && <ErrorAlert error={confirm.error} title="Could not merge the logins" />}
      <Group gap="sm">
        <Button
          color="red"
          loading={confirm.isPending}
          onClick={() => {
            confirm.mutate(preview.mergeToken, {
              onSuccess: (me) => {
                onMerged(me.accounts.length);
              },
            });
          }}
        >
          Merge logins permanently
        </Button>
        <Button variant="default" onClick={onCancel} disabled={confirm.isPending}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

function MergeLogins({ email, verified }: { email: string; verified: boolean }) {
  const preview = useMergePreview();
  const [otherEmail, setOtherEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [local, setLocal] = useState<{ email?: string; password?: string }>({});
  const [merged, setMerged] = useState<{ email: string; accounts: number } | null>(null);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: { email?: string; password?: string } = {};
    if (otherEmail.trim() === '') errors.email = 'Enter the other login’s email';
    if (password === '') errors.password = 'Enter the other login’s password';
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    setMerged(null);
    const trimmedCode = code.replace(/\s+/g, '');
    preview.mutate({
      email: otherEmail.trim(),
      password,
      ...(trimmedCode === '' ? {} : { code: trimmedCode }),
    });
  }

  function startAgain() {
    preview.reset();
    setPassword('');
    setCode('');
  }

  const error = preview.error;
  return (
    <Section
      title="Merge logins"
      description="Have a second Docket login for other accounts? Merge it into this one: you then sign in once and see every account in the account switcher."
    >
      {merged !== null && (
        <Alert color="teal" variant="light" title="Logins merged" role="status">
          <Text size="sm">
            {merged.email} is merged into {email}. Your account switcher now lists {merged.accounts}{' '}
            {merged.accounts === 1 ? 'account' : 'accounts'}.
          </Text>
        </Alert>
      )}
      {!verified && (
        <Text size="sm" c="dimmed">
          Merging needs the email address of this login to be confirmed first (see the banner above).
        </Text>
      )}
      {preview.data ? (
        <MergeConfirmation
          preview={preview.data}
          keepEmail={email}
          onCancel={startAgain}
          onMerged={(accounts) => {
            setMerged({ email: preview.data.other.email, accounts });
            setOtherEmail('');
            startAgain();
          }}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Merge logins">
          <Stack gap="sm" maw={560}>
            {error && <ErrorAlert error={error} title="Could not check the other login" />}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Other login’s email"
                type="email"
                autoComplete="off"
                value={otherEmail}
                onChange={(e) => {
                  setOtherEmail(e.currentTarget.value);
                }}
                error={local.email ?? fieldReason(error, 'email')}
              />
              <PasswordInput
                label="Other login’s password"
                autoComplete="off"
                value={password}
                onChange={(e) => {
                  setPassword(e.currentTarget.value);
                }}
                error={local.password ?? (fieldReason(error, 'password') ? 'Not right' : undefined)}
              />
            </SimpleGrid>
            <TextInput
              label="Other login’s two-factor code"
              description="Only when the other login uses two-factor authentication: a code from its app, or one of its backup codes."
              autoComplete="off"
              maw={270}
              value={code}
              onChange={(e) => {
                setCode(e.currentTarget.value);
              }}
              error={fieldReason(error, 'code') ? 'Needed for this login' : undefined}
            />
            <div>
              <Button type="submit" loading={preview.isPending}>
                Check the other login
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Section>
  );
}

/** User settings > Login details: email, password, and Merge logins. */
export function LoginDetailsPage() {
  const { me } = useCurrentAccount();
  return (
    <Page
      title="Login details"
      path={['User settings']}
      description="The login you sign in with. One login can work in many accounts."
    >
      {!me.login.emailVerified && <ConfirmEmailBanner email={me.login.email} />}
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Detail label="Name">
            <Text size="sm">{me.login.name}</Text>
          </Detail>
          <Detail label="Email">
            <Group gap="xs">
              <Text size="sm">{me.login.email}</Text>
              {me.login.emailVerified ? (
                <Badge size="sm" variant="light" color="teal">
                  Verified
                </Badge>
              ) : (
                <Badge size="sm" variant="light" color="yellow">
                  Not verified yet
                </Badge>
              )}
            </Group>
          </Detail>
          <Detail label="Accounts">
            <Stack gap={2}>
              {me.accounts.map((a) => (
                <Text size="sm" key={a.id}>
                  {a.name}{' '}
                  <Text span size="xs" c="dimmed">
                    {describeAccount(a)}
                  </Text>
                </Text>
              ))}
            </Stack>
          </Detail>
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ChangeEmail email={me.login.email} />
        <ChangePassword />
      </SimpleGrid>
      <MergeLogins email={me.login.email} verified={me.login.emailVerified} />
    </Page>
  );
}
