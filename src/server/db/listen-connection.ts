import pg from 'pg';
import { backoffDelay, type ConnectionState, connectionMonitor } from './connection-state.ts';

export interface ListenOptions {
  connectionString: string;
  /** The NOTIFY channel. */
  channel: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** Names the connection in the log ("live updates: connection lost …"). */
  label: string;
  log?: (msg: string) => void;
  onNotification(payload: string | undefined): void;
  /** After each reconnection (not the first connection): catch up on what was missed meanwhile. */
  onReconnect?(): void;
  /** First wait and ceiling of the back-off, ms (default 500 doubling to 30 000). */
  backoff?: { initialMs: number; maxMs: number };
}

/** A LISTEN connection that is there for as long as it is needed. */
export interface ListenConnection {
  /** Connects and listens; rejects when that fails (at start-up the caller decides what to do). */
  start(): Promise<void>;
  stop(): Promise<void>;
  state(): ConnectionState;
}

/**
 * A dedicated connection (LISTEN needs one session, never a pooled client) that, once started,
 * reconnects with back-off whenever it is lost — server stopped or restarted, backend terminated,
 * network cut (TCP keep-alive notices a silent one) — for as long as it takes, and listens again.
 * Notifications sent while it was away are lost; `onReconnect` lets the owner catch up.
 */
export function listenConnection(options: ListenOptions): ListenConnection {
  const log = options.log ?? (() => {});
  const monitor = connectionMonitor(options.label, log);
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let attempt = 0;

  const delay = () =>
    options.backoff
      ? backoffDelay(attempt, options.backoff.initialMs, options.backoff.maxMs)
      : backoffDelay(attempt);

  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(reconnect, delay());
    attempt++;
    // Waiting to reconnect is no reason to keep a stopping process alive.
    timer.unref();
  };

  const reconnect = async () => {
    timer = undefined;
    try {
      await open();
    } catch (error) {
      monitor.down(error);
      schedule();
      return;
    }
    if (stopped) return;
    attempt = 0;
    monitor.up();
    options.onReconnect?.();
  };

  const open = async () => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: options.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
    });
    let established = false;
    let lost = false;
    const onLost = (error: unknown) => {
      if (lost) return;
      lost = true;
      next.end().catch(() => {});
      // Before it was established, open() itself rejects and its caller handles that.
      if (!established || stopped || client !== next) return;
      client = null;
      monitor.down(error);
      schedule();
    };
    // An 'error' event without a listener would crash the process.
    next.on('error', onLost);
    next.on('end', () => onLost(new Error('Connection terminated')));
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotification(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${next.escapeIdentifier(options.channel)}`);
    } catch (error) {
      lost = true;
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    established = true;
    client = next;
  };

  return {
    async start() {
      stopped = false;
      await open();
      monitor.up();
      log(`${options.label}: listening`);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
    state: () => (stopped ? 'down' : monitor.state()),
  };
}
