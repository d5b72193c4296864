import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountsRoutes, usersRoutes } from '../modules/accounts';
import { captureRoutes, resumeWaiting } from '../modules/capture';
import { clientsRoutes, deleteAccountFiles } from '../modules/clients';
import { blobStoreFor } from '../integrations/storage';
import { identityRoutes } from '../modules/identity';
import { reviewRoutes } from '../modules/review';
import { publishingFor, type Publishing } from '../modules/publishing';
import { accountScopeHook, authHook } from './auth';
import type { AppDeps, ZodApp } from './deps';
import { handleError } from './errors';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const webDistDir = join(repoRoot, 'dist', 'web');

export interface BuildAppOptions {
  /** Pino logger options, or false for none (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app from dist/web when present (default true). */
  serveWeb?: boolean;
  /** The publishing module (shared with the job workers); built from deps when absent. */
  publishing?: Publishing;
}

const HealthBody = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), engine: z.string(), version: z.string().optional() }),
  queue: z
    .object({ ok: z.boolean(), working: z.boolean(), queued: z.number(), deadLettered: z.number() })
    .nullable(),
});

/** The Fastify app: every route has zod schemas, one error mapping, OpenAPI at /api/openapi.json. */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<ZodApp> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  await app.register(fastifyCookie, { secret: deps.config.secret });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Docket API',
        version: '0.1.0',
        description:
          'The API behind the Docket web app. Sign in with POST /api/auth/sign-in; the session cookie authenticates later calls. ' +
          'Changes (POST, PUT, PATCH, DELETE) must carry the header `x-docket-client` (any value).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'docket_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', authHook(deps));
  app.addHook('preValidation', accountScopeHook(deps));

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Database and job queue health',
        response: { 200: HealthBody, 503: HealthBody },
      },
    },
    async (_request, reply) => {
      let database: z.infer<typeof HealthBody>['database'];
      try {
        database = { ok: true, engine: deps.database.engine, version: await deps.database.version() };
      } catch {
        database = { ok: false, engine: deps.database.engine };
      }
      const queue = deps.queue ? await deps.queue.health() : null;
      const ok = database.ok && (queue?.ok ?? true);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, queue });
    },
  );

  identityRoutes(app, deps);
  accountsRoutes(app, deps);
  usersRoutes(app, deps);
  clientsRoutes(app, deps, {
    resumeWaiting: (accountId) => resumeWaiting(deps.database.db, deps.queue, accountId, deps.clock),
    deleteFiles: (accountId) => deleteAccountFiles(deps.database.db, blobStoreFor(deps.config.dataDir), accountId),
  });
  captureRoutes(app, deps);
  reviewRoutes(app, deps);
  (options.publishing ?? publishingFor(deps)).routes(app, deps);

  const serveWeb = (options.serveWeb ?? true) && existsSync(join(webDistDir, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (serveWeb && request.method === 'GET' && !path.startsWith('/api/') && !path.includes('.')) {
      return reply.type('text/html').sendFile('index.html');
    }
    if (serveWeb && request.method === 'GET' && !path.startsWith('/api/')) {
      const file = path.replace(/^\/+/, '');
      if (existsSync(join(webDistDir, file))) return reply.sendFile(file);
    }
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No such page or API route: ${request.method} ${path}`,
        requestId: request.id,
      },
    });
  });

  return app;
}
