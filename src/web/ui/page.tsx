import { Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface PageProps {
  title: string;
  /** Where the page sits in the product, e.g. ['Practice settings', 'Subscription']. */
  path?: readonly string[];
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** A page of the app: where it is, what it is for, then its content. */
export function Page({ title, path = [], description, actions, children }: PageProps) {
  useDocumentTitle(`${[...path, title].join(' › ')} · Docket`);
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Box>
          {path.length > 0 && (
            <Breadcrumbs separator="›" separatorMargin={6} mb={4} aria-label="Where you are">
              {path.map((step) => (
                <Text key={step} size="sm" c="dimmed">
                  {step}
                </Text>
              ))}
            </Breadcrumbs>
          )}
          <Title order={1} fz={26} fw={650} c="dark.8">
            {title}
          </Title>
          {description !== undefined && (
            <Text c="dimmed" size="sm" mt={6} maw={720}>
              {description}
            </Text>
          )}
        </Box>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
