import type { Database } from '../../db/database.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { updateCustomerRow } from './customers.queries.ts';
import { lockLive } from './customers.service.ts';
import { setLifecycle } from './customers-lifecycle.queries.ts';

/** A customer's class and its lifecycle, changed by hand. */

export async function changeClass(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: { class: 'A' | 'B' | 'C' | null; reason: string },
) {
  await db.transaction().execute(async (trx) => {
    const before = await lockLive(trx, id);
    if (before.class === input.class) return;
    await updateCustomerRow(trx, id, {
      class: input.class,
      class_reason: input.reason,
      class_changed_at: new Date(),
    });
    await recordAudit(trx, ctx, {
      action: 'customer.class',
      entityType: 'customer',
      entityId: id,
      entityLabel: before.name,
      before: { class: before.class },
      after: { class: input.class, reason: input.reason },
    });
  });
}

/** Moves people may make by hand; prospect → active and pending → active go through admission. */
const MANUAL_MOVES: Record<string, readonly string[]> = {
  active: ['dormant', 'lost'],
  dormant: ['active', 'lost'],
  lost: ['active'],
  prospect: ['lost'],
  pending_approval: [],
};

export async function changeLifecycle(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: { to: 'active' | 'dormant' | 'lost'; reason?: string | undefined },
) {
  await db.transaction().execute(async (trx) => {
    const before = await lockLive(trx, id);
    if (!MANUAL_MOVES[before.lifecycle]?.includes(input.to))
      throw new AppError('CUSTOMER_LIFECYCLE_NOT_ALLOWED', { from: before.lifecycle, to: input.to });
    if (input.to === 'lost' && !input.reason) throw invalid('VALIDATION_FAILED', 'reason');
    await setLifecycle(trx, id, input.to, input.to === 'lost' ? (input.reason ?? null) : null);
    await recordAudit(trx, ctx, {
      action: 'customer.lifecycle',
      entityType: 'customer',
      entityId: id,
      entityLabel: before.name,
      before: { lifecycle: before.lifecycle },
      after: { lifecycle: input.to, ...(input.reason ? { reason: input.reason } : {}) },
    });
  });
}
