import type { Kysely } from 'kysely';
import type { CompensationKind } from '../../../shared/complaints/complaint-flow.ts';
import { COMPENSATION_KIND_LABELS } from '../../../shared/complaints/complaint-labels.ts';
import { localise } from '../../../shared/localise.ts';
import type { CompensationCreate, CompensationView } from '../../../shared/schemas/complaints.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { money } from '../../http/present.ts';
import type { ApprovalFinishedHandler } from '../approvals/approvals.registry.ts';
import { cancelApproval, startApproval } from '../approvals/approvals.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './compensation.queries.ts';
import {
  mayExecuteCompensation,
  mayRequestCompensation,
  mayWithdrawCompensation,
  requireCompensationVisible,
  requireMay,
  requireVisible,
  scopeOf,
} from './complaints.policy.ts';
import { presentCompensation } from './complaints.presenter.ts';
import * as cq from './complaints.queries.ts';
import { COMPLAINTS_TEXTS } from './complaints.texts.ts';

export interface CompensationRequest {
  complaintId: number | null;
  returnId: number | null;
  /** The record the title names: the complaint's or the return notice's number. */
  recordNumber: string;
  kind: CompensationKind;
  amount: number;
  description: string;
}

/** One compensation as its viewer may see it; 404 when it is missing or hidden from them. */
export async function loadCompensation(db: Kysely<DB>, actor: Actor, id: number): Promise<CompensationView> {
  const row = await q.findCompensation(db, id);
  const inScope = await cq.complaintInScope(db, row?.complaint_id ?? null, scopeOf(actor));
  return presentCompensation(requireCompensationVisible(actor, row, inScope));
}

/** The compensation as it stands after a change the actor was allowed to make (the answer to that change). */
export async function compensationAfter(db: Kysely<DB>, id: number): Promise<CompensationView> {
  const row = await q.findCompensation(db, id);
  if (!row) throw notFound();
  return presentCompensation(row);
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
    amount: money(input.amount)!,
    description: input.description,
    requested_by: ctx.actor.userId,
  });
  const title = localise(COMPLAINTS_TEXTS, 'compensationTitle', ctx.locale, {
    record: input.recordNumber,
    kind: COMPENSATION_KIND_LABELS[input.kind][ctx.locale],
    amount: input.amount.toLocaleString('zh-CN', { minimumFractionDigits: 2 }),
  });
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

/** Compensation asked for on an open complaint, with its approval, in one transaction. */
export async function requestComplaintCompensation(
  db: Database,
  ctx: RequestContext,
  complaintId: number,
  input: CompensationCreate,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const complaint = requireVisible(ctx.actor, await cq.lockComplaint(trx, complaintId, scopeOf(ctx.actor)));
    requireMay(mayRequestCompensation(ctx.actor));
    if (complaint.stage === 'closed') throw new AppError('COMPLAINT_CLOSED');
    return requestCompensation(trx, ctx, {
      complaintId: complaint.id,
      returnId: null,
      recordNumber: complaint.number,
      ...input,
    });
  });
}

/** The requester takes a pending compensation back. */
export async function withdrawCompensation(
  db: Database,
  ctx: RequestContext,
  id: number,
  comment: string | null,
) {
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockCompensation(trx, id);
    const inScope = await cq.complaintInScope(trx, locked?.complaint_id ?? null, scopeOf(ctx.actor));
    const row = requireCompensationVisible(ctx.actor, locked, inScope);
    requireMay(mayWithdrawCompensation(ctx.actor, row));
    if (row.status !== 'pending' || !row.approval_request_id) throw new AppError('COMPENSATION_NOT_PENDING');
    await cancelApproval(trx, ctx, row.approval_request_id, comment);
  });
}

/** Records that an approved compensation was carried out (goods sent, refund paid…). */
export async function executeCompensation(db: Database, ctx: RequestContext, id: number, note: string) {
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockCompensation(trx, id);
    const inScope = await cq.complaintInScope(trx, locked?.complaint_id ?? null, scopeOf(ctx.actor));
    const row = requireCompensationVisible(ctx.actor, locked, inScope);
    requireMay(mayExecuteCompensation(ctx.actor, row));
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
