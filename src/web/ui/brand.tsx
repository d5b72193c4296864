import { Group, Text } from '@mantine/core';

/** The Docket mark and word. */
export function Brand({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-docket-6)" />
        <path
          d="M10 7h7.5a7.5 7.5 0 0 1 7.5 7.5v3A7.5 7.5 0 0 1 17.5 25H10z"
          fill="none"
          stroke="#fff"
          strokeWidth="3"
          strokeLinejoin="round"
        />
        <path d="M14 13h5M14 17.5h5" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      <Text fw={700} fz="lg" lh={1} c="dark.8">
        Docket
      </Text>
    </Group>
  );
}
