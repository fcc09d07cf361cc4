import type pg from 'pg';
import type { ConnectionState } from '../../db/connection-state.ts';
import { listenConnection } from '../../db/listen-connection.ts';

/** A change worth refreshing a screen for. Carries no record data: browsers re-read through permissioned APIs. */
export interface LiveEvent {
  topic: string;
  id?: number | string;
}

export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** How many listeners this node feeds: the open browser streams (one per browser, shared by its tabs). */
  subscribers(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Whether this node hears other nodes' events (its LISTEN connection is up), for /api/health. */
  state(): ConnectionState;
}

const CHANNEL = 'qiao_live';

/**
 * Cross-instance events over PostgreSQL LISTEN/NOTIFY: every Qiao node on the database hears every
 * publish, so a browser connected to any node sees changes made on any other. The LISTEN connection
 * comes back by itself after a database outage (back-off 0.5 s doubling to 30 s, for as long as it
 * takes); events published while it was away are not replayed.
 */
export function createLiveBus(
  pool: pg.Pool,
  connectionString: string,
  log: (msg: string) => void = () => {},
): LiveBus {
  const listeners = new Set<(event: LiveEvent) => void>();
  const connection = listenConnection({
    connectionString,
    channel: CHANNEL,
    applicationName: 'qiao-live',
    label: 'live updates',
    log,
    onNotification(payload) {
      if (!payload) return;
      let event: LiveEvent;
      try {
        event = JSON.parse(payload) as LiveEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    },
  });

  return {
    async publish(event) {
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]).catch(() => {});
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribers: () => listeners.size,
    start: () => connection.start(),
    stop: () => connection.stop(),
    state: () => connection.state(),
  };
}
