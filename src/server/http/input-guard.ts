import type { FastifyInstance } from 'fastify';
import type { FieldIssue } from '../../shared/errors.ts';
import { sendError } from './errors.ts';

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL byte anywhere in a request — path, query or JSON
 * body, in a value or in a key — is refused up front with 400 INVALID_TEXT naming the field, the same
 * for every route, before validation or any handler runs.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const issues: FieldIssue[] = [];
    nulFields(request.params, 'params', issues);
    nulFields(request.query, 'querystring', issues);
    nulFields(request.body, 'body', issues);
    if (issues.length > 0) return sendError(reply, request, 'INVALID_TEXT', { issues });
  });
}

const NUL = '\u0000';

/** The fields of `value` (at `path`) holding a NUL byte, up to a handful. */
function nulFields(value: unknown, path: string, issues: FieldIssue[], depth = 0): void {
  if (issues.length >= 10 || depth > 32) return;
  if (typeof value === 'string') {
    if (value.includes(NUL)) issues.push({ field: path, message: 'INVALID_TEXT' });
    return;
  }
  if (!value || typeof value !== 'object') return;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, inner] of entries) {
    const field = `${path}.${String(key)}`;
    if (typeof key === 'string' && key.includes(NUL)) issues.push({ field, message: 'INVALID_TEXT' });
    else nulFields(inner, field, issues, depth + 1);
  }
}
