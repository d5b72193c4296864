import { Anchor, Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime } from '../identity/security-labels';
import { StandaloneLayout } from './standalone-layout';
import { useMailbox, type MailboxMessage } from './support-api';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The text of an email with its links clickable. */
function Body({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Anchor key={i} href={part} inherit>
            {part}
          </Anchor>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}

function Message({ message }: { message: MailboxMessage }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`${message.subject}, to ${message.to}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} fz="md" fw={600}>
            {message.subject}
          </Title>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          To: {message.to}
        </Text>
        <Body text={message.text} />
      </Stack>
    </Paper>
  );
}

/** /dev/mailbox: the mail Docket would have sent, when it runs in demo mode without an SMTP relay. */
export function MailboxPage() {
  const mailbox = useMailbox();
  const [filter, setFilter] = useState('');
  const wanted = filter.trim().toLowerCase();
  const messages = mailbox.data?.filter((m) => wanted === '' || m.to.toLowerCase().includes(wanted));

  return (
    <StandaloneLayout
      title="Mailbox (demo)"
      aside={
        <Button
          size="xs"
          variant="default"
          loading={mailbox.isFetching}
          onClick={() => void mailbox.refetch()}
        >
          Refresh
        </Button>
      }
    >
      <Stack gap="lg" maw={860}>
        <div>
          <Title order={1} fz={26} fw={650}>
            Mailbox (demo)
          </Title>
          <Text size="sm" c="dimmed" mt={6}>
            Without an SMTP relay (SMTP_URL), Docket keeps the mail it would send here, newest first. Only
            this machine can read it, and only in demo mode.
          </Text>
        </div>
        <TextInput
          label="Recipient"
          placeholder="Show mail to this address"
          value={filter}
          onChange={(e) => {
            setFilter(e.currentTarget.value);
          }}
          maw={360}
        />
        {mailbox.isError && (
          <ErrorAlert
            error={mailbox.error}
            title="The mailbox is not available"
            onRetry={() => void mailbox.refetch()}
          />
        )}
        {mailbox.isPending && <Skeleton height={120} radius="md" />}
        {messages?.length === 0 && (
          <Text size="sm" c="dimmed">
            No mail{wanted === '' ? '' : ` to ${filter.trim()}`} yet.
          </Text>
        )}
        {messages?.map((m) => (
          <Message key={m.id} message={m} />
        ))}
      </Stack>
    </StandaloneLayout>
  );
}
