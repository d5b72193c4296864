import { Alert, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlert } from '../../ui/icons';

/** Saves the codes as a text file on the person's device (nothing leaves the browser). */
function download(codes: readonly string[], email: string) {
  const text = [
    `Docket backup codes for ${email}`,
    `Created ${new Date().toLocaleString()}`,
    '',
    'Each code works once, in place of a code from your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'docket-backup-codes.txt';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

interface BackupCodesProps {
  codes: readonly string[];
  email: string;
  onDone: () => void;
  doneLabel?: string;
}

/** The 12 single-use backup codes, shown once, with a way to keep them. */
export function BackupCodesPanel({
  codes,
  email,
  onDone,
  doneLabel = 'I have saved my backup codes',
}: BackupCodesProps) {
  return (
    <Stack gap="md" role="region" aria-label="Your backup codes">
      <Alert color="yellow" variant="light" icon={<IconAlert />} title="Save these backup codes now">
        <Text size="sm">
          This is the only time Docket shows them. Each code signs you in once if you cannot use your
          authenticator app. Keep them somewhere safe, away from your phone.
        </Text>
      </Alert>
      <Paper withBorder radius="md" p="md" bg="gray.0">
        <Box
          component="ul"
          aria-label="Backup codes"
          m={0}
          p={0}
          style={{
            listStyle: 'none',
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))',
            gap: 'var(--mantine-spacing-xs)',
          }}
        >
          {codes.map((code) => (
            <Text key={code} component="li" ff="monospace" fz="md">
              {code}
            </Text>
          ))}
        </Box>
      </Paper>
      <Group justify="space-between" wrap="wrap">
        <Button
          variant="default"
          onClick={() => {
            download(codes, email);
          }}
        >
          Download as text
        </Button>
        <Button onClick={onDone}>{doneLabel}</Button>
      </Group>
    </Stack>
  );
}
