import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../shared/contracts/common';
import { Invalid, isDocketError, type DocketError } from '../lib/errors';

const statusOf: Record<DocketError['code'], number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  retryable: 503,
  permanent: 422,
};

function body(
  code: string,
  message: string,
  request: FastifyRequest,
  fields?: Record<string, string>,
): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}), requestId: request.id } };
}

/** The one mapping from errors to HTTP answers: a status, a message for people, field reasons. Never a stack trace. */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (isDocketError(error)) {
    const status = statusOf[error.code];
    if (error.code === 'rate_limited' || error.code === 'retryable') {
      const after = 'retryAfterSeconds' in error ? error.retryAfterSeconds : undefined;
      if (typeof after === 'number') void reply.header('retry-after', String(Math.ceil(after)));
    }
    const fields = error instanceof Invalid ? { ...error.fields } : undefined;
    return reply.status(status).send(body(error.code, error.message, request, fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const detail = issue.params as { issue?: { code?: string; keys?: string[]; path?: PropertyKey[] } };
      const path =
        issue.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
        detail.issue?.path?.map(String).join('.') ||
        '';
      if (detail.issue?.code === 'unrecognized_keys') {
        fields[path || 'body'] = `unknown field(s): ${(detail.issue.keys ?? []).join(', ')}`;
      } else {
        fields[path || 'body'] = issue.message ?? 'is not valid';
      }
    }
    const where = error.validationContext ?? 'request';
    return reply
      .status(400)
      .send(body('invalid', `Some ${where} fields are not valid: see fields.`, request, fields));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    return reply
      .status(500)
      .send(body('internal', 'Something went wrong on our side. Please try again.', request));
  }
  const fe = error as FastifyError;
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (fe.statusCode === 400 && error instanceof SyntaxError)
  ) {
    return reply.status(400).send(body('invalid_json', 'The request body is not valid JSON.', request));
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return reply.status(413).send(body('too_large', 'The request is too large.', request));
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
    return reply
      .status(415)
      .send(body('unsupported_media_type', 'This content type is not accepted here; send JSON.', request));
  }
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return reply
      .status(400)
      .send(body('invalid_json', 'The request body is empty; send a JSON object.', request));
  }
  if (fe.statusCode === 429) {
    return reply
      .status(429)
      .send(body('rate_limited', 'Too many requests. Please wait a moment and try again.', request));
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(body('bad_request', fe.message, request));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send(body('internal', 'Something went wrong on our side. Please try again.', request));
}
