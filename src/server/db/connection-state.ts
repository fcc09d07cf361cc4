/** What a long-lived connection reports about itself, for /api/health. */
export type ConnectionState = 'ok' | 'down';

/** The wait before reconnection attempt `attempt` (0-based): 0.5 s, doubling, at most 30 s. */
export function backoffDelay(attempt: number, initialMs = 500, maxMs = 30_000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}

/** One line for a log: pg-boss reports some errors as plain objects, which String() shows as [object Object]. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { message, code } = error as { message?: unknown; code?: unknown };
    if (typeof message === 'string' && message)
      return typeof code === 'string' ? `${message} (${code})` : message;
  }
  return String(error);
}

/**
 * The state of one long-lived connection (live updates, outbound mail, jobs), told by the connection
 * itself as it succeeds or fails, so reading it costs nothing. An outage is logged once when it starts
 * and once when it ends, however many attempts it took.
 */
export interface ConnectionMonitor {
  state(): ConnectionState;
  /** The connection failed; the first call of an outage logs it. */
  down(reason: unknown): void;
  /** The connection works; the first call after an outage logs the recovery. */
  up(): void;
}

export function connectionMonitor(label: string, log: (msg: string) => void): ConnectionMonitor {
  // Down until it first works: a connection not yet made is not one to rely on.
  let state: ConnectionState = 'down';
  let outageSince: number | null = null;
  let failures = 0;
  return {
    state: () => state,
    down(reason) {
      state = 'down';
      failures++;
      if (outageSince !== null) return;
      outageSince = Date.now();
      log(`${label}: connection lost (${describeError(reason)}); reconnecting with back-off`);
    },
    up() {
      state = 'ok';
      if (outageSince === null) return;
      const seconds = ((Date.now() - outageSince) / 1000).toFixed(1);
      log(`${label}: connection restored after ${seconds} s (${failures} failures)`);
      outageSince = null;
      failures = 0;
    },
  };
}
