import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Counts one request for a key in a fixed window (the first request after a window ended starts a new
 * one) and answers the count now reached. One statement, in the database, so every app node counts the
 * same requests.
 */
export async function countRequest(db: Kysely<DB>, key: string, windowMinutes: number): Promise<number> {
  const window = `${windowMinutes} minutes`;
  const row = await sql<{ hits: number }>`
    INSERT INTO request_rate AS r (key, hits, window_started_at)
    VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_started_at < now() - ${window}::interval THEN 1 ELSE r.hits + 1 END,
      window_started_at = CASE WHEN r.window_started_at < now() - ${window}::interval
        THEN now() ELSE r.window_started_at END
    RETURNING hits
  `.execute(db);
  return row.rows[0]?.hits ?? 0;
}

/** Forgets counters whose window ended long ago. */
export async function purgeRequestCounters(db: Kysely<DB>, olderThanHours = 24): Promise<void> {
  await db
    .deleteFrom('request_rate')
    .where('window_started_at', '<', sql<Date>`now() - ${`${olderThanHours} hours`}::interval`)
    .execute();
}
