import { Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { z } from 'zod';
import type { ItemDetail } from '../../../shared/contracts/review';
import { api } from '../../app/api';
import { ErrorAlert } from '../../ui/error-alert';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { PublishPanel } from './publish-panel';
import { publishingKey } from './publishing-api';

const statusLabel: Record<string, string> = {
  to_review: 'To review',
  ready: 'Ready',
  archived: 'Archived',
  processing: 'Processing',
  waiting: 'Waiting',
  failed: 'Failed',
  deleted: 'Deleted',
  merged: 'Merged',
  duplicate: 'Suspected duplicate',
};

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value ?? '—'}</Text>
    </div>
  );
}

/**
 * Business settings > Connections > one item's publishing: the item's main fields and its PublishPanel.
 * Linked from "Why aren't my documents publishing?".
 */
export function PublicationPage() {
  const { account } = useCurrentAccount();
  const { itemId = '' } = useParams();
  const item = useQuery({
    queryKey: [...publishingKey(account.id), 'item', itemId],
    queryFn: () =>
      api.get<z.infer<typeof ItemDetail>>(
        `/api/accounts/${encodeURIComponent(account.id)}/items/${encodeURIComponent(itemId)}`,
      ),
    refetchInterval: 2000,
  });
  const data = item.data;
  return (
    <Page title="Item publishing" path={['Business settings', 'Connections']}>
      {item.isPending && <Loader size="sm" aria-label="Loading the item" />}
      {item.isError && <ErrorAlert error={item.error} title="Could not load the item" />}
      {data && (
        <Stack gap="md" maw={760}>
          <Paper withBorder radius="md" p="md" component="section" aria-label="Item">
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              <Field label="Status" value={statusLabel[data.status] ?? data.status} />
              <Field
                label={data.workspace === 'sales' ? 'Customer' : 'Supplier'}
                value={data.contact?.name ?? null}
              />
              <Field label="Date" value={data.date} />
              <Field
                label="Total"
                value={data.total === null ? null : `${data.currency ?? ''} ${data.total}`.trim()}
              />
              <Field label="Reference" value={data.reference} />
            </SimpleGrid>
            {data.reviewReasons.length > 0 && (
              <Text size="sm" mt="sm" c="orange.8">
                To review: {data.reviewReasons.map((r) => r.text).join(' ')}
              </Text>
            )}
          </Paper>
          <PublishPanel accountId={account.id} itemId={data.id} status={data.status} />
        </Stack>
      )}
    </Page>
  );
}
