/**
 * Whether an error means "the database cannot be reached right now" rather than "this statement is
 * wrong": the server is down, restarting or shutting down, or our connection to it was cut. Such a
 * request answers 503 DATABASE_UNAVAILABLE and the next one may well succeed; nothing is retried here
 * (a write whose connection died may or may not have committed: the client decides, see Idempotency-Key).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return reasons(error, 0);
}

/** Socket errors on the way to the server (node errno codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** 57P01 admin shutdown (pg_terminate_backend, fast stop), 57P02 crash shutdown, 57P03 cannot connect now (starting, stopping, recovering). */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);

/** What pg and pg-pool throw when a connection ends under a query, or a client is used after it did. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /timeout exceeded when trying to connect/,
];

function reasons(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SHUTDOWN_STATES.has(code)) return true;
    // SQLSTATE class 08: connection exception.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message)))
    return true;
  if (reasons(cause, depth + 1)) return true;
  // A connect to "localhost" tries each address and fails with all of them at once.
  return Array.isArray(errors) && errors.some((inner) => reasons(inner, depth + 1));
}
