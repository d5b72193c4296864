import Fastify, { type FastifyInstance } from 'fastify';
import { addFormParser, addRawParser } from '../sim-kit/http';
import { registerXeroAdmin } from './admin-routes';
import { registerXeroAttachments } from './attachment-routes';
import { registerXeroDocuments } from './document-routes';
import { registerXeroLists } from './list-routes';
import { registerXeroOAuth } from './oauth-routes';
import { registerXeroPayments } from './payment-routes';
import { XeroSimState, type XeroSimulatorOptions } from './state';

export { DEFAULT_CLIENT as XERO_SIM_CLIENT } from './state';
export type { XeroSimulatorOptions } from './state';

export interface XeroSimulator {
  readonly app: FastifyInstance;
  readonly state: XeroSimState;
}

/**
 * An in-process Xero: OAuth 2.0 (identity + connections), the Accounting API subset Docket
 * publishes through, and a `/_sim/` admin API. Start it with `app.listen({ port: 0, host:
 * '127.0.0.1' })` for real HTTP, or use `app.inject`.
 */
export function buildXeroSimulator(opts: XeroSimulatorOptions = {}): XeroSimulator {
  const state = new XeroSimState(opts);
  const app = Fastify({ logger: false });
  addFormParser(app);
  addRawParser(app);

  app.addHook('onListen', () => {
    if (opts.baseUrl !== undefined) return;
    const address = app.server.address();
    if (address !== null && typeof address === 'object') state.baseUrl = `http://127.0.0.1:${address.port}`;
  });
  app.addHook('preClose', () => {
    state.traps.releaseAll();
  });

  registerXeroOAuth(app, state);
  registerXeroAdmin(app, state);
  void app.register(
    (api, _opts, done) => {
      api.addHook('onRequest', (request, reply) => state.guard(request, reply));
      api.addHook('onResponse', (request, _reply, next) => {
        state.release(request);
        next();
      });
      // A `lost_answer` trap: the write happened, but the caller gets a gateway error instead.
      api.addHook('onSend', (request, reply, payload, next) => {
        const trap = reply.statusCode < 400 ? state.traps.takeLostAnswer(request.url) : undefined;
        if (trap === undefined) {
          next(null, payload);
          return;
        }
        void reply.code(trap.status).type('application/json');
        next(
          null,
          JSON.stringify({ Title: 'Gateway Timeout', Status: trap.status, Detail: 'Injected lost answer' }),
        );
      });
      registerXeroLists(api, state);
      registerXeroDocuments(api, state);
      registerXeroPayments(api, state);
      registerXeroAttachments(api, state);
      done();
    },
    { prefix: '/api.xro/2.0' },
  );
  return { app, state };
}
