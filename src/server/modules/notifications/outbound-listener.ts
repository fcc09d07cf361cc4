import pg from 'pg';
import type { Database } from '../../db/database.ts';
import { deliverPending } from './delivery.service.ts';

/**
 * Delivers queued email/SMS right after the transaction that queued them commits (pg_notify on
 * `qiao_outbound`), rather than waiting for the minute job. Rows are claimed with SKIP LOCKED, so
 * several nodes listening at once never send a message twice.
 */
export async function startOutboundListener(
  db: Database,
  connectionString: string,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString, application_name: 'qiao-outbound' });
  client.on('error', () => {});
  await client.connect();
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
  client.on('notification', run);
  await client.query('LISTEN qiao_outbound');
  return async () => {
    await running;
    await client.end().catch(() => {});
  };
}
