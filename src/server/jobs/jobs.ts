import { PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';
import { MODULES } from '../modules/index.ts';
import { installModules } from '../modules/module.ts';
import { readOrganisation } from '../modules/organisation/organisation.queries.ts';
import { registry } from '../modules/registry.ts';

/**
 * Background work and schedules on the same PostgreSQL (pg-boss): with several app nodes each
 * scheduled job still runs once. The jobs are the ones the modules registered (src/server/modules/index.ts).
 */
export async function startJobs(
  connectionString: string,
  db: Database,
  log: (msg: string) => void,
): Promise<PgBoss> {
  installModules(MODULES);
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => log(`jobs: ${String(error)}`));
  await boss.start();

  // Daily jobs run at their hour in the organisation's time zone (a change of zone applies at the next start).
  const tz = (await readOrganisation(db)).time_zone;
  for (const job of registry.jobs.values()) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, undefined, job.zone === 'organisation' ? { tz } : undefined);
    await boss.work(job.name, async () => {
      await job.run(db, log);
    });
  }
  for (const setup of registry.queueSetups.values()) await setup(boss, db, log);
  return boss;
}
