import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { pingDatabase } from './health.queries.ts';

/** Whether the database answers; the health check is public and carries no data. */
export async function databaseAnswers(db: Kysely<DB>): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    return false;
  }
}
