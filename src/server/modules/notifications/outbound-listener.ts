import type { ConnectionState } from '../../db/connection-state.ts';
import type { Database } from '../../db/database.ts';
import { listenConnection } from '../../db/listen-connection.ts';
import { deliverPending } from './delivery.service.ts';

export interface OutboundListener {
  stop(): Promise<void>;
  /** Whether queued messages go out at once (the LISTEN connection is up), for /api/health. */
  state(): ConnectionState;
}

/**
 * Delivers queued email/SMS right after the transaction that queued them commits (pg_notify on
 * `qiao_outbound`), rather than waiting for the minute job. Rows are claimed with SKIP LOCKED, so
 * several nodes listening at once never send a message twice. After a database outage the listener
 * reconnects by itself (back-off 0.5 s doubling to 30 s) and delivers what was queued meanwhile.
 */
export async function startOutboundListener(
  db: Database,
  connectionString: string,
  log: (msg: string) => void = () => {},
): Promise<OutboundListener> {
  let running: Promise<unknown> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = deliverPending(db)
      .catch(() => {})
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const connection = listenConnection({
    connectionString,
    channel: 'qiao_outbound',
    applicationName: 'qiao-outbound',
    label: 'outbound messages',
    log,
    onNotification: run,
    onReconnect: run,
  });
  await connection.start();
  return {
    async stop() {
      await connection.stop();
      await running;
    },
    state: () => connection.state(),
  };
}
