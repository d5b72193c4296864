import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Brand } from '../../ui/brand';

interface AuthLayoutProps {
  title: string;
  subtitle: ReactNode;
  children: ReactNode;
  footer: ReactNode;
  width?: number;
}

/** The frame of the signed-out pages: the Docket mark, one card, and a way to the other page. */
export function AuthLayout({ title, subtitle, children, footer, width = 420 }: AuthLayoutProps) {
  useDocumentTitle(`${title} · Docket`);
  return (
    <Box component="main" mih="100vh" bg="gray.0" py={48} px="md">
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Center>
            <Brand size={34} />
          </Center>
          <Paper withBorder shadow="sm" radius="md" p={32}>
            <Stack gap={4} mb="lg">
              <Title order={1} fz={22} fw={650}>
                {title}
              </Title>
              <Text size="sm" c="dimmed">
                {subtitle}
              </Text>
            </Stack>
            {children}
          </Paper>
          <Text ta="center" size="sm" c="dimmed">
            {footer}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}

/** Where to go after signing in: only a path inside this app (never another site). */
export function safeNext(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
