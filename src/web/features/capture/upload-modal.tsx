import '@mantine/dropzone/styles.css';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { messageOf } from '../../app/api';
import type { Workspace } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { useAccountUsers } from '../accounts/accounts-api';
import { useCurrentAccount } from '../accounts/current-account';
import { fileSize } from '../review/format';
import { useUpload, type CaptureMode, type Submission } from './capture-api';
import { IconUpload, IconX } from './icons';

const MAX_FILES = 50;

function outcomeOf(s: Submission): { text: string; color: string } {
  switch (s.state) {
    case 'rejected':
      return { text: s.reason ?? 'Not read', color: 'red' };
    case 'identical':
      return { text: s.reason ?? 'Already sent: recognised as the same file', color: 'orange' };
    case 'container':
      return { text: `Unpacked: ${s.parts.length} file${s.parts.length === 1 ? '' : 's'}`, color: 'gray' };
    default:
      return { text: 'Received: being read now', color: 'teal' };
  }
}

interface UploadModalProps {
  workspace: Workspace;
  opened: boolean;
  onClose: () => void;
}

/** Add documents: drag and drop (or browse), one document per file or per page, and a document owner. */
export function UploadModal({ workspace, opened, onClose }: UploadModalProps) {
  const { account, me } = useCurrentAccount();
  const users = useAccountUsers(account.id);
  const upload = useUpload(account.id);
  const [files, setFiles] = useState<File[]>([]);
  const [mode, setMode] = useState<CaptureMode>('single');
  const [owner, setOwner] = useState<string>('none');
  const [results, setResults] = useState<Submission[] | null>(null);

  const close = () => {
    setFiles([]);
    setResults(null);
    upload.reset();
    onClose();
  };

  const ownerOptions = [
    { value: 'none', label: 'None' },
    ...(users.data ?? [])
      .filter((u) => u.active)
      .map((u) => ({ value: u.id, label: u.email === me.login.email ? `${u.name} (you)` : u.name })),
  ];

  const send = () => {
    upload.mutate(
      { workspace, mode, ownerUserId: owner === 'none' ? null : owner, files },
      {
        onSuccess: (answer) => {
          setResults(answer.submissions);
          setFiles([]);
          notifications.show({
            color: 'teal',
            message: `${answer.submissions.length} file${answer.submissions.length === 1 ? '' : 's'} sent to ${workspace === 'costs' ? 'Costs' : 'Sales'}`,
          });
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Add documents to ${workspace === 'costs' ? 'Costs' : 'Sales'}`}
      size="lg"
    >
      <Stack gap="md">
        {results !== null ? (
          <Stack gap="xs" role="region" aria-label="Upload results">
            {results.map((s) => {
              const outcome = outcomeOf(s);
              return (
                <Paper key={s.id} withBorder p="sm" radius="md">
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600} truncate>
                      {s.fileName}
                    </Text>
                    <Text size="sm" c={outcome.color}>
                      {outcome.text}
                    </Text>
                  </Group>
                </Paper>
              );
            })}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setResults(null)}>
                Add more
              </Button>
              <Button onClick={close}>Done</Button>
            </Group>
          </Stack>
        ) : (
          <>
            <Group grow align="flex-start">
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Documents
                </Text>
                <SegmentedControl
                  aria-label="Documents"
                  value={mode}
                  onChange={(v) => setMode(v === 'multiple' ? 'multiple' : 'single')}
                  data={[
                    { value: 'single', label: 'One per file' },
                    { value: 'multiple', label: 'One per page' },
                  ]}
                />
              </Stack>
              <Select
                label="Document owner"
                data={ownerOptions}
                value={owner}
                onChange={(v) => setOwner(v ?? 'none')}
                allowDeselect={false}
              />
            </Group>
            <Dropzone
              onDrop={(dropped) => setFiles((current) => [...current, ...dropped].slice(0, MAX_FILES))}
              maxFiles={MAX_FILES}
              multiple
              name="file"
              aria-label="Drop files here or browse"
            >
              <Group justify="center" gap="lg" mih={140} style={{ pointerEvents: 'none' }} wrap="nowrap">
                <ThemeIcon size={52} radius="xl" variant="light">
                  <IconUpload size={28} />
                </ThemeIcon>
                <Stack gap={4}>
                  <Text size="lg" fw={600}>
                    Drag documents here or click to browse
                  </Text>
                  <Text size="sm" c="dimmed">
                    PDF, JPEG, PNG, GIF, BMP, TIFF, WebP, HEIC, e-invoice XML or a ZIP of them. Up to{' '}
                    {MAX_FILES} files, 25 MB each (ZIP up to 100 MB).
                  </Text>
                </Stack>
              </Group>
            </Dropzone>
            {files.length > 0 && (
              <Stack gap={6} role="list" aria-label="Files to send">
                {files.map((file, index) => (
                  <Paper key={`${file.name}-${index}`} withBorder px="sm" py={6} radius="md" role="listitem">
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" truncate>
                        {file.name}
                      </Text>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="xs" c="dimmed">
                          {fileSize(file.size)}
                        </Text>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Remove ${file.name}`}
                          onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      </Group>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )}
            {upload.isError && <ErrorAlert title="The files were not sent" error={upload.error} />}
            {users.isError && (
              <Alert color="yellow" variant="light">
                {messageOf(users.error)} Documents can still be sent without an owner.
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={send} disabled={files.length === 0} loading={upload.isPending}>
                {files.length > 1 ? `Upload ${files.length} files` : 'Upload'}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
