import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

const QUERY_CANCELED = '57014';

/**
 * Runs a full-text list query newest-first with a guard against the planner's one bad guess: for two common
 * terms that never occur together it estimates many matches and walks the primary key backwards through
 * the whole table. The first attempt gets a short time limit; if it runs out, the query is run again with
 * plain index scans switched off, which makes PostgreSQL intersect the terms in the GIN index instead.
 */
export async function searchWithPlanGuard<T>(
  db: Kysely<DB>,
  run: (db: Kysely<DB>) => Promise<T>,
  firstTryMs = 300,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('statement_timeout', ${String(firstTryMs)}, true)`.execute(trx);
      return run(trx);
    });
  } catch (error) {
    if ((error as { code?: string }).code !== QUERY_CANCELED) throw error;
    return db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('enable_indexscan', 'off', true)`.execute(trx);
      return run(trx);
    });
  }
}
