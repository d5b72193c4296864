import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiError, messageOf } from '../app/api';
import { IconAlert } from './icons';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** What went wrong, in the server's words, with a way to try again when that can help. */
export function ErrorAlert({ error, title = 'Something went wrong', onRetry }: ErrorAlertProps) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlert />} role="alert">
      <Text size="sm">{messageOf(error)}</Text>
      {requestId !== undefined && (
        <Text size="xs" c="dimmed" mt={4}>
          Reference for support: {requestId}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
