import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ItemStatus } from '../../../shared/contracts/review';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime, publicationStateLabel } from './format';
import { noteParts } from './publication-note';
import {
  useClearPublishing,
  useConnections,
  usePublications,
  usePublish,
  vendorName,
  type Publication,
  type PublishOutcome,
} from './publishing-api';

export type ItemStatusValue = z.infer<typeof ItemStatus>;

/** "2 items queued to publish. 1 not published: …" */
export function describeOutcome(outcome: PublishOutcome): string {
  const parts: string[] = [];
  if (outcome.queued.length > 0)
    parts.push(
      `${outcome.queued.length} ${outcome.queued.length === 1 ? 'item' : 'items'} queued to publish.`,
    );
  if (outcome.skipped.length > 0) {
    const reasons = [...new Set(outcome.skipped.map((s) => s.reason))].join(' ');
    parts.push(`${outcome.skipped.length} not published: ${reasons}`);
  }
  return parts.join(' ') || 'Nothing to publish.';
}

/**
 * Bulk "Publish" for item lists (Inbox selections): publishes the given items, tells the person what
 * was queued and what was skipped and why, and calls `onDone` with the server's answer.
 */
export function usePublishItems(accountId: string) {
  const publish = usePublish(accountId);
  return {
    publish: (itemIds: readonly string[], onDone?: (outcome: PublishOutcome) => void) =>
      publish.mutate(itemIds, {
        onSuccess: (outcome) => {
          notifications.show({
            color: outcome.skipped.length > 0 ? 'yellow' : 'teal',
            message: describeOutcome(outcome),
          });
          onDone?.(outcome);
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      }),
    isPending: publish.isPending,
    error: publish.error,
  };
}

/** The "Publish" button of a list's bulk actions. */
export function PublishItemsButton({
  accountId,
  itemIds,
  onDone,
}: {
  accountId: string;
  itemIds: readonly string[];
  onDone?: (outcome: PublishOutcome) => void;
}) {
  const { publish, isPending } = usePublishItems(accountId);
  return (
    <Button
      size="xs"
      disabled={itemIds.length === 0}
      loading={isPending}
      onClick={() => publish(itemIds, onDone)}
    >
      Publish
    </Button>
  );
}

function PublishedDetails({ publication }: { publication: Publication }) {
  const vendor = publication.software === null ? 'the accounting software' : vendorName(publication.software);
  const kind = publication.kind === null ? 'document' : publication.kind.replace('_', ' ');
  return (
    <Stack gap={6}>
      <Text size="sm">
        Published to {vendor} as a {kind}
        {publication.ledgerNumber !== null && ` (${publication.ledgerNumber})`}
        {publication.ledgerStatus !== null &&
          `, ${publication.ledgerStatus.toLowerCase().replaceAll('_', ' ')}`}{' '}
        on {formatDateTime(publication.publishedAt)}
        {publication.auto ? ' by auto-publish' : ''}.
      </Text>
      <Text size="sm" c="dimmed">
        {publication.attachmentIds.length === 0
          ? 'No document attached.'
          : `Original document attached (${publication.attachmentIds.length} ${publication.attachmentIds.length === 1 ? 'file' : 'files'}).`}
      </Text>
      {publication.attachmentError !== null && (
        <Text size="sm" c="orange.8">
          The document could not be attached: {publication.attachmentError}
        </Text>
      )}
      {publication.ledgerUrl !== null && (
        <div>
          <Anchor href={publication.ledgerUrl} target="_blank" rel="noreferrer" size="sm" fw={600}>
            Open in {vendor}
          </Anchor>
        </div>
      )}
    </Stack>
  );
}

/**
 * What to know about a publish that went through not quite as the settings ask (e.g. published as
 * Awaiting Payment instead of Paid, or as a Bill), with the fix when the note gives one.
 */
function PublicationNote({ accountId, note }: { accountId: string; note: string }) {
  const parts = noteParts(note);
  return (
    <Alert color="blue" variant="light" title={parts.title}>
      <Stack gap={4}>
        {parts.detail !== '' && <Text size="sm">{parts.detail}</Text>}
        {parts.fix !== null && <Text size="sm">Fix: {parts.fix}</Text>}
        {parts.linksConnections && (
          <div>
            <Anchor component={Link} to={paths.connections(accountId)} size="sm" fw={600}>
              Open Business settings › Connections
            </Anchor>
          </div>
        )}
      </Stack>
    </Alert>
  );
}

function ClearPublishingButton({
  accountId,
  itemId,
  vendor,
}: {
  accountId: string;
  itemId: string;
  vendor: string;
}) {
  const [open, setOpen] = useState(false);
  const clear = useClearPublishing(accountId);
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpen(true)}>
        Unarchive and clear publishing data
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Unarchive and clear publishing data?">
        <Stack gap="sm">
          <Text size="sm">
            The item goes back to the Inbox and forgets what was published, so you can publish it again on
            purpose. Void or delete the first one in {vendor} before you do, or it will be there twice.
          </Text>
          {clear.error && <ErrorAlert error={clear.error} title="Could not clear the publishing data" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Keep it archived
            </Button>
            <Button
              color="orange"
              loading={clear.isPending}
              onClick={() =>
                clear.mutate(itemId, {
                  onSuccess: () => {
                    setOpen(false);
                    notifications.show({
                      color: 'teal',
                      message: 'Unarchived; the publishing data is cleared.',
                    });
                  },
                })
              }
            >
              Unarchive and clear
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * An item's publishing: Publish (when Ready and connected), what happened last (queued, published with
 * "Open in Xero" and the publication's note, Ready (yellow) with the plain message and its fix, or held
 * in To review with the pre-check's reasons), and "Unarchive and clear publishing data" for archived items.
 */
export function PublishPanel({
  accountId,
  itemId,
  status,
}: {
  accountId: string;
  itemId: string;
  /** The item's status (to_review, ready, archived, …). */
  status: ItemStatusValue;
}) {
  const connections = useConnections(accountId);
  const publications = usePublications(accountId, [itemId]);
  const { publish, isPending } = usePublishItems(accountId);
  const [skipped, setSkipped] = useState<string | null>(null);
  const publication = publications.data?.find((p) => p.itemId === itemId) ?? null;
  const connection = connections.data?.connection ?? null;
  const connected = connection?.status === 'connected';
  const busy = publication?.state === 'queued' || publication?.state === 'publishing';
  const vendor =
    publication?.software != null
      ? vendorName(publication.software)
      : connection !== null
        ? vendorName(connection.software)
        : 'the accounting software';
  const canPublish = status === 'ready' && connected && !busy && publication?.state !== 'published';
  const state = publication === null ? null : publicationStateLabel[publication.state];

  // A publish moves the item (Archive when published, To review when held): reload the item pages.
  const queryClient = useQueryClient();
  const settled = publication === null || busy ? null : `${publication.state}:${publication.updatedAt}`;
  useEffect(() => {
    if (settled !== null) void queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'items'] });
  }, [settled, accountId, queryClient]);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`publishing-${itemId}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="md" id={`publishing-${itemId}`}>
            Publishing
          </Title>
          {state !== null && (
            <Badge color={state.color} variant="light" aria-label={`Publishing state: ${state.label}`}>
              {state.label}
            </Badge>
          )}
        </Group>
        {(connections.isPending || publications.isPending) && (
          <Loader size="sm" aria-label="Loading publishing" />
        )}
        {connections.isError && (
          <ErrorAlert error={connections.error} title="Could not load the connection" />
        )}
        {publications.isError && (
          <ErrorAlert error={publications.error} title="Could not load the publishing state" />
        )}

        {publication?.state === 'held' && (
          <Alert color="orange" variant="light" title="In To review: the accounting software would refuse it">
            <List size="sm" spacing={4}>
              {publication.problems.map((p) => (
                <List.Item key={p.code}>
                  {p.message}{' '}
                  <Text span size="sm" c="dimmed">
                    {p.fix}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {publication?.state === 'failed' && publication.error !== null && (
          <Alert color="yellow" variant="light" title="Ready (yellow): the last publish failed">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {publication.error.message}
              </Text>
              <Text size="sm">Fix: {publication.error.fix}</Text>
              {publication.error.vendorMessage !== null && (
                <Text size="xs" c="dimmed">
                  {vendor} said: {publication.error.vendorMessage}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {busy && (
          <Text size="sm" c="dimmed">
            Publishing to {vendor}… this page updates by itself.
          </Text>
        )}
        {publication?.state === 'published' && publication.note !== null && (
          <PublicationNote accountId={accountId} note={publication.note} />
        )}
        {publication?.state === 'published' && <PublishedDetails publication={publication} />}

        {connections.data && !connected && status !== 'archived' && (
          <Text size="sm">
            {connection === null
              ? 'This business has no accounting software connected. '
              : `${connection.softwareName} is ${connection.status === 'needs_reconnecting' ? 'waiting to be reconnected' : connection.status}. `}
            <Anchor component={Link} to={paths.connections(accountId)} size="sm">
              Business settings › Connections
            </Anchor>
          </Text>
        )}
        {status === 'to_review' && publication?.state !== 'held' && (
          <Text size="sm" c="dimmed">
            Review the item and move it to Ready to publish it.
          </Text>
        )}
        {skipped !== null && (
          <Text size="sm" c="orange.8" role="status">
            {skipped}
          </Text>
        )}
        <Group gap="sm">
          {canPublish && (
            <Button
              loading={isPending}
              onClick={() =>
                publish([itemId], (outcome) =>
                  setSkipped(outcome.skipped.length > 0 ? describeOutcome(outcome) : null),
                )
              }
            >
              {publication?.state === 'failed' || publication?.state === 'held' ? 'Publish again' : 'Publish'}
            </Button>
          )}
          {status === 'archived' && publication !== null && !busy && (
            <ClearPublishingButton accountId={accountId} itemId={itemId} vendor={vendor} />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
