import { Alert, Button, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/error-alert';
import { useUploadPracticeCodes, type PracticeCodesResult } from './clients-api';

/** Bulk upload of practice codes: a CSV of "client name,practice code" lines, with errors per line. */
export function PracticeCodesModal({
  practiceId,
  opened,
  onClose,
}: {
  practiceId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const upload = useUploadPracticeCodes(practiceId);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PracticeCodesResult | null>(null);

  function close() {
    setFile(null);
    setResult(null);
    upload.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="Bulk upload practice codes" centered size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Upload a CSV file with one client per line: the client’s name as it appears in your client list,
          then its practice code (for example <code>Blue Bakery Ltd,BB01</code>). A header line is optional.
          An empty code clears the client’s code.
        </Text>
        {upload.error && <ErrorAlert error={upload.error} title="Could not upload the practice codes" />}
        <FileInput
          label="CSV file"
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
          }}
          clearable
          placeholder="Choose a .csv file"
        />
        {result && (
          <Alert
            color={result.errors.length > 0 ? 'yellow' : 'teal'}
            variant="light"
            title={`${result.updated} ${result.updated === 1 ? 'client' : 'clients'} updated`}
            role="status"
          >
            {result.errors.length > 0 ? (
              <Stack gap={4}>
                <Text size="sm">These lines were not applied:</Text>
                <List size="sm" spacing={2} aria-label="Lines not applied">
                  {result.errors.map((e) => (
                    <List.Item key={`${e.line}-${e.message}`}>
                      Line {e.line}: {e.message}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : (
              <Text size="sm">Every line was applied.</Text>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {result ? 'Close' : 'Cancel'}
          </Button>
          <Button
            disabled={file === null}
            loading={upload.isPending}
            onClick={() => {
              if (!file) return;
              void file.text().then((csv) => {
                upload.mutate(csv, { onSuccess: setResult });
              });
            }}
          >
            Upload
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
