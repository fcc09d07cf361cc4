import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { ConnectionState } from '../../db/connection-state.ts';
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

export interface HealthChecks {
  database: ConnectionState;
  live: ConnectionState;
  outbound: ConnectionState;
  jobs: ConnectionState;
}

/**
 * The database by one query through the pool; the long-lived connections (live updates, outbound
 * mail, jobs) by the state they report themselves, without a query. One this node does not run is ok.
 */
export async function readHealth(
  deps: Pick<AppDeps, 'db' | 'live' | 'connections'>,
): Promise<{ healthy: boolean; checks: HealthChecks }> {
  const checks: HealthChecks = {
    database: (await databaseAnswers(deps.db)) ? 'ok' : 'down',
    live: deps.live.state(),
    outbound: deps.connections?.outbound?.() ?? 'ok',
    jobs: deps.connections?.jobs?.() ?? 'ok',
  };
  return { healthy: Object.values(checks).every((state) => state === 'ok'), checks };
}
