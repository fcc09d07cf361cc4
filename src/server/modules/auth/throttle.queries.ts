import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** How many attempts a key may make in a window, and how long reaching that locks it. */
export interface ThrottleRule {
  limit: number;
  windowMinutes: number;
  lockMinutes: number;
}

export async function isLocked(db: Kysely<DB>, keys: string[]): Promise<boolean> {
  const row = await db
    .selectFrom('login_throttle')
    .select('key')
    .where('key', 'in', keys)
    .where('locked_until', '>', new Date())
    .executeTakeFirst();
  return !!row;
}

/** Counts an attempt in the current window; reaching the limit locks the key for lockMinutes. */
export async function recordFailure(db: Kysely<DB>, key: string, rule: ThrottleRule): Promise<void> {
  const { limit } = rule;
  const window = `${rule.windowMinutes} minutes`;
  const lock = `${rule.lockMinutes} minutes`;
  await sql`
    INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit} THEN now() + ${lock}::interval END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at < now() - ${window}::interval THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN t.window_started_at < now() - ${window}::interval THEN now() ELSE t.window_started_at END,
      locked_until = CASE
        WHEN (CASE WHEN t.window_started_at < now() - ${window}::interval THEN 1 ELSE t.failures + 1 END) >= ${limit}
        THEN now() + ${lock}::interval
        ELSE t.locked_until END
  `.execute(db);
}

export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export async function deleteStaleThrottles(db: Kysely<DB>): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', new Date(Date.now() - 24 * 3600_000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date())]))
    .execute();
}
