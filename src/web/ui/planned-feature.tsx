import { Badge, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconClock } from './icons';

interface PlannedFeatureProps {
  /** One sentence: what this page is for. */
  summary: ReactNode;
  /** What people will be able to do here once the feature lands. */
  willLetYou: readonly string[];
  footnote?: ReactNode;
}

/** An honest placeholder: this part of Docket is not built yet, and here is what it will do. */
export function PlannedFeature({ summary, willLetYou, footnote }: PlannedFeatureProps) {
  return (
    <Paper withBorder radius="md" p="xl" role="region" aria-label="Not available yet">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color="gray" size={40} radius="md">
            <IconClock size={22} />
          </ThemeIcon>
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600}>This page is not available yet</Text>
              <Badge variant="light" color="gray" size="sm">
                Coming in a later release
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {summary}
            </Text>
          </Stack>
        </Group>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            When it arrives, you will be able to:
          </Text>
          <List size="sm" spacing={4} withPadding>
            {willLetYou.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Stack>
        {footnote !== undefined && (
          <Text size="xs" c="dimmed">
            {footnote}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
