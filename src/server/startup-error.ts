/**
 * A failure whose message is one line naming the cause and the fix (a data directory that cannot be
 * written, a PostgreSQL that cannot start, a file that is not a backup). The entry points print the
 * message alone, without a stack trace, and exit 1.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
