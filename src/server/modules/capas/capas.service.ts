import type { Kysely, Selectable, Updateable } from 'kysely';
import type {
  CapaCreate,
  CapaStatus,
  CapaUpdate,
  CapaVerify,
  CapaView,
} from '../../../shared/schemas/capas.ts';
import type { Database } from '../../db/database.ts';
import type { Capa, DB } from '../../db/schema.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import * as aq from './capa-actions.queries.ts';
import { mayLinkComplaint, mayVerify, requireMay, requireVisible } from './capas.policy.ts';
import { orgToday, presentCapa } from './capas.presenter.ts';
import * as q from './capas.queries.ts';

/**
 * The only ways a CAPA moves. `closed` is reached from `verifying` alone, and `setStatus` below refuses it
 * without an effective verification, so no code path can close a report nobody verified.
 */
const TRANSITIONS: Record<CapaStatus, readonly CapaStatus[]> = {
  proposed: ['open', 'dismissed'],
  open: ['in_progress'],
  in_progress: ['verifying'],
  verifying: ['closed', 'in_progress'],
  closed: [],
  dismissed: [],
};

export async function capaView(db: Kysely<DB>, id: number): Promise<CapaView> {
  const row = await q.findCapa(db, id, await orgToday(db));
  if (!row) throw notFound();
  return presentCapa(row);
}

/** Writes the audit row of a change to the report, with the report as it is now as `after`. */
export async function auditCapa(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  action: string,
  id: number,
  extra: { before?: object; after?: object } = {},
) {
  const view = await capaView(trx, id);
  await recordAudit(trx, ctx, {
    action: `capa.${action}`,
    entityType: 'capa',
    entityId: id,
    entityLabel: `${view.number} ${view.title}`,
    ...(extra.before ? { before: extra.before } : {}),
    after: extra.after ?? view,
  });
  return view;
}

/** The report locked for a change; 404 when it is missing or hidden from the actor. */
export async function lockVisible(trx: Kysely<DB>, actor: Actor, id: number) {
  return requireVisible(actor, await q.lockCapa(trx, id));
}

async function setStatus(
  trx: Kysely<DB>,
  capa: Selectable<Capa>,
  to: CapaStatus,
  patch: Updateable<Capa> = {},
) {
  const from = capa.status as CapaStatus;
  if (!TRANSITIONS[from].includes(to)) throw new AppError('CAPA_NOT_EDITABLE', { from, to });
  if (
    to === 'closed' &&
    (patch.verification_result !== 'effective' || !patch.verified_at || !patch.verified_by)
  )
    throw new AppError('CAPA_VERIFICATION_REQUIRED');
  await q.updateCapa(trx, capa.id, { ...patch, status: to });
}

/** Owner and department must exist (and the owner be active) when they are set. */
export async function checkPeople(
  trx: Kysely<DB>,
  input: { ownerUserId?: number | null | undefined; departmentId?: number | null | undefined },
  field = 'ownerUserId',
) {
  if (input.ownerUserId && !(await aq.isActiveUser(trx, input.ownerUserId)))
    throw invalid('CAPA_USER_UNKNOWN', field);
  if (input.departmentId && !(await aq.departmentExists(trx, input.departmentId)))
    throw invalid('CAPA_DEPARTMENT_UNKNOWN', 'departmentId');
}

function fieldColumns(input: CapaUpdate): Updateable<Capa> {
  const set = <T>(v: T | undefined) => v !== undefined;
  return {
    ...(set(input.title) ? { title: input.title } : {}),
    ...(set(input.problem) ? { problem: input.problem } : {}),
    ...(set(input.containment) ? { containment: input.containment } : {}),
    ...(set(input.whyChain) ? { why_chain: JSON.stringify(input.whyChain) } : {}),
    ...(set(input.causeCategory) ? { cause_category: input.causeCategory } : {}),
    ...(set(input.rootCause) ? { root_cause: input.rootCause } : {}),
    ...(set(input.product) ? { product: input.product } : {}),
    ...(set(input.complaintCategory) ? { complaint_category: input.complaintCategory } : {}),
    ...(set(input.ownerUserId) ? { owner_user_id: input.ownerUserId } : {}),
    ...(set(input.departmentId) ? { department_id: input.departmentId } : {}),
    ...(set(input.dueDate) ? { due_date: input.dueDate } : {}),
  };
}

/** A report opened by hand: standalone, or from a complaint (which it then lists). */
export async function createCapa(db: Database, ctx: RequestContext, input: CapaCreate) {
  const { source, complaintId, ...fields } = input;
  let complaint: Awaited<ReturnType<typeof q.findComplaint>>;
  if (complaintId) {
    requireMay(mayLinkComplaint(ctx.actor));
    complaint = await q.findComplaint(db, complaintId);
    if (!complaint) throw invalid('CAPA_COMPLAINT_NOT_FOUND', 'complaintId');
  }
  return db.transaction().execute(async (trx) => {
    await checkPeople(trx, fields);
    const id = await q.insertCapa(trx, {
      number: await nextRecordNumber(trx, 'capa'),
      source,
      status: 'open',
      title: fields.title,
      problem: fields.problem,
      ...fieldColumns(fields),
      // Somebody owns every report: whoever raises it, unless they name another owner.
      owner_user_id: fields.ownerUserId ?? ctx.actor.userId,
      // The complaint's product and category unless the report names its own.
      product: fields.product ?? complaint?.product ?? null,
      complaint_category: fields.complaintCategory ?? complaint?.category ?? null,
      created_by: ctx.actor.userId,
    });
    if (complaint) await q.linkComplaints(trx, id, [complaint.id]);
    return auditCapa(trx, ctx, 'create', id);
  });
}

