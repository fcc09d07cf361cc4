import type { ErrorCode } from '../../shared/errors.ts';

/** A failure the user should hear about: a stable code, an HTTP status and optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, status: number, details?: unknown) {
    super(code);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const notFound = () => new AppError('NOT_FOUND', 404);
export const forbidden = () => new AppError('FORBIDDEN', 403);
export const conflict = (code: ErrorCode, details?: unknown) => new AppError(code, 409, details);
export const invalid = (code: ErrorCode, field?: string) =>
  new AppError(code, 400, field ? { issues: [{ field, message: code }] } : undefined);

/** Unique-violation from PostgreSQL, for mapping to a friendly code. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === '23505' && (!constraint || pgError.constraint === constraint);
}
