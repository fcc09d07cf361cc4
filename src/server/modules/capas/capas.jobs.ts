import type { Database } from '../../db/database.ts';

/** Overdue CAPA actions are escalated once (being built). */
export async function escalateOverdueActions(_db: Database, _now = new Date()): Promise<number> {
  return 0;
}