/** Problem, containment and analysis change until the report goes to verification. */
export async function updateCapa(db: Database, ctx: RequestContext, id: number, input: CapaUpdate) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockVisible(trx, ctx.actor, id);
    if (!['proposed', 'open', 'in_progress'].includes(capa.status)) throw new AppError('CAPA_NOT_EDITABLE');
    // Started work rests on the root cause; it may be reworded, not removed.
    if (capa.status === 'in_progress' && input.rootCause === null)
      throw invalid('CAPA_ROOT_CAUSE_REQUIRED', 'rootCause');
    await checkPeople(trx, input);
    const before = await capaView(trx, id);
    await q.updateCapa(trx, id, fieldColumns(input));
    return auditCapa(trx, ctx, 'update', id, { before });
  });
}

/** A proposed report (from repeat detection) is taken up: it becomes an open CAPA. */
export async function acceptCapa(db: Database, ctx: RequestContext, id: number) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockVisible(trx, ctx.actor, id);
    if (capa.status !== 'proposed') throw new AppError('CAPA_NOT_PROPOSED');
    await setStatus(trx, capa, 'open', {
      owner_user_id: capa.owner_user_id ?? ctx.actor.userId,
    });
    return auditCapa(trx, ctx, 'accept', id, { before: { status: capa.status } });
  });
}

export async function dismissCapa(db: Database, ctx: RequestContext, id: number, reason: string) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockVisible(trx, ctx.actor, id);
    if (capa.status !== 'proposed') throw new AppError('CAPA_NOT_PROPOSED');
    await setStatus(trx, capa, 'dismissed', { dismiss_reason: reason });
    return auditCapa(trx, ctx, 'dismiss', id, { before: { status: capa.status } });
  });
}

/** Analysis done, actions planned: the root cause is recorded and at least one action exists. */
export async function startCapa(db: Database, ctx: RequestContext, id: number) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockVisible(trx, ctx.actor, id);
    if (capa.status !== 'open') throw new AppError('CAPA_NOT_OPEN');
    if (!capa.root_cause?.trim()) throw new AppError('CAPA_ROOT_CAUSE_REQUIRED');
    const tally = await aq.actionTally(trx, id, null);
    if (tally.open + tally.done === 0) throw new AppError('CAPA_ACTION_REQUIRED');
    await setStatus(trx, capa, 'in_progress');
    return auditCapa(trx, ctx, 'start', id, { before: { status: capa.status } });
  });
}

/** Every action finished (done or cancelled, at least one done): the report waits for verification. */
export async function submitForVerification(db: Database, ctx: RequestContext, id: number) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockVisible(trx, ctx.actor, id);
    if (capa.status !== 'in_progress') throw new AppError('CAPA_NOT_IN_PROGRESS');
    const notEffective = capa.verification_result === 'not_effective';
    const tally = await aq.actionTally(trx, id, notEffective ? capa.verified_at : null);
    if (tally.open > 0) throw new AppError('CAPA_ACTIONS_OPEN', { open: tally.open });
    if (tally.done === 0) throw new AppError('CAPA_NO_ACTION_DONE');
    // Found not effective last time: the same actions cannot simply be verified again.
    if (notEffective && tally.doneSince === 0) throw new AppError('CAPA_NEEDS_NEW_ACTION');
    await setStatus(trx, capa, 'verifying');
    const view = await auditCapa(trx, ctx, 'submit', id, { before: { status: capa.status } });
    const verifiers = (await aq.usersWithPermission(trx, 'capa.verify')).filter(
      (u) => u !== ctx.actor.userId,
    );
    await notifyUsers(
      trx,
      verifiers,
      'capa.verify_requested',
      { 'capa.number': view.number, 'capa.title': view.title },
      `/capas/${id}`,
    );
    return view;
  });
}

/**
 * Verification of effectiveness (by a holder of capa.verify): effective closes the report; not effective
 * sends it back to in progress for new actions. Verifier, time, result and note are kept on the report.
 */
export async function verifyCapa(db: Database, ctx: RequestContext, id: number, input: CapaVerify) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockVisible(trx, ctx.actor, id);
    requireMay(mayVerify(ctx.actor));
    if (capa.status !== 'verifying') throw new AppError('CAPA_NOT_VERIFYING');
    const now = new Date();
    const verification = {
      verified_by: ctx.actor.userId,
      verified_at: now,
      verification_result: input.result,
      verification_note: input.note,
    };
    if (input.result === 'effective')
      await setStatus(trx, capa, 'closed', { ...verification, closed_at: now });
    else await setStatus(trx, capa, 'in_progress', verification);
    const view = await auditCapa(trx, ctx, 'verify', id, {
      before: { status: capa.status, verificationResult: capa.verification_result },
    });
    if (capa.owner_user_id && capa.owner_user_id !== ctx.actor.userId)
      await notifyUsers(
        trx,
        [capa.owner_user_id],
        input.result === 'effective' ? 'capa.verified_effective' : 'capa.verified_not_effective',
        { 'capa.number': view.number, 'capa.title': view.title, note: input.note },
        `/capas/${id}`,
      );
    return view;
  });
}

/** Files may be added while the report is not finished (closed or dismissed). */
export function assertNotFinished(capa: { status: string }) {
  if (capa.status === 'closed' || capa.status === 'dismissed') throw new AppError('CAPA_FINISHED');
}
