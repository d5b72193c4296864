import fastifyMultipart from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaptureMode,
  EmailAddresses,
  EmailAddress,
  Processing,
  SubmissionHistory,
  SubmissionHistoryQuery,
  UpdateEmailAddress,
  UploadResult,
  Workspace,
  WorkspaceQuery,
} from '../../../shared/contracts/capture';
import { AccountIdParams } from '../../../shared/contracts/common';
import { users } from '../../db/schema';
import { requireScope } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { blobStoreFor } from '../../integrations/storage';
import { Invalid, NotFound } from '../../lib/errors';
import { assertCan, can } from '../access';
import { blobVisible, insertSubmission, listProcessing, listSubmissionHistory } from './capture.repo';
import { listEmailAddresses, updateLocalPart, type EmailAddressRow } from './email-addresses';
import { cleanFileName, LIMITS } from './file-types';
import { enqueueSplit } from './jobs';
import { receiveFiles, type IncomingFile } from './receive';
import { submissionViews } from './views';

const tags = ['Capture'];

const UploadQuery = z.strictObject({
  workspace: Workspace.default('costs'),
  /** single: one document per file; multiple: one document per PDF page. */
  mode: CaptureMode.default('single'),
  ownerUserId: z.uuid().optional(),
});

const stepLabels = {
  received: 'Received',
  extract: 'Reading text and fields',
  rules: 'Applying rules',
  duplicates: 'Checking for duplicates',
} as const;
const stepEstimate = { received: 20, extract: 15, rules: 2, duplicates: 1 } as const;

