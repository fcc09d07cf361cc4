import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { fingerprint } from '../../crypto/secret-box.ts';
import type { DB } from '../../db/schema.ts';
import {
  auditedWriteOf,
  deleteClaim,
  deleteKeysOlderThan,
  findKey,
  insertClaim,
  type KeyClaim,
  storeResult,
  takeOverClaim,
} from './idempotency.queries.ts';

export type { KeyClaim };

/** How long a key and the answer stored with it are kept. */
export const KEY_RETENTION_HOURS = 24;
/**
 * How long an attempt may hold a key without finishing before it counts as abandoned (its node died
 * or could not record the outcome). Far longer than any create takes.
 */
export const CLAIM_LEASE_SECONDS = 30;
/** How long a retry waits for the first attempt to finish before answering IDEMPOTENCY_IN_PROGRESS. */
export const IN_PROGRESS_WAIT_MS = 2_000;
const POLL_MS = 100;

export type AttemptStart =
  /** This request holds the key: run the create, then `finishAttempt()`. */
  | { kind: 'run' }
  /** An earlier attempt with this key finished: answer what it answered. */
  | { kind: 'replay'; status: number; body: unknown }
  | {
      kind: 'refuse';
      code: 'IDEMPOTENCY_IN_PROGRESS' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_INTERRUPTED';
      details?: unknown;
    };

/** JSON with its object keys sorted, so the same body hashes alike whatever order the client wrote. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What tells two requests with one key apart: a keyed fingerprint of the body as sent (a body may hold a
 * new user's password, so a plain hash would be guessable for the day it is kept).
 */
export function bodyHash(body: unknown): string {
  return fingerprint(canonical(body));
}

/**
 * Decides what a create carrying an Idempotency-Key does. The first attempt claims the key (one
 * INSERT … ON CONFLICT DO NOTHING, committed at once so every node sees it) and runs; a retry with the
 * same body gets the stored answer, or waits briefly while the first still runs; the same key with a
 * different request is refused. A claim left behind by an attempt that never finished (its node died
 * between claiming and recording) is handed to the retry — unless the audit trail shows that attempt
 * committed its write, in which case running again would make the duplicate the key exists to prevent.
 */
export async function beginAttempt(
  db: Kysely<DB>,
  claim: KeyClaim,
  waitMs = IN_PROGRESS_WAIT_MS,
): Promise<AttemptStart> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await insertClaim(db, claim)) return { kind: 'run' };
    const held = await findKey(db, claim.principal, claim.key);
    if (held) {
      if (held.method !== claim.method || held.route !== claim.route || held.body_hash !== claim.bodyHash)
        return { kind: 'refuse', code: 'IDEMPOTENCY_KEY_REUSED' };
      if (held.status !== null) return { kind: 'replay', status: held.status, body: held.response };
      if (held.age_seconds >= CLAIM_LEASE_SECONDS) {
        const written = await auditedWriteOf(db, held.request_id, held.created_at);
        if (written)
          return {
            kind: 'refuse',
            code: 'IDEMPOTENCY_INTERRUPTED',
            details: { entityType: written.entity_type, entityId: written.entity_id },
          };
        if (await takeOverClaim(db, claim.principal, claim.key, held.request_id, claim.requestId))
          return { kind: 'run' };
        continue;
      }
    }
    // Held by a running attempt (or released a moment ago): look again until the wait is over.
    if (Date.now() >= deadline) return { kind: 'refuse', code: 'IDEMPOTENCY_IN_PROGRESS' };
    if (held) await sleep(POLL_MS);
  }
}

/**
 * Records how the attempt holding the key ended: a success is kept (status and JSON body) for replay;
 * a refusal or failure frees the key, so the client's retry runs the create again — unless a server
 * error came after the write had committed (its audit row is there): then the key stays unsettled and a
 * retry learns that the record exists (IDEMPOTENCY_INTERRUPTED) instead of creating it twice.
 */
export async function finishAttempt(
  db: Kysely<DB>,
  claim: KeyClaim,
  status: number,
  payload: string | null,
  startedAt: Date,
): Promise<void> {
  if (status >= 400) {
    if (status >= 500 && (await auditedWriteOf(db, claim.requestId, startedAt))) return;
    await deleteClaim(db, claim.principal, claim.key, claim.requestId);
    return;
  }
  let body: unknown = null;
  if (payload) {
    try {
      body = JSON.parse(payload);
    } catch {
      body = null;
    }
  }
  await storeResult(db, claim.principal, claim.key, claim.requestId, status, body);
}

/** The daily clean-up: keys (and their stored answers) older than the retention go. */
export async function removeExpiredKeys(db: Kysely<DB>): Promise<number> {
  return deleteKeysOlderThan(db, KEY_RETENTION_HOURS);
}
