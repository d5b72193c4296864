import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyStore } from '../sim-kit/idempotency';
import { OAuthGrants, parseBearer, type Grant } from '../sim-kit/oauth-grants';
import { RateLimiter } from '../sim-kit/rate-limiter';
import { Traps } from '../sim-kit/traps';
import { header } from '../sim-kit/http';
import { sendProblem } from './errors';
import type { XeroOrg } from './model';
import { buildOrg } from './seed';
import { xeroSpec, type XeroSpec } from './spec';

export interface XeroSimulatorOptions {
  readonly clock?: () => Date;
  /** Where the simulator is reachable, for absolute URLs it hands out (attachment Url). */
  readonly baseUrl?: string;
  /** Skip loading the OpenAPI spec (as if the shared data folder were absent). */
  readonly withoutSpec?: boolean;
}

export const DEFAULT_CLIENT = { clientId: 'docket-sim-client', clientSecret: 'docket-sim-secret' } as const;

/** Everything one simulator instance remembers; tests get a fresh one per `buildXeroSimulator`. */
export class XeroSimState {
  readonly clock: () => Date;
  baseUrl: string;
  readonly orgs = new Map<string, XeroOrg>();
  readonly grants: OAuthGrants;
  readonly idempotency = new IdempotencyStore();
  readonly traps = new Traps();
  readonly limiter: RateLimiter;
  readonly spec: XeroSpec | null;
  readonly #connectionIds = new Map<string, string>();
  readonly #admitted = new WeakMap<FastifyRequest, { org: XeroOrg; release: () => void }>();

  constructor(opts: XeroSimulatorOptions) {
    this.clock = opts.clock ?? (() => new Date());
    this.baseUrl = opts.baseUrl ?? 'http://127.0.0.1';
    this.grants = new OAuthGrants({
      clock: this.clock,
      accessTtlSeconds: 1800,
      refreshTtlSeconds: 60 * 86_400,
    });
    this.grants.registerApp(DEFAULT_CLIENT);
    this.limiter = new RateLimiter({ perMinute: 60, perDay: 5000, concurrent: 5 }, this.clock);
    this.spec = opts.withoutSpec === true ? null : xeroSpec();
    const demo = buildOrg({}, this.clock());
    this.orgs.set(demo.id, demo);
  }

  connectionId(grant: Grant, tenantId: string): string {
    const key = `${grant.grantId}/${tenantId}`;
    let id = this.#connectionIds.get(key);
    if (id === undefined) {
      id = randomUUID();
      this.#connectionIds.set(key, id);
    }
    return id;
  }

  /** The organisation a guarded request acts on. */
  orgOf(request: FastifyRequest): XeroOrg {
    const entry = this.#admitted.get(request);
    if (!entry) throw new Error('orgOf called on a request that did not pass the API guard');
    return entry.org;
  }

  /**
   * The gate in front of the Accounting API: bearer token, tenant header, rate limits, then
   * any armed trap. Returns the reply when it answered, undefined to let the request through.
   */
  async guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const token = parseBearer(header(request.headers.authorization));
    const auth = token === null ? null : this.grants.authenticate(token);
    if (auth === null || !auth.ok) {
      const detail =
        auth?.reason === 'expired'
          ? `TokenExpired: token expired at ${auth.expiredAt?.toISOString() ?? ''}`
          : 'AuthenticationUnsuccessful';
      void reply.header('www-authenticate', `Bearer error="invalid_token"`);
      return sendProblem(reply, 401, 'Unauthorized', detail);
    }
    const tenantId = header(request.headers['xero-tenant-id']);
    const org = tenantId === undefined ? undefined : this.orgs.get(tenantId);
    if (tenantId === undefined || org === undefined || !auth.grant.tenantIds.includes(tenantId)) {
      return sendProblem(reply, 403, 'Forbidden', 'AuthorizationUnsuccessful');
    }
    const admission = this.limiter.admit(org.id);
    if (!admission.ok) {
      void reply.header('retry-after', String(admission.retryAfterSeconds));
      void reply.header('x-rate-limit-problem', admission.problem);
      return sendProblem(reply, 429, 'Too Many Requests', 'Rate limit exceeded');
    }
    void reply.header('x-minlimit-remaining', String(admission.minuteRemaining));
    if (admission.dayRemaining !== null)
      void reply.header('x-daylimit-remaining', String(admission.dayRemaining));
    this.#admitted.set(request, { org, release: admission.release });

    const trap = this.traps.take(request.url);
    if (trap?.kind === 'status') {
      return reply
        .code(trap.status)
        .send({ Title: 'Service Unavailable', Status: trap.status, Detail: 'Injected failure' });
    }
    if (trap?.kind === 'timeout') {
      await this.traps.hang();
      return reply.code(503).send({ Title: 'Service Unavailable', Status: 503, Detail: 'Injected timeout' });
    }
    return undefined;
  }

  release(request: FastifyRequest): void {
    this.#admitted.get(request)?.release();
  }
}
