import type { ConfirmationItem, ConfirmationPage } from '../../../shared/schemas/complaint-analysis.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { iso } from '../../http/present.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireVisible } from './complaint-analysis.policy.ts';
import { resolveMonth } from './complaint-analysis.service.ts';
import * as q from './confirmations.queries.ts';

export function presentConfirmation(row: q.ConfirmationRow): ConfirmationItem {
  return {
    id: row.id,
    number: row.number,
    customer: row.customer_id !== null ? { id: row.customer_id, name: row.customer_name ?? '' } : null,
    category: row.category,
    stage: row.stage,
    receivedAt: row.received_at.toISOString(),
    closedAt: iso(row.closed_at),
    confirmed: row.closure_confirmed_at !== null,
    confirmedAt: iso(row.closure_confirmed_at),
    confirmedBy:
      row.closure_confirmed_by !== null
        ? { id: row.closure_confirmed_by, name: row.confirmed_by_name ?? '' }
        : null,
    note: row.closure_confirmation_note,
  };
}

/** 与客户确认前一个月客诉的最终关闭情况 (001 §3.2.3): the month's complaints with their confirmation. */
export async function confirmationChecklist(
  db: Database,
  query: { month?: string | undefined; filter: q.ConfirmationFilter; page: number; pageSize: number },
  now: Date,
): Promise<ConfirmationPage> {
  const { month, range } = await resolveMonth(db, query.month, now);
  const [list, summary] = await Promise.all([
    q.listConfirmations(db, range, query.filter, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    q.confirmationSummary(db, range),
  ]);
  return {
    month,
    summary,
    items: list.rows.map(presentConfirmation),
    total: list.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The customer has confirmed that a closed complaint is settled; confirming again replaces the note. */
export async function confirmClosure(
  db: Database,
  ctx: RequestContext,
  id: number,
  note: string | null,
): Promise<ConfirmationItem> {
  await db.transaction().execute(async (trx) => {
    const row = requireVisible(ctx.actor, await q.lockComplaint(trx, id));
    if (row.stage !== 'closed') throw new AppError('COMPLAINT_NOT_CLOSED', { stage: row.stage });
    const at = new Date();
    await q.setClosureConfirmation(trx, id, { at, by: ctx.actor.userId, note });
    await recordAudit(trx, ctx, {
      action: 'complaint.closure_confirmed',
      entityType: 'complaint',
      entityId: id,
      entityLabel: row.number,
      before: {
        closureConfirmedAt: row.closure_confirmed_at,
        closureConfirmedBy: row.closure_confirmed_by,
        closureConfirmationNote: row.closure_confirmation_note,
      },
      after: { closureConfirmedAt: at, closureConfirmedBy: ctx.actor.userId, closureConfirmationNote: note },
    });
  });
  const row = await q.findConfirmation(db, id);
  if (!row) throw notFound();
  return presentConfirmation(row);
}
