import type { Kysely } from 'kysely';
import type { CompensationKind, CompensationStatus } from '../../../shared/complaints/complaint-flow.ts';
import { COMPENSATION_KIND_LABELS } from '../../../shared/complaints/complaint-labels.ts';
import type { CompensationView } from '../../../shared/schemas/complaints.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { ApprovalFinishedHandler } from '../approvals/approvals.registry.ts';
import { cancelApproval, startApproval } from '../approvals/approvals.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './compensation.queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCompensation(row: q.CompensationRow): CompensationView {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    complaintNumber: row.complaint_number,
    returnId: row.return_id,
    kind: row.kind as CompensationKind,
    amount: Number(row.amount),
    description: row.description,
    status: row.status as CompensationStatus,
    approvalRequestId: row.approval_request_id,
    requestedBy: row.requested_by,
    requestedByName: row.requester_name,
    decisionComment: row.decision_comment,
    decidedAt: iso(row.decided_at),
    executedAt: iso(row.executed_at),
    executionNote: row.execution_note,
    createdAt: row.created_at.toISOString(),
  };
}

export interface CompensationRequest {
  complaintId: number | null;
  returnId: number | null;
  /** The record the title names: the complaint's or the return notice's number. */
  recordNumber: string;
  kind: CompensationKind;
  amount: number;
  description: string;
}

/**
 * 补货、补偿及赔偿: files the compensation and starts its `compensation` approval in the caller's
 * transaction; the routes of that flow decide by amount who approves. Nothing is paid or shipped
 * before the approval comes back approved.
 */
export async function requestCompensation(
  trx: Kysely<DB>,
  ctx: RequestContext,
  input: CompensationRequest,
): Promise<number> {
  const id = await q.insertCompensation(trx, {
    complaint_id: input.complaintId,
    return_id: input.returnId,
    kind: input.kind,
    amount: input.amount.toFixed(2),
    description: input.description,
    requested_by: ctx.actor.userId,
  });
  const kind = COMPENSATION_KIND_LABELS[input.kind][ctx.locale];
  const amount = input.amount.toLocaleString('zh-CN', { minimumFractionDigits: 2 });
  const title =
    ctx.locale === 'en'
      ? `Compensation for ${input.recordNumber}: ${kind} ¥${amount}`
      : `${ctx.locale === 'zh-TW' ? '補償申請' : '补偿申请'}：${input.recordNumber} ${kind} ¥${amount}`;
  const approval = await startApproval(trx, ctx, {
    flow: 'compensation',
    entityType: 'compensation',
    entityId: id,
    title,
    facts: { amount: input.amount },
  });
  await q.updateCompensation(trx, id, { approval_request_id: approval.id });
  await recordAudit(trx, ctx, {
    action: 'compensation.request',
    entityType: 'compensation',
    entityId: id,
    entityLabel: input.recordNumber,
    after: { kind: input.kind, amount: input.amount, description: input.description },
  });
  return id;
}

/** The requester takes a pending compensation back. */
export async function withdrawCompensation(
  db: Database,
  ctx: RequestContext,
  id: number,
  comment: string | null,
) {
  await db.transaction().execute(async (trx) => {
    const row = await q.lockCompensation(trx, id);
    if (!row) throw notFound();
    if (row.requested_by !== ctx.actor.userId) throw forbidden();
    if (row.status !== 'pending' || !row.approval_request_id) throw new AppError('COMPENSATION_NOT_PENDING');
    await cancelApproval(trx, ctx, row.approval_request_id, comment);
  });
}

/** Records that an approved compensation was carried out (goods sent, refund paid…). */
export async function executeCompensation(db: Database, ctx: RequestContext, id: number, note: string) {
  await db.transaction().execute(async (trx) => {
    const row = await q.lockCompensation(trx, id);
    if (!row) throw notFound();
    if (row.status !== 'approved') throw new AppError('COMPENSATION_NOT_APPROVED');
    await q.updateCompensation(trx, id, {
      status: 'executed',
      executed_at: new Date(),
      executed_by: ctx.actor.userId,
      execution_note: note,
    });
    await recordAudit(trx, ctx, {
      action: 'compensation.execute',
      entityType: 'compensation',
      entityId: id,
      before: { status: 'approved' },
      after: { status: 'executed', note },
    });
  });
}

export const applyCompensationOutcome: ApprovalFinishedHandler = async (trx, ctx, request, outcome) => {
  const row = await q.lockByApproval(trx, request.id);
  if (row?.status !== 'pending') return;
  const status = outcome.status === 'cancelled' ? 'withdrawn' : outcome.status;
  await q.updateCompensation(trx, row.id, {
    status,
    decision_comment: outcome.comment,
    decided_at: new Date(),
  });
  await recordAudit(trx, ctx, {
    action: `compensation.${status}`,
    entityType: 'compensation',
    entityId: row.id,
    before: { status: 'pending' },
    after: { status, comment: outcome.comment },
  });
};
