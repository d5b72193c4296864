import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import type { NewClientDefaults } from '../../../shared/contracts/clients';
import { api, fieldReason } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';

const path = (practiceId: string) => `/api/accounts/${encodeURIComponent(practiceId)}/new-client-defaults`;

function DefaultsForm({
  practiceId,
  initial,
  canEdit,
}: {
  practiceId: string;
  initial: NewClientDefaults;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<NewClientDefaults>(initial);
  const save = useMutation({
    mutationFn: (body: NewClientDefaults) => api.put<NewClientDefaults>(path(practiceId), body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['accounts', practiceId, 'new-client-defaults'], saved);
      notifications.show({
        color: 'teal',
        message: 'New Client Defaults saved. They apply to clients you add from now on.',
      });
    },
  });
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: NewClientDefaults = {};
    if (values.paymentStatus) body.paymentStatus = values.paymentStatus;
    if (values.dueDays !== undefined) body.dueDays = values.dueDays;
    if (values.defaultCategory?.trim()) body.defaultCategory = values.defaultCategory.trim();
    if (values.autoArchive !== undefined) body.autoArchive = values.autoArchive;
    if (values.shareImages !== undefined) body.shareImages = values.shareImages;
    save.mutate(body);
  }
  const error = save.error;
  return (
    <form onSubmit={submit} noValidate aria-label="New Client Defaults">
      <Stack gap="md">
        {error && <ErrorAlert error={error} title="Could not save the defaults" />}
        <NativeSelect
          label="Default payment status"
          description="How new items are marked when they arrive."
          disabled={!canEdit}
          value={values.paymentStatus ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setValues((s) => ({ ...s, paymentStatus: v === 'paid' || v === 'unpaid' ? v : undefined }));
          }}
          data={[
            { value: '', label: 'Not set' },
            { value: 'unpaid', label: 'Unpaid' },
            { value: 'paid', label: 'Paid' },
          ]}
        />
        <NumberInput
          label="Due date (days after the invoice date)"
          disabled={!canEdit}
          min={0}
          max={365}
          allowDecimal={false}
          value={values.dueDays ?? ''}
          onChange={(v) => setValues((s) => ({ ...s, dueDays: typeof v === 'number' ? v : undefined }))}
          error={fieldReason(error, 'dueDays')}
          maw={320}
        />
        <TextInput
          label="Default category"
          description="The category new items get when no supplier rule sets one."
          disabled={!canEdit}
          value={values.defaultCategory ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setValues((s) => ({ ...s, defaultCategory: v }));
          }}
          error={fieldReason(error, 'defaultCategory')}
          maw={420}
        />
        <Switch
          label="Archive items automatically after publishing"
          disabled={!canEdit}
          checked={values.autoArchive ?? false}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setValues((s) => ({ ...s, autoArchive: checked }));
          }}
        />
        <Switch
          label="Share document images with the accounting software"
          disabled={!canEdit}
          checked={values.shareImages ?? false}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setValues((s) => ({ ...s, shareImages: checked }));
          }}
        />
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save defaults
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Practice settings > New Client Defaults: settings given to clients added from now on. */
export function NewClientDefaultsPage() {
  const { account } = useCurrentAccount();
  const canEdit = account.role !== 'standard';
  const defaults = useQuery({
    queryKey: ['accounts', account.id, 'new-client-defaults'],
    queryFn: () => api.get<NewClientDefaults>(path(account.id)),
  });
  return (
    <Page
      title="New Client Defaults"
      path={['Practice settings']}
      description="The settings every new client starts with."
    >
      <Alert color="blue" variant="light" title="New clients only">
        <Text size="sm">
          These defaults are applied when a client is added. Changing them does not change existing clients;
          change those in each client’s own settings. Integration defaults will come later.
        </Text>
      </Alert>
      {defaults.isError && (
        <ErrorAlert
          error={defaults.error}
          title="Could not load the defaults"
          onRetry={() => void defaults.refetch()}
        />
      )}
      <Paper withBorder radius="md" p="lg" maw={720}>
        {defaults.isPending && <Skeleton height={220} />}
        {defaults.data && <DefaultsForm practiceId={account.id} initial={defaults.data} canEdit={canEdit} />}
        {!canEdit && (
          <Text size="xs" c="dimmed" mt="sm">
            Only Practice Admins and Client Admins can change the defaults.
          </Text>
        )}
      </Paper>
    </Page>
  );
}
