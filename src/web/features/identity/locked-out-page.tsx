import { Alert, Anchor, Button, List, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { fieldReason } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { AuthLayout } from './auth-layout';
import { useAskSupport, useMe } from './identity-api';

/** What to do without the authenticator app: the FAQ's answer, in Docket's words. */
export function LockedOutHelp() {
  return (
    <Stack gap="xs">
      <Title order={2} fz="sm" fw={600}>
        Locked out because of two-factor authentication?
      </Title>
      <List size="sm" spacing={4}>
        <List.Item>
          If you can’t use your authenticator app, sign in with one of your 12 backup codes (“Use a backup
          code” on the sign-in page).
        </List.Item>
        <List.Item>
          If you don’t have your backup codes either, ask Docket support to turn two-factor authentication off
          for a while. Support only acts on a request confirmed from your login’s own email address: we email
          a confirmation link there, and nothing reaches a support agent until you open it.
        </List.Item>
        <List.Item>
          Once an agent approves the request, sign in with your password: Docket takes you straight through
          setting up two-factor authentication again.
        </List.Item>
      </List>
      <Text size="xs" c="dimmed">
        Docket deliberately offers no email or SMS codes as a second factor: messages can be intercepted or
        redirected, so they are weaker than an authenticator app.
      </Text>
    </Stack>
  );
}

/** /sign-in/locked-out: ask support to turn 2FA off, confirmed from the login's own email. */
export function LockedOutPage() {
  const me = useMe();
  const ask = useAskSupport();
  const [email, setEmail] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const shownEmail = email ?? me.data?.login.email ?? '';

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (shownEmail.trim() === '') {
      setMissing('Enter the email address you sign in with');
      return;
    }
    setMissing(undefined);
    const trimmedMessage = message.trim();
    ask.mutate({
      email: shownEmail.trim(),
      ...(trimmedMessage === '' ? {} : { message: trimmedMessage }),
    });
  }

  return (
    <AuthLayout
      width={520}
      title="Can’t use your authenticator or backup codes?"
      subtitle="Ask Docket support to turn two-factor authentication off for your login."
      footer={
        <Anchor component={Link} to={paths.signIn} size="sm">
          Back to sign in
        </Anchor>
      }
    >
      <Stack gap="lg">
        <LockedOutHelp />
        {ask.data ? (
          <Alert color="teal" variant="light" title="Check your email" role="status">
            <Text size="sm">{ask.data.message}</Text>
            <Text size="sm" mt={6}>
              Open the link in that email to confirm the request. A support agent reviews it after that.
            </Text>
          </Alert>
        ) : (
          <form onSubmit={onSubmit} noValidate aria-label="Ask support to turn off two-factor authentication">
            <Stack gap="md">
              {ask.isError && <ErrorAlert error={ask.error} title="Could not send the request" />}
              <TextInput
                label="Your login email"
                type="email"
                autoComplete="username"
                required
                value={shownEmail}
                onChange={(e) => {
                  setEmail(e.currentTarget.value);
                }}
                error={missing ?? fieldReason(ask.error, 'email')}
              />
              <Textarea
                label="Anything support should know (optional)"
                description="For example: “My phone was stolen and I no longer have my backup codes.”"
                autosize
                minRows={2}
                maxLength={2000}
                value={message}
                onChange={(e) => {
                  setMessage(e.currentTarget.value);
                }}
              />
              <Button type="submit" loading={ask.isPending}>
                Ask support to turn off two-factor authentication
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </AuthLayout>
  );
}
