import type { Kysely } from 'kysely';
import { type ComplaintStep, nextStep } from '../../../shared/complaints/complaint-flow.ts';
import { localise } from '../../../shared/localise.ts';
import type { StepInputs } from '../../../shared/schemas/complaints.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { ApprovalFinishedHandler } from '../approvals/approvals.registry.ts';
import { startApproval } from '../approvals/approvals.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { writeStaffMessage } from '../tickets/tickets-messages.service.ts';
import { finishTicketIn } from '../tickets/tickets-workflow.service.ts';
import * as cq from './compensation.queries.ts';
import { openStep } from './complaint-steps.ts';
import {
  mayCompleteStep,
  mayOwnComplaint,
  mayOwnQualityStep,
  requireMay,
  requireVisible,
  scopeOf,
} from './complaints.policy.ts';
import * as q from './complaints.queries.ts';
import { COMPLAINTS_TEXTS } from './complaints.texts.ts';

type Locked = NonNullable<Awaited<ReturnType<typeof q.lockComplaint>>>;

export interface StepOutcome {
  /** A public message written to the customer; after commit an email request also gets it by mail. */
  messageId: number | null;
  ticketId: number;
}

/**
 * Completes the complaint's current step with what it records, in one transaction: the step's effects
 * (a message to the customer, the responsibility decision, the department…), its clock stopped (late
 * is kept as breached), and the next step opened — or the complaint closed. Steps cannot be skipped.
 */
export async function completeStep<S extends ComplaintStep>(
  db: Database,
  ctx: RequestContext,
  id: number,
  step: S,
  input: StepInputs[S],
  now = new Date(),
): Promise<StepOutcome> {
  return db.transaction().execute(async (trx) => {
    const complaint = requireVisible(ctx.actor, await q.lockComplaint(trx, id, scopeOf(ctx.actor)));
    if (complaint.stage === 'closed') throw new AppError('COMPLAINT_CLOSED');
    if (complaint.stage !== step) throw new AppError('COMPLAINT_WRONG_STEP', { stage: complaint.stage });
    const open = await q.lockOpenStep(trx, id);
    if (!open) throw new AppError('COMPLAINT_WRONG_STEP', { stage: complaint.stage });
    requireMay(mayCompleteStep(ctx.actor, step, open.owner_user_id));

    const outcome: StepOutcome = { messageId: null, ticketId: complaint.ticket_id };
    const say = async (body: string) => {
      outcome.messageId = await writeStaffMessage(
        trx,
        ctx,
        complaint.ticket_id,
        { kind: 'public', body },
        now,
      );
    };
    const effects = await applyStepEffects(trx, ctx, complaint, step, input, say);
    if (effects.waitForApproval) {
      await q.updateStep(trx, open.id, { data: JSON.stringify({ ...(open.data as object), ...input }) });
      return outcome;
    }
    await finishStep(trx, ctx, complaint, open, input, now);
    // A complaint that came in without an owner (portal, email) belongs to whoever takes its first step.
    if (!complaint.owner_user_id && mayOwnComplaint(ctx.actor))
      await q.updateComplaintRow(trx, id, { owner_user_id: ctx.actor.userId });
    const refreshed = (await q.lockComplaint(trx, id))!;
    const next = effects.next !== undefined ? effects.next : nextStep(step, refreshed.validity as 'valid');
    if (next) {
      const handedTo = (input as { nextOwnerUserId?: number | null }).nextOwnerUserId ?? null;
      await openStep(
        trx,
        refreshed,
        next,
        handedTo ?? defaultOwner(ctx, refreshed, next),
        now,
        effects.nextDepartmentId ?? null,
      );
    } else {
      await closeComplaint(trx, ctx, refreshed, now);
    }
    return outcome;
  });
}

/**
 * Who gets a step nobody was named for: the quality steps stay with the quality engineer who moved the
 * complaint there (or wait for any quality engineer), the customer-facing ones go back to the complaint's owner.
 */
function defaultOwner(ctx: RequestContext, complaint: Locked, step: ComplaintStep): number | null {
  if (step === 'review' || step === 'analyse') return mayOwnQualityStep(ctx.actor) ? ctx.actor.userId : null;
  return complaint.owner_user_id;
}

interface Effects {
  /** Overrides the path (feedback "not satisfied" goes back to analysis). */
  next?: ComplaintStep | null;
  nextDepartmentId?: number | null;
  /** final_report: the step stays open until the approval comes back. */
  waitForApproval?: boolean;
}

