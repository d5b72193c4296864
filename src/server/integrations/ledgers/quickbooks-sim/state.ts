import type { FastifyReply, FastifyRequest } from 'fastify';
import { header } from '../sim-kit/http';
import { IdempotencyStore } from '../sim-kit/idempotency';
import { OAuthGrants, parseBearer } from '../sim-kit/oauth-grants';
import { RateLimiter } from '../sim-kit/rate-limiter';
import { Traps } from '../sim-kit/traps';
import { faultBody, qbo, QboFault } from './fault';
import { buildCompany, type QboCompany } from './seed';
import { quickbooksXsd, type XsdModel } from './xsd';

export interface QuickBooksSimulatorOptions {
  readonly clock?: () => Date;
  readonly baseUrl?: string;
  /** Skip loading the XSDs (as if the shared data folder were absent). */
  readonly withoutSpec?: boolean;
}

export const DEFAULT_QBO_CLIENT = {
  clientId: 'docket-qbo-sim-client',
  clientSecret: 'docket-qbo-sim-secret',
} as const;

export class QuickBooksSimState {
  readonly clock: () => Date;
  baseUrl: string;
  readonly companies = new Map<string, QboCompany>();
  readonly grants: OAuthGrants;
  readonly idempotency = new IdempotencyStore();
  readonly traps = new Traps();
  readonly limiter: RateLimiter;
  readonly xsd: XsdModel | null;
  readonly #admitted = new WeakMap<FastifyRequest, { company: QboCompany; release: () => void }>();

  constructor(opts: QuickBooksSimulatorOptions) {
    this.clock = opts.clock ?? (() => new Date());
    this.baseUrl = opts.baseUrl ?? 'http://127.0.0.1';
    this.grants = new OAuthGrants({
      clock: this.clock,
      accessTtlSeconds: 3600,
      refreshTtlSeconds: 101 * 86_400,
    });
    this.grants.registerApp(DEFAULT_QBO_CLIENT);
    this.limiter = new RateLimiter({ perMinute: 500, perDay: null, concurrent: 10 }, this.clock);
    this.xsd = opts.withoutSpec === true ? null : quickbooksXsd();
    const demo = buildCompany({}, this.clock());
    this.companies.set(demo.realmId, demo);
  }

  companyOf(request: FastifyRequest): QboCompany {
    const entry = this.#admitted.get(request);
    if (!entry) throw new Error('companyOf called on a request that did not pass the API guard');
    return entry.company;
  }

  /** Bearer token, realm in the grant, rate limits, then armed traps. */
  async guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const token = parseBearer(header(request.headers.authorization));
    const auth = token === null ? null : this.grants.authenticate(token);
    const now = this.clock();
    if (auth === null || !auth.ok) {
      const detail = auth?.reason === 'expired' ? 'Token expired' : 'Token invalid';
      return reply.code(401).send({
        fault: {
          error: [
            {
              message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
              detail,
              code: '3200',
            },
          ],
          type: 'AUTHENTICATION',
        },
        time: now.toISOString(),
      });
    }
    const { realmId } = request.params as { realmId?: string };
    const company = realmId === undefined ? undefined : this.companies.get(realmId);
    if (company === undefined || !auth.grant.tenantIds.includes(company.realmId)) {
      return reply.code(403).send({
        Fault: {
          Error: [
            {
              Message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403',
              Detail: '',
              code: '3100',
            },
          ],
          type: 'AUTHORIZATION',
        },
        time: now.toISOString(),
      });
    }
    const admission = this.limiter.admit(company.realmId);
    if (!admission.ok) {
      void reply.header('retry-after', String(admission.retryAfterSeconds));
      return reply.code(429).send(faultBody(new QboFault([qbo.throttled()], 429, 'SERVICE'), now));
    }
    this.#admitted.set(request, { company, release: admission.release });
    const trap = this.traps.take(request.url);
    if (trap?.kind === 'status') {
      return reply
        .code(trap.status)
        .send(
          faultBody(
            new QboFault(
              [{ Message: 'An application error has occurred', Detail: 'Injected failure', code: '10000' }],
              trap.status,
              'SystemFault',
            ),
            now,
          ),
        );
    }
    if (trap?.kind === 'timeout') {
      await this.traps.hang();
      return reply.code(503).send();
    }
    return undefined;
  }

  release(request: FastifyRequest): void {
    this.#admitted.get(request)?.release();
  }
}
