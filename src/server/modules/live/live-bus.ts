import pg from 'pg';

/** A change worth refreshing a screen for. Carries no record data: browsers re-read through permissioned APIs. */
export interface LiveEvent {
  topic: string;
  id?: number | string;
}

export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const CHANNEL = 'qiao_live';

/**
 * Cross-instance events over PostgreSQL LISTEN/NOTIFY: every Qiao node on the database hears every
 * publish, so a browser connected to any node sees changes made on any other.
 */
export function createLiveBus(
  pool: pg.Pool,
  connectionString: string,
  log: (msg: string) => void = () => {},
): LiveBus {
  const listeners = new Set<(event: LiveEvent) => void>();
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString, application_name: 'qiao-live' });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let event: LiveEvent;
      try {
        event = JSON.parse(message.payload) as LiveEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    });
    next.on('error', () => {
      // Connection lost (database restart): listen again shortly.
      client = null;
      next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => connect().catch(() => {}), 1000);
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
    log('live updates: listening');
  };

  return {
    async publish(event) {
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]).catch(() => {});
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: connect,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