async function applyStepEffects(
  trx: Kysely<DB>,
  ctx: RequestContext,
  complaint: Locked,
  step: ComplaintStep,
  raw: StepInputs[ComplaintStep],
  say: (body: string) => Promise<void>,
): Promise<Effects> {
  switch (step) {
    case 'acknowledge': {
      const input = raw as StepInputs['acknowledge'];
      await say(input.message);
      await q.updateComplaintRow(trx, complaint.id, { promised_at: new Date(input.promisedAt) });
      return {};
    }
    case 'investigate': {
      const input = raw as StepInputs['investigate'];
      const valid = input.responsibility === 'company';
      if (input.responsibleDepartmentId && !(await q.departmentExists(trx, input.responsibleDepartmentId)))
        throw invalid('VALIDATION_FAILED', 'responsibleDepartmentId');
      await q.updateComplaintRow(trx, complaint.id, {
        validity: valid ? 'valid' : 'not_valid',
        responsible_department_id: valid ? (input.responsibleDepartmentId ?? null) : null,
      });
      await recordAudit(trx, ctx, {
        action: 'complaint.responsibility',
        entityType: 'complaint',
        entityId: complaint.id,
        entityLabel: complaint.number,
        changes: [{ field: 'validity', before: complaint.validity, after: valid ? 'valid' : 'not_valid' }],
      });
      return {};
    }
    case 'explain':
      await say((raw as StepInputs['explain']).explanation);
      return {};
    case 'review': {
      const input = raw as StepInputs['review'];
      if (!(await q.departmentExists(trx, input.responsibleDepartmentId)))
        throw invalid('COMPLAINT_DEPARTMENT_REQUIRED', 'responsibleDepartmentId');
      await q.updateComplaintRow(trx, complaint.id, {
        responsible_department_id: input.responsibleDepartmentId,
      });
      return { nextDepartmentId: input.responsibleDepartmentId };
    }
    case 'reply':
      await say((raw as StepInputs['reply']).replyText);
      return {};
    case 'execute': {
      if ((await cq.unsettledCompensations(trx, complaint.id)).length)
        throw new AppError('COMPLAINT_COMPENSATION_UNSETTLED');
      return {};
    }
    case 'feedback': {
      const input = raw as StepInputs['feedback'];
      return input.result === 'not_satisfied'
        ? { next: 'analyse', nextDepartmentId: complaint.responsible_department_id }
        : {};
    }
    case 'final_report': {
      if ((await q.approvalStatus(trx, complaint.final_approval_request_id)) === 'pending')
        throw new AppError('COMPLAINT_FINAL_PENDING');
      const approval = await startApproval(trx, ctx, {
        flow: 'complaint_final',
        entityType: 'complaint',
        entityId: complaint.id,
        title: localise(COMPLAINTS_TEXTS, 'finalReportTitle', ctx.locale, { number: complaint.number }),
        facts: {},
      });
      await q.updateComplaintRow(trx, complaint.id, { final_approval_request_id: approval.id });
      return { waitForApproval: true };
    }
    default:
      return {};
  }
}

async function finishStep(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  complaint: Locked,
  open: NonNullable<Awaited<ReturnType<typeof q.lockOpenStep>>>,
  input: object,
  now: Date,
) {
  await q.updateStep(trx, open.id, {
    completed_at: now,
    completed_by: ctx?.actor.userId ?? null,
    breached: open.breached || (!!open.due_at && now > open.due_at),
    data: JSON.stringify({ ...(open.data as object), ...input }),
  });
  await recordAudit(trx, ctx, {
    action: 'complaint.step',
    entityType: 'complaint',
    entityId: complaint.id,
    entityLabel: complaint.number,
    changes: [{ field: 'stage', before: open.step, after: null }],
    after: { step: open.step, ...input },
  });
}

async function closeComplaint(trx: Kysely<DB>, ctx: RequestContext | null, complaint: Locked, now: Date) {
  await q.updateComplaintRow(trx, complaint.id, { stage: 'closed', closed_at: now });
  // A note on the request in the closer's language (the organisation's default when a job closes it).
  const note = localise(COMPLAINTS_TEXTS, 'closedNote', ctx?.locale ?? 'zh-CN', { number: complaint.number });
  await finishTicketIn(trx, ctx, complaint.ticket_id, note, now);
  await recordAudit(trx, ctx, {
    action: 'complaint.close',
    entityType: 'complaint',
    entityId: complaint.id,
    entityLabel: complaint.number,
    before: { stage: complaint.stage },
    after: { stage: 'closed', validity: complaint.validity },
  });
}

// 厂长/总经理 signs the final report off: approved closes the complaint; rejected keeps the step open for a new report.
export const applyFinalReportOutcome: ApprovalFinishedHandler = async (trx, ctx, request, outcome) => {
  const complaint = await q.lockComplaint(trx, request.entity_id);
  if (complaint?.stage !== 'final_report') return;
  const open = await q.lockOpenStep(trx, complaint.id);
  if (!open) return;
  const now = new Date();
  if (outcome.status === 'approved') {
    await finishStep(trx, ctx, complaint, open, { approvedComment: outcome.comment }, now);
    await closeComplaint(trx, ctx, complaint, now);
  } else {
    await q.updateStep(trx, open.id, {
      data: JSON.stringify({ ...(open.data as object), returnedComment: outcome.comment, returnedAt: now }),
    });
  }
};
