import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { header, isRecord } from '../sim-kit/http';
import type { Json } from '../sim-kit/fields';
import { sendValidation, validationException, type ValidationElement } from './errors';
import type { XeroOrg } from './model';
import { XERO_SPEC_UNAVAILABLE } from './spec';
import type { XeroSimState } from './state';

/**
 * The path every Xero write takes: replay a known Idempotency-Key, validate the body against
 * the OpenAPI schema, run the organisation's rules on every element (all-or-nothing, as with
 * summarizeErrors=true), then commit and answer in Xero's envelope.
 */

export interface Planned {
  /** Messages per element; any non-empty list rejects the whole request. */
  readonly problems: readonly ValidationElement[];
  /** Applies the change and returns the records to answer with. */
  readonly commit: () => Json[];
}

export interface WriteSpec {
  /** The OpenAPI schema the body must match (e.g. "Invoices"). */
  readonly schema: string;
  /** The collection key in the body and the answer (e.g. "Invoices"). */
  readonly key: string;
  /** When the body may also be a single element (POST /Payments takes one Payment). */
  readonly single?: boolean;
  readonly plan: (org: XeroOrg, items: Json[]) => Planned;
}

export function envelope(state: XeroSimState, key: string, items: readonly Json[]): Json {
  return {
    Id: randomUUID(),
    Status: 'OK',
    ProviderName: 'Docket',
    DateTimeUTC: `/Date(${state.clock().getTime()})/`,
    [key]: items,
  };
}

export function runWrite(
  state: XeroSimState,
  request: FastifyRequest,
  reply: FastifyReply,
  spec: WriteSpec,
): FastifyReply {
  const org = state.orgOf(request);
  const key = header(request.headers['idempotency-key']);
  const scope = `${org.id} ${request.method} ${request.url}`;
  if (key !== undefined) {
    if (key.length > 128)
      return sendValidation(reply, [
        { element: {}, messages: ['Idempotency-Key must be 128 characters or fewer.'] },
      ]);
    const seen = state.idempotency.get(scope, key);
    if (seen) return reply.code(seen.status).header('idempotent-replayed', 'true').send(seen.body);
  }

  const answer = (status: number, body: Json): FastifyReply => {
    if (key !== undefined) state.idempotency.remember(scope, key, { status, body });
    return reply.code(status).send(body);
  };

  const body = request.body;
  if (state.spec === null) {
    void reply.header('x-sim-validation', 'unavailable');
    request.log.warn(XERO_SPEC_UNAVAILABLE);
  } else {
    const check = state.spec.check(spec.schema, body);
    if (check.status === 'invalid') {
      return answer(
        400,
        validationException([{ element: isRecord(body) ? body : {}, messages: check.messages }]),
      );
    }
  }

  const items = !isRecord(body)
    ? []
    : Array.isArray(body[spec.key])
      ? (body[spec.key] as unknown[]).filter(isRecord)
      : spec.single === true
        ? [body]
        : [];
  if (items.length === 0) {
    return answer(
      400,
      validationException([
        { element: {}, messages: [`The request must contain at least one ${spec.key} element.`] },
      ]),
    );
  }

  const planned = spec.plan(org, items);
  const failing = planned.problems.filter((p) => p.messages.length > 0);
  if (failing.length > 0) return answer(400, validationException(failing));
  return answer(200, envelope(state, spec.key, planned.commit()));
}
