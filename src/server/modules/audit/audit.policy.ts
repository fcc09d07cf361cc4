import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of the audit trail (审计日志). Decision: administration data, not anyone's case — everyone holding
 * `audit.read` sees every entry: auditors follow a change across modules, so the trail is not cut by
 * department or record owner. Entries are only ever written by the services (recordAudit), never changed or
 * deleted through the API.
 */
export type AuditScope = { kind: 'all' };

export function scopeOf(_actor: Actor): AuditScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing entry is a 404 (no entry is hidden from a reader). */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
