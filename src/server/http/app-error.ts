import { type ErrorCode, errorStatus } from '../../shared/errors.ts';

/**
 * A failure the user should hear about: a stable code and optional details. The HTTP status comes
 * from the code's entry in the error catalogue, so one code always answers with one status.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown) {
    super(code);
    this.code = code;
    this.status = errorStatus(code);
    this.details = details;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
/** A code whose problem sits in one field of the form; the client marks that field. */
export const invalid = (code: ErrorCode, field?: string) =>
  new AppError(code, field ? { issues: [{ field, message: code }] } : undefined);

/** Unique-violation from PostgreSQL, for mapping to a friendly code. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === '23505' && (!constraint || pgError.constraint === constraint);
}
