import { Anchor, Box, Group, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Brand } from '../../ui/brand';

/** Operator pages outside any customer account: the support console and the demo mailbox. */
export function StandaloneLayout({
  title,
  aside,
  children,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(`${title} · Docket`);
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h={60} px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Anchor component={Link} to="/" aria-label="Docket home" underline="never">
              <Brand />
            </Anchor>
            <Text fw={600} c="dimmed">
              {title}
            </Text>
          </Group>
          {aside}
        </Group>
      </Box>
      <Box component="main" p={{ base: 'md', sm: 'xl' }}>
        {children}
      </Box>
    </Box>
  );
}
