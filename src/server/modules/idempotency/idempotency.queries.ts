import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The stored keys of Idempotency-Key (idempotency.service.ts decides what they mean). */

export interface KeyClaim {
  principal: string;
  key: string;
  method: string;
  route: string;
  bodyHash: string;
  requestId: string;
}

export interface KeyRow {
  method: string;
  route: string;
  body_hash: string;
  request_id: string;
  status: number | null;
  response: unknown;
  created_at: Date;
  /** Seconds since the attempt holding the key claimed it. */
  age_seconds: number;
}

/** Claims the key for this request; false when someone (an earlier attempt) already holds it. */
export async function insertClaim(db: Kysely<DB>, claim: KeyClaim): Promise<boolean> {
  const row = await db
    .insertInto('idempotency_key')
    .values({
      principal: claim.principal,
      key: claim.key,
      method: claim.method,
      route: claim.route,
      body_hash: claim.bodyHash,
      request_id: claim.requestId,
    })
    .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return !!row;
}

export async function findKey(db: Kysely<DB>, principal: string, key: string): Promise<KeyRow | undefined> {
  return db
    .selectFrom('idempotency_key')
    .select([
      'method',
      'route',
      'body_hash',
      'request_id',
      'status',
      'response',
      'created_at',
      sql<number>`extract(epoch from now() - created_at)::float8`.as('age_seconds'),
    ])
    .where('principal', '=', principal)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Hands an abandoned claim to a new attempt, unless another retry took it (or it finished) meanwhile. */
export async function takeOverClaim(
  db: Kysely<DB>,
  principal: string,
  key: string,
  fromRequestId: string,
  toRequestId: string,
): Promise<boolean> {
  const row = await db
    .updateTable('idempotency_key')
    .set({ request_id: toRequestId, created_at: sql<Date>`now()` })
    .where('principal', '=', principal)
    .where('key', '=', key)
    .where('request_id', '=', fromRequestId)
    .where('status', 'is', null)
    .returning('key')
    .executeTakeFirst();
  return !!row;
}

/** Keeps the answer of the attempt that holds the key. */
export async function storeResult(
  db: Kysely<DB>,
  principal: string,
  key: string,
  requestId: string,
  status: number,
  response: unknown,
): Promise<void> {
  await db
    .updateTable('idempotency_key')
    .set({ status, response: JSON.stringify(response), completed_at: sql<Date>`now()` })
    .where('principal', '=', principal)
    .where('key', '=', key)
    .where('request_id', '=', requestId)
    .where('status', 'is', null)
    .execute();
}

/** Frees the key after a failed attempt, so a retry runs the create again. */
export async function deleteClaim(
  db: Kysely<DB>,
  principal: string,
  key: string,
  requestId: string,
): Promise<void> {
  await db
    .deleteFrom('idempotency_key')
    .where('principal', '=', principal)
    .where('key', '=', key)
    .where('request_id', '=', requestId)
    .where('status', 'is', null)
    .execute();
}

/** What an attempt wrote, as its audit entry shows (an audited write commits with its audit row). */
export async function auditedWriteOf(db: Kysely<DB>, requestId: string, since: Date) {
  return db
    .selectFrom('audit_log')
    .select(['entity_type', 'entity_id'])
    .where('occurred_at', '>=', since)
    .where('request_id', '=', requestId)
    .orderBy('id')
    .executeTakeFirst();
}

/** Removes keys older than the retention (a day); returns how many. */
export async function deleteKeysOlderThan(db: Kysely<DB>, hours: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_key')
    .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${hours})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
