import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { addFormParser } from '../sim-kit/http';
import { registerQuickBooksAdmin } from './admin-routes';
import { registerQuickBooksEntities } from './entity-routes';
import { registerQuickBooksOAuth } from './oauth-routes';
import { QuickBooksSimState, type QuickBooksSimulatorOptions } from './state';
import { registerQuickBooksUpload } from './upload-routes';

export { DEFAULT_QBO_CLIENT as QUICKBOOKS_SIM_CLIENT } from './state';
export type { QuickBooksSimulatorOptions } from './state';

export interface QuickBooksSimulator {
  readonly app: FastifyInstance;
  readonly state: QuickBooksSimState;
}

/**
 * An in-process QuickBooks Online: Intuit OAuth 2.0, the v3 Accounting API subset Docket
 * publishes through (validated against rules read from Intuit's XSDs), and `/_sim/` admin.
 */
export function buildQuickBooksSimulator(opts: QuickBooksSimulatorOptions = {}): QuickBooksSimulator {
  const state = new QuickBooksSimState(opts);
  const app = Fastify({ logger: false });
  addFormParser(app);
  app.addContentTypeParser(['application/text', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => {
    done(null, body);
  });
  app.addHook('onListen', () => {
    if (opts.baseUrl !== undefined) return;
    const address = app.server.address();
    if (address !== null && typeof address === 'object') state.baseUrl = `http://127.0.0.1:${address.port}`;
  });
  app.addHook('preClose', () => {
    state.traps.releaseAll();
  });

  registerQuickBooksOAuth(app, state);
  registerQuickBooksAdmin(app, state);
  void app.register(
    async (api) => {
      await api.register(multipart, { limits: { fileSize: 100 * 1024 * 1024 } });
      api.addHook('onRequest', (request, reply) => state.guard(request, reply));
      api.addHook('onResponse', (request, _reply, next) => {
        state.release(request);
        next();
      });
      registerQuickBooksEntities(api, state);
      registerQuickBooksUpload(api, state);
    },
    { prefix: '/v3/company/:realmId' },
  );
  return { app, state };
}
