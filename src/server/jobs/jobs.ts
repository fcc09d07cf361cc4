import { PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';
import { deleteExpiredSessions } from '../modules/auth/auth.queries.ts';
import { deleteStaleThrottles } from '../modules/auth/throttle.ts';

/**
 * Background work and schedules on the same PostgreSQL (pg-boss): with several app nodes each
 * scheduled job still runs once.
 */
export async function startJobs(
  connectionString: string,
  db: Database,
  log: (msg: string) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => log(`jobs: ${String(error)}`));
  await boss.start();

  await boss.createQueue('maintenance.cleanup');
  await boss.schedule('maintenance.cleanup', '17 * * * *');
  await boss.work('maintenance.cleanup', async () => {
    const sessions = await deleteExpiredSessions(db);
    await deleteStaleThrottles(db);
    log(`maintenance: removed ${sessions} expired sessions`);
  });
  return boss;
}
