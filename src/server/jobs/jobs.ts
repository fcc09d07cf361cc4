import { PgBoss } from 'pg-boss';
import { isDatabaseUnavailable } from '../db/connection-errors.ts';
import {
  type ConnectionMonitor,
  type ConnectionState,
  connectionMonitor,
  describeError,
} from '../db/connection-state.ts';
import type { Database } from '../db/database.ts';
import { MODULES } from '../modules/index.ts';
import { installModules } from '../modules/module.ts';
import { readOrganisation } from '../modules/organisation/organisation.queries.ts';
import { registry } from '../modules/registry.ts';

/** pg-boss with the state of its connection to the database, for /api/health. */
export type Jobs = PgBoss & { connectionState(): ConnectionState };

/**
 * Background work and schedules on the same PostgreSQL (pg-boss): with several app nodes each
 * scheduled job still runs once. The jobs are the ones the modules registered (src/server/modules/index.ts).
 */
export async function startJobs(
  connectionString: string,
  db: Database,
  log: (msg: string) => void,
): Promise<Jobs> {
  installModules(MODULES);
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3 });
  const monitor = watchJobsConnection(boss, log);
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
  return Object.assign(boss, { connectionState: monitor.state });
}

/**
 * pg-boss rides out a database outage by itself: its pool listens for errors on every client, its
 * workers and timers catch failures and poll again (every 2 s), and the pool connects anew once the
 * server is back. What it does not do is say so: this watches every statement pg-boss runs, so the
 * state is known without a query of its own — down on the first connection failure (logged once),
 * ok on the next success (logged once). Other pg-boss errors are logged as they come.
 */
export function watchJobsConnection(boss: PgBoss, log: (msg: string) => void): ConnectionMonitor {
  const monitor = connectionMonitor('jobs', log);
  // Statements are numbered as they start: only one started after the latest failure proves the
  // connection is back (one already under way may still finish after the server went away).
  let started = 0;
  let failedAt = 0;
  const down = (error: unknown) => {
    failedAt = started;
    monitor.down(error);
  };
  const db = boss.getDb();
  const execute = db.executeSql;
  // Every argument is passed on: pg-boss's own database takes stop signals as a third.
  db.executeSql = async (...args: unknown[]) => {
    const number = ++started;
    try {
      const result = await Reflect.apply(execute, db, args);
      if (number > failedAt) monitor.up();
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) down(error);
      throw error;
    }
  };
  boss.on('error', (error: unknown) => {
    if (isDatabaseUnavailable(error)) down(error);
    else log(`jobs: ${describeError(error)}`);
  });
  return monitor;
}
