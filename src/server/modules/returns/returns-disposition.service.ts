import { localise } from '../../../shared/localise.ts';
import type { ReturnDispose } from '../../../shared/schemas/returns.ts';
import type { Database } from '../../db/database.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { money } from '../../http/present.ts';
import { requestCompensation } from '../complaints/compensation.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import { mayMarkDelivered, mayMarkReworkDone, requireMay } from './returns.policy.ts';
import { auditSnapshot, closingBlocker, mayRedispose } from './returns.presenter.ts';
import * as q from './returns.queries.ts';
import { auditReturn, lockVisible } from './returns.service.ts';
import { RETURNS_TEXTS } from './returns.texts.ts';

/** The fields the chosen disposition needs, each refused on its own form field. */
function requireFields(input: ReturnDispose) {
  if (input.disposition === 'rework') {
    if (!input.reworkInstructions) throw invalid('RETURN_REWORK_INSTRUCTIONS_REQUIRED', 'reworkInstructions');
    if (!input.reworkDueDate) throw invalid('RETURN_REWORK_DUE_REQUIRED', 'reworkDueDate');
  }
  if (input.disposition === 'replace' && !input.replacementPlannedDate)
    throw invalid('RETURN_REPLACEMENT_DATE_REQUIRED', 'replacementPlannedDate');
  if (input.disposition === 'refund' && !input.refundAmount)
    throw invalid('RETURN_REFUND_AMOUNT_REQUIRED', 'refundAmount');
}

/**
 * 处置 by 营业部 after quality's finding: rework (a numbered 《返工通知单》 for 生产部), replacement with
 * 资材部's planned delivery, scrap, or a refund — which goes through the `compensation` approval. A refund
 * that comes back rejected or withdrawn may be replaced by another disposition.
 */
export async function disposeReturn(db: Database, ctx: RequestContext, id: number, input: ReturnDispose) {
  await db.transaction().execute(async (trx) => {
    const row = await lockVisible(trx, ctx.actor, id);
    if (row.status === 'closed' || row.status === 'cancelled') throw new AppError('RETURN_CLOSED');
    if (row.status === 'disposed') {
      const refund = await q.latestCompensation(trx, id);
      if (!mayRedispose(row, refund?.status)) throw new AppError('RETURN_ALREADY_DISPOSED');
    } else if (row.status !== 'inspected') throw new AppError('RETURN_NOT_INSPECTED');
    requireFields(input);
    const before = auditSnapshot(row, await q.itemsOf(trx, id));
    const d = input.disposition;
    await q.updateReturn(trx, id, {
      status: 'disposed',
      disposition: d,
      disposition_note: input.note ?? null,
      disposed_at: new Date(),
      disposed_by: ctx.actor.userId,
      rework_number: d === 'rework' ? await nextRecordNumber(trx, 'rework') : null,
      rework_instructions: d === 'rework' ? input.reworkInstructions! : null,
      rework_due_date: d === 'rework' ? input.reworkDueDate! : null,
      rework_done_at: null,
      replacement_planned_date: d === 'replace' ? input.replacementPlannedDate! : null,
      replacement_delivered_at: null,
      refund_amount: d === 'refund' ? money(input.refundAmount!)! : null,
    });
    if (d === 'refund') {
      await requestCompensation(trx, ctx, {
        complaintId: row.complaint_id,
        returnId: id,
        recordNumber: row.number,
        kind: 'refund',
        amount: input.refundAmount!,
        description:
          input.note ?? localise(RETURNS_TEXTS, 'refundDescription', ctx.locale, { number: row.number }),
      });
    }
    await auditReturn(trx, ctx, 'dispose', id, before);
  });
}

/** 生产部 finished the rework of the 《返工通知单》. */
export async function markReworkDone(db: Database, ctx: RequestContext, id: number, note: string | null) {
  await db.transaction().execute(async (trx) => {
    const row = await lockVisible(trx, ctx.actor, id);
    requireMay(mayMarkReworkDone(ctx.actor));
    if (row.status !== 'disposed') throw new AppError('RETURN_NOT_DISPOSED');
    if (row.disposition !== 'rework') throw new AppError('RETURN_NOT_REWORK');
    if (row.rework_done_at) throw new AppError('RETURN_REWORK_ALREADY_DONE');
    const before = auditSnapshot(row, await q.itemsOf(trx, id));
    await q.updateReturn(trx, id, { rework_done_at: new Date() });
    await auditReturn(trx, ctx, 'rework_done', id, before, note ? { note } : undefined);
  });
}

/** The replacement goods reached the customer (资材部 kept the promised date or not — both are on record). */
export async function markReplacementDelivered(
  db: Database,
  ctx: RequestContext,
  id: number,
  note: string | null,
) {
  await db.transaction().execute(async (trx) => {
    const row = await lockVisible(trx, ctx.actor, id);
    requireMay(mayMarkDelivered(ctx.actor));
    if (row.status !== 'disposed') throw new AppError('RETURN_NOT_DISPOSED');
    if (row.disposition !== 'replace') throw new AppError('RETURN_NOT_REPLACE');
    if (row.replacement_delivered_at) throw new AppError('RETURN_ALREADY_DELIVERED');
    const before = auditSnapshot(row, await q.itemsOf(trx, id));
    await q.updateReturn(trx, id, { replacement_delivered_at: new Date() });
    await auditReturn(trx, ctx, 'delivered', id, before, note ? { note } : undefined);
  });
}

/** 结案 once the disposition is carried out: rework done, replacement delivered, refund approved; scrap at once. */
export async function closeReturn(db: Database, ctx: RequestContext, id: number, note: string | null) {
  await db.transaction().execute(async (trx) => {
    const row = await lockVisible(trx, ctx.actor, id);
    const refund = row.disposition === 'refund' ? await q.latestCompensation(trx, id) : undefined;
    const blocker = closingBlocker(row, refund?.status);
    if (blocker) throw new AppError(blocker);
    const before = auditSnapshot(row, await q.itemsOf(trx, id));
    await q.updateReturn(trx, id, { status: 'closed', closed_at: new Date() });
    await auditReturn(trx, ctx, 'close', id, before, note ? { note } : undefined);
  });
}
