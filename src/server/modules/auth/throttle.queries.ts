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

/**
 * Claims one attempt for a key BEFORE the password is checked, in one statement (the upsert locks the row,
 * so parallel attempts queue): true when the attempt's number in its window is within the limit. Reaching
 * the limit locks the key for lockMinutes; an expired lock or window starts the count afresh. Attempts
 * refused while locked are counted too, so they stay refused.
 */
export async function claimAttempt(db: Kysely<DB>, key: string, rule: ThrottleRule): Promise<boolean> {
  const { limit } = rule;
  const window = `${rule.windowMinutes} minutes`;
  const lock = `${rule.lockMinutes} minutes`;
  const fresh = sql`(CASE WHEN t.locked_until IS NOT NULL THEN t.locked_until <= now()
    ELSE t.window_started_at < now() - ${window}::interval END)`;
  const { rows } = await sql<{ failures: number }>`
    INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit} THEN now() + ${lock}::interval END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN ${fresh} THEN now() ELSE t.window_started_at END,
      locked_until = CASE
        WHEN ${fresh} THEN CASE WHEN 1 >= ${limit} THEN now() + ${lock}::interval END
        WHEN t.locked_until > now() THEN t.locked_until
        WHEN t.failures + 1 >= ${limit} THEN now() + ${lock}::interval
        END
    RETURNING failures
  `.execute(db);
  return (rows[0]?.failures ?? Number.POSITIVE_INFINITY) <= limit;
}

/** Gives back an attempt that turned out right (a sign-in from a shared address must not lock it). */
export async function refundAttempt(db: Kysely<DB>, key: string, rule: ThrottleRule): Promise<void> {
  await sql`
    UPDATE login_throttle SET
      failures = greatest(failures - 1, 0),
      locked_until = CASE WHEN failures - 1 < ${rule.limit} THEN NULL ELSE locked_until END
    WHERE key = ${key}
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
