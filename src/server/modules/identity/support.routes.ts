import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common';
import { Mailbox, SupportRequestList } from '../../../shared/contracts/identity';
import { outbox } from '../../db/schema';
import { requireSession } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { OffsetClock } from '../../lib/clock';
import { NotFound } from '../../lib/errors';
import { assertSupportAgent, decideSupportRequest, listSupportRequests } from './support';

const tags = ['Support console'];
const RequestIdParams = z.strictObject({ requestId: z.uuid() });

export function supportRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;
  const supportDeps = { db, clock: deps.clock, mailer: deps.mailer, baseUrl: deps.config.baseUrl };

  app.get(
    '/api/support/requests',
    {
      schema: {
        tags,
        summary: 'Confirmed support requests (support agents only)',
        response: { 200: SupportRequestList },
      },
    },
    async (request) => {
      const s = requireSession(request);
      await assertSupportAgent(db, s.login.id);
      const rows = await listSupportRequests(db);
      return {
        requests: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          confirmedAt: r.confirmedAt?.toISOString() ?? null,
          decidedAt: r.decidedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  for (const [path, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `/api/support/requests/:requestId/${path}`,
      {
        schema: {
          tags,
          summary: `${approve ? 'Approve' : 'Reject'} a confirmed request`,
          params: RequestIdParams,
          response: { 200: Ok },
        },
      },
      async (request) => {
        const s = requireSession(request);
        await decideSupportRequest(supportDeps, {
          agentLoginId: s.login.id,
          requestId: request.params.requestId,
          approve,
          ip: request.ip,
        });
        return { ok: true as const };
      },
    );
  }

  // Journeys in a real browser move time forward here (DOCKET_DEV_CLOCK=on, from this machine only).
  app.post(
    '/api/dev/clock',
    {
      schema: {
        tags: ['Demo'],
        summary: 'Move the clock forward (test journeys only)',
        body: z.strictObject({
          advanceMs: z
            .number()
            .int()
            .min(0)
            .max(10 * 365 * 24 * 3600 * 1000),
        }),
        response: { 200: z.object({ now: z.string() }) },
      },
    },
    (request) => {
      const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');
      if (!deps.config.devClock || !(deps.clock instanceof OffsetClock) || !local)
        throw new NotFound('No such page or API route.');
      deps.clock.advance(request.body.advanceMs);
      return { now: deps.clock.now().toISOString() };
    },
  );

  // The local mailbox: outgoing mail when no SMTP relay is configured (demo and development only).
  app.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['Demo'],
        summary: 'Mail Docket would have sent (demo mode without SMTP_URL, from this machine only)',
        response: { 200: Mailbox },
      },
    },
    async (request) => {
      const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');
      if (deps.config.smtpUrl || deps.config.demo === 'off' || !local) {
        throw new NotFound(
          'The local mailbox is only available in demo mode without an SMTP relay, from the machine Docket runs on.',
        );
      }
      const rows = await db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(100);
      return {
        messages: rows.map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          text: m.text,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  );
}
