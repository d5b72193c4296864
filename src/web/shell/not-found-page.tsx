import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';

/** A path the app does not know. Inside an account it shows in the shell; outside, on its own. */
export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  useDocumentTitle('Page not found · Docket');
  const card = (
    <Paper withBorder radius="md" p="xl" maw={520}>
      <Stack gap="sm">
        <Title order={1} fz={22}>
          Page not found
        </Title>
        <Text size="sm" c="dimmed">
          There is no page at this address. It may have moved, or the link may be incomplete.
        </Text>
        <div>
          <Button component={Link} to="/" variant="light">
            Go to your home page
          </Button>
        </div>
      </Stack>
    </Paper>
  );
  if (!standalone) return card;
  return (
    <Center mih="100vh" bg="gray.0" p="md" component="main">
      {card}
    </Center>
  );
}