/** Upload, Submission history, Processing, files, and Extract by Email addresses. */
export function captureRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;
  const storage = blobStoreFor(deps.config.dataDir);
  const addressOut = (a: EmailAddressRow) => ({
    id: a.id,
    workspace: a.workspace,
    mode: a.mode,
    userId: a.userId,
    localPart: a.localPart,
    address: `${a.localPart}@${deps.config.mailDomain}`,
  });

  void app.register(async (scopedApp) => {
    const r = scopedApp.withTypeProvider<ZodTypeProvider>();
    await r.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: LIMITS.zipBytes + 1, files: 50, fields: 10, parts: 60 },
    });
    r.post(
      '/api/accounts/:accountId/uploads',
      {
        schema: {
          tags,
          summary: 'Upload documents (multipart/form-data, one or more "file" parts; ZIPs unpacked)',
          params: AccountIdParams,
          querystring: UploadQuery,
          response: { 201: UploadResult },
        },
      },
      async (request, reply) => {
        const scope = await requireScope(deps, request, request.params.accountId);
        assertCan(scope, 'documents.submit');
        const { workspace, mode, ownerUserId } = request.query;
        if (ownerUserId) {
          const [u] = await db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.accountId, scope.accountId), eq(users.id, ownerUserId)));
          if (!u)
            throw new Invalid('The document owner must be a user of this account.', {
              ownerUserId: 'not a user of this account',
            });
          if (ownerUserId !== scope.userId && !can(scope, 'documents.read.all')) {
            throw new Invalid('You can only choose yourself as document owner.', {
              ownerUserId: 'choose yourself or nobody',
            });
          }
        }
        if (!request.isMultipart()) throw new Invalid('Send the files as multipart/form-data.');
        const files: IncomingFile[] = [];
        const tooBig: string[] = [];
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue;
          const bytes = await part.toBuffer();
          if (part.file.truncated) tooBig.push(part.filename);
          else files.push({ fileName: part.filename, bytes });
        }
        if (files.length === 0 && tooBig.length === 0)
          throw new Invalid('No file was sent.', { file: 'add at least one file' });
        const who = {
          workspace,
          mode,
          channel: 'upload' as const,
          submittedByUserId: scope.userId,
          ownerUserId: ownerUserId ?? null,
        };
        const rows = await receiveFiles(
          { db, storage, start: (s) => enqueueSplit(deps.queue, s.id) },
          scope,
          who,
          files,
        );
        for (const name of tooBig) {
          rows.push(
            await insertSubmission(db, scope, {
              ...who,
              fileName: cleanFileName(name, 'file'),
              kind: 'unknown',
              size: LIMITS.zipBytes + 1,
              state: 'rejected',
              reason: `${cleanFileName(name, 'The file')} is larger than ${LIMITS.zipBytes / 1024 / 1024} MB and was not read.`,
            }),
          );
        }
        return reply.status(201).send({ submissions: await submissionViews(db, scope, rows) });
      },
    );
  });

  app.get(
    '/api/accounts/:accountId/submissions',
    {
      schema: {
        tags,
        summary: 'Submission history: everything sent in and what became of it',
        params: AccountIdParams,
        querystring: SubmissionHistoryQuery,
        response: { 200: SubmissionHistory },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'documents.submit');
      const { workspace, limit, offset } = request.query;
      const h = await listSubmissionHistory(db, scope, workspace, { limit, offset });
      return { submissions: await submissionViews(db, scope, h.submissions, h), total: h.total };
    },
  );

  app.get(
    '/api/accounts/:accountId/processing',
    {
      schema: {
        tags,
        summary: 'Processing: documents being read, with their step',
        params: AccountIdParams,
        querystring: WorkspaceQuery,
        response: { 200: Processing },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'documents.submit');
      const p = await listProcessing(db, scope, request.query.workspace);
      return {
        entries: [
          ...p.submissions.map((s) => ({
            id: s.id,
            kind: 'submission' as const,
            fileName: s.fileName,
            status: 'processing' as const,
            step: 'received' as const,
            stepLabel: stepLabels.received,
            reason: null,
            createdAt: s.createdAt.toISOString(),
            estimateSeconds: stepEstimate.received,
          })),
          ...p.items.map((i) => {
            const step = i.step === 'done' ? 'duplicates' : i.step;
            return {
              id: i.id,
              kind: 'item' as const,
              fileName: i.fileName ?? 'document',
              status: i.status === 'waiting' ? ('waiting' as const) : ('processing' as const),
              step,
              stepLabel: i.status === 'waiting' ? 'Waiting' : stepLabels[step],
              reason: i.statusReason,
              createdAt: i.createdAt.toISOString(),
              estimateSeconds: stepEstimate[step],
            };
          }),
        ],
      };
    },
  );

  app.get(
    '/api/accounts/:accountId/files/:sha256',
    {
      schema: {
        tags,
        summary: 'An original document (PDF, image...) of the account',
        params: z.strictObject({ accountId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
      },
    },
    async (request, reply) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'documents.submit');
      const found = await blobVisible(db, scope, request.params.sha256);
      if (!found) throw new NotFound('No such file.');
      const types: Record<string, string> = {
        pdf: 'application/pdf',
        jpeg: 'image/jpeg',
        png: 'image/png',
        gif: 'image/gif',
        bmp: 'image/bmp',
        tiff: 'image/tiff',
        webp: 'image/webp',
        xml: 'application/xml',
        html: 'text/plain; charset=utf-8',
        zip: 'application/zip',
      };
      return reply
        .type(types[found.kind] ?? 'application/octet-stream')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('content-disposition', `inline; filename="${found.fileName.replace(/[^\w. ()-]/g, '_')}"`)
        .send(await storage.get(request.params.sha256));
    },
  );

  app.get(
    '/api/accounts/:accountId/email-addresses',
    {
      schema: {
        tags,
        summary: 'Extract by Email addresses (account and mine)',
        params: AccountIdParams,
        response: { 200: EmailAddresses },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'documents.submit');
      return { addresses: (await listEmailAddresses(db, scope)).map(addressOut) };
    },
  );

  app.patch(
    '/api/accounts/:accountId/email-addresses/:id',
    {
      schema: {
        tags,
        summary: 'Change the part before @ (unique across Docket)',
        params: z.strictObject({ accountId: z.uuid(), id: z.uuid() }),
        body: UpdateEmailAddress,
        response: { 200: EmailAddress },
      },
    },
    async (request) => {
      const scope = await requireScope(deps, request, request.params.accountId);
      assertCan(scope, 'documents.submit');
      return addressOut(await updateLocalPart(db, scope, request.params.id, request.body.localPart));
    },
  );
}
