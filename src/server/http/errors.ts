import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, errorMessage, errorStatus, type FieldIssue } from '../../shared/errors.ts';
import { isDatabaseUnavailable } from '../db/connection-errors.ts';
import { AppError } from './app-error.ts';

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details?: unknown,
  /** Only for framework errors that carry their own 4xx status; otherwise the catalogue decides. */
  status = errorStatus(code),
) {
  const body: { error: { code: ErrorCode; message: string; details?: unknown } } = {
    error: { code, message: errorMessage(code, request.locale ?? 'zh-CN') },
  };
  if (details !== undefined) body.error.details = details;
  return reply.status(status).send(body);
}

/**
 * During an outage every request fails alike: one log line per 10 s (with how many were answered 503 since
 * the last line) says as much as a thousand would.
 */
const outageLog = {
  lastAt: 0,
  since: 0,
  /** The number of requests answered alike since the last line, or null to stay quiet. */
  note(now: number): number | null {
    this.since++;
    if (now - this.lastAt < 10_000) return null;
    const count = this.since - 1;
    this.lastAt = now;
    this.since = 0;
    return count;
  },
};

/**
 * PostgreSQL data exceptions caused by a value the caller sent: text it cannot store (22P05 a NUL
 * byte, 22021 a byte sequence invalid in UTF-8), numbers and dates out of range or malformed (22003,
 * 22P02, 22007, 22008).
 */
const REFUSED_VALUES: Record<string, ErrorCode> = {
  '22P05': 'INVALID_TEXT',
  '22021': 'INVALID_TEXT',
  '22003': 'INVALID_VALUE',
  '22P02': 'INVALID_VALUE',
  '22007': 'INVALID_VALUE',
  '22008': 'INVALID_VALUE',
};

function refusedValue(error: unknown): ErrorCode | undefined {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  // `severity` tells a PostgreSQL error from a Node one that happens to share a code.
  return typeof code === 'string' && typeof severity === 'string' ? REFUSED_VALUES[code] : undefined;
}

/** One error shape everywhere; no stack trace ever reaches a client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, request, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      // A cursor is opaque to the client: one that fails its schema is one this server never wrote.
      if (issues.every((issue) => issue.field === 'querystring.cursor'))
        return sendError(reply, request, 'INVALID_CURSOR', { issues });
      return sendError(reply, request, 'VALIDATION_FAILED', { issues });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, request, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode === 429) return sendError(reply, request, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type and similar client mistakes.
      return sendError(reply, request, 'VALIDATION_FAILED', { reason: error.code }, error.statusCode);
    }
    if (isDatabaseUnavailable(error)) {
      // Server down, restarting, or our connection cut: the request may be tried again shortly. Its
      // transaction rolled back, unless the cut came while COMMIT itself was under way, when it may
      // have committed: a client retrying a create sends an Idempotency-Key.
      const quiet = outageLog.note(Date.now());
      if (quiet !== null)
        request.log.warn({ reason: error.message, answeredAlike: quiet }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendError(reply, request, 'DATABASE_UNAVAILABLE');
    }
    const refused = refusedValue(error);
    if (refused) {
      // The input passed validation but the database would not take it: answer as the caller's
      // mistake, and log it, since the validation that should have caught it is missing.
      request.log.warn({ reason: error.message, sqlState: error.code }, 'database refused a value');
      return sendError(reply, request, refused);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'INTERNAL');
  });
}
