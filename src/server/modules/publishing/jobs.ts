import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/registry';
import { publishingHooks } from '../review';
import { LISTS_MAX_AGE_MS, type PublishingContext } from './context';
import { refreshLists } from './connections';
import { publishItem, type PublishOutcome } from './publish-item';
import { autoPublishes } from './publishing';
import {
  connectedAccounts,
  getPublication,
  getSettings,
  paymentMethodLinksOf,
  publicationsOf,
  staleConnections,
  upsertPublication,
  type Tenant,
} from './publishing.repo';

const PublishPayload = z.object({
  accountId: z.uuid(),
  itemId: z.uuid(),
  userId: z.uuid().nullable().default(null),
});
const AccountPayload = z.object({ accountId: z.uuid() });

/** The publishing jobs: publish one item, refresh one account's lists. */
export function publishingJobs(ctx: PublishingContext): JobDefinition[] {
  const publish = defineJob({
    name: 'publication.publish',
    payload: PublishPayload,
    retryLimit: 6,
    retryDelaySeconds: 10,
    concurrency: 5,
    handler: async ({ accountId, itemId, userId }) => {
      await publishItem(ctx, { accountId }, itemId, { userId });
    },
  });
  const lists = defineJob({
    name: 'ledger-lists.refresh',
    payload: AccountPayload,
    retryLimit: 2,
    handler: async ({ accountId }) => {
      await refreshLists(ctx, { accountId });
    },
  });
  return [publish, lists];
}

/**
 * Queues a publish for an item unless one is queued, running or done. Without a queue (tests,
 * single calls) it publishes inline.
 */
export async function requestPublish(
  ctx: PublishingContext,
  tenant: Tenant,
  itemId: string,
  options: { userId?: string | null; auto?: boolean } = {},
): Promise<{ queued: boolean; reason: string | null; outcome?: PublishOutcome }> {
  const existing = await getPublication(ctx.db, tenant, itemId);
  if (existing?.state === 'published') return { queued: false, reason: 'Already published.' };
  if (existing?.state === 'publishing' || (existing?.state === 'queued' && ctx.queue !== null))
    return { queued: false, reason: 'Already being published.' };
  const at = ctx.clock.now();
  await upsertPublication(ctx.db, tenant, itemId, {
    state: 'queued',
    auto: options.auto ?? false,
    updatedAt: at,
  });
  const queue = ctx.queue;
  if (queue === null) {
    const outcome = await publishItem(ctx, tenant, itemId, { userId: options.userId ?? null });
    return { queued: true, reason: null, outcome };
  }
  const [job] = publishingJobs(ctx);
  if (job === undefined) throw new Error('publication.publish is not defined');
  await queue.enqueue(
    job,
    { accountId: tenant.accountId, itemId, userId: options.userId ?? null },
    { idempotencyKey: `${itemId}:${at.getTime()}` },
  );
  return { queued: true, reason: null };
}

/** Auto-publish: Ready items whose payment method, supplier or account settings say so. */
export async function autoPublishAccount(ctx: PublishingContext, tenant: Tenant): Promise<number> {
  const settings = await getSettings(ctx.db, tenant);
  if (settings.autoPublish === 'off') return 0;
  const ready = await publishingHooks.readyItems(ctx.db, tenant, 200);
  if (ready.length === 0) return 0;
  const links = new Map((await paymentMethodLinksOf(ctx.db, tenant)).map((l) => [l.paymentMethodId, l]));
  const pubs = new Map(
    (
      await publicationsOf(
        ctx.db,
        tenant,
        ready.map((r) => r.id),
      )
    ).map((p) => [p.itemId, p]),
  );
  let queued = 0;
  for (const item of ready) {
    const pub = pubs.get(item.id);
    // A failure or hold waits for a person to change the item (or press Publish).
    if (
      pub !== undefined &&
      (pub.state === 'failed' || pub.state === 'held') &&
      item.updatedAt <= pub.updatedAt
    )
      continue;
    if (pub !== undefined && !['failed', 'held'].includes(pub.state)) continue;
    const wants = autoPublishes({
      mode: settings.autoPublish,
      exceptContactIds: settings.autoPublishExceptContactIds,
      contactId: item.contactId,
      contactAutoPublish: item.contactAutoPublish,
      paymentMethodAutoPublish:
        item.paymentMethodId === null ? null : (links.get(item.paymentMethodId)?.autoPublish ?? null),
    });
    if (!wants) continue;
    const result = await requestPublish(ctx, tenant, item.id, { auto: true });
    if (result.queued) queued += 1;
  }
  return queued;
}

/** One pass of the recurring work: lists older than the limit, and auto-publish for connected accounts. */
export async function sweepOnce(ctx: PublishingContext): Promise<{ refreshed: number; autoQueued: number }> {
  const stale = await staleConnections(ctx.db, new Date(ctx.clock.now().getTime() - LISTS_MAX_AGE_MS));
  for (const accountId of stale) {
    await refreshLists(ctx, { accountId }, { ifOlderThanMs: LISTS_MAX_AGE_MS, skipIfBusy: true }).catch(
      (error: unknown) => {
        ctx.logger?.warn({ err: error, accountId }, 'list refresh failed');
      },
    );
  }
  let autoQueued = 0;
  for (const accountId of await connectedAccounts(ctx.db)) {
    autoQueued += await autoPublishAccount(ctx, { accountId }).catch((error: unknown) => {
      ctx.logger?.warn({ err: error, accountId }, 'auto-publish failed');
      return 0;
    });
  }
  return { refreshed: stale.length, autoQueued };
}
