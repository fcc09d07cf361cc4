import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, errorMessage, errorStatus, type FieldIssue } from '../../shared/errors.ts';
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

/** One error shape everywhere; no stack trace ever reaches a client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, request, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return sendError(reply, request, 'VALIDATION_FAILED', { issues });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, request, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode === 429) return sendError(reply, request, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type and similar client mistakes.
      return sendError(reply, request, 'VALIDATION_FAILED', { reason: error.code }, error.statusCode);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'INTERNAL');
  });
}
