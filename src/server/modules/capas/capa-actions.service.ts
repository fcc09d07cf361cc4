import type { Kysely, Selectable } from 'kysely';
import type { CapaActionCreate, CapaActionUpdate, CapaActionView } from '../../../shared/schemas/capas.ts';
import type { Database } from '../../db/database.ts';
import type { Capa, DB } from '../../db/schema.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { departmentHead } from '../departments/departments.queries.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import * as aq from './capa-actions.queries.ts';
import { mayCompleteAction, requireMay } from './capas.policy.ts';
import { orgToday, presentAction } from './capas.presenter.ts';
import * as q from './capas.queries.ts';
import { checkPeople, lockVisible } from './capas.service.ts';

/** Actions are planned and worked while the report is open or in progress. */
async function lockWorking(trx: Kysely<DB>, actor: Actor, capaId: number) {
  const capa = await lockVisible(trx, actor, capaId);
  if (capa.status !== 'open' && capa.status !== 'in_progress') throw new AppError('CAPA_ACTIONS_LOCKED');
  return capa;
}

async function lockOpenAction(trx: Kysely<DB>, capaId: number, actionId: number) {
  const action = await aq.lockAction(trx, capaId, actionId);
  if (!action) throw notFound();
  if (action.status !== 'open') throw new AppError('CAPA_ACTION_NOT_OPEN');
  return action;
}

async function actionView(trx: Kysely<DB>, capaId: number, actionId: number): Promise<CapaActionView> {
  return presentAction((await aq.findAction(trx, capaId, actionId))!, await orgToday(trx));
}

/** Action changes are part of the report's history: audited on the CAPA. */
async function auditAction(
  trx: Kysely<DB>,
  ctx: RequestContext,
  capa: Selectable<Capa>,
  action: string,
  actionId: number,
  before?: CapaActionView,
) {
  const after = await actionView(trx, capa.id, actionId);
  await recordAudit(trx, ctx, {
    action: `capa.action_${action}`,
    entityType: 'capa',
    entityId: capa.id,
    entityLabel: `${capa.number} ${capa.title}`,
    ...(before ? { before } : {}),
    after,
  });
  return after;
}

async function notifyAssigned(
  trx: Kysely<DB>,
  ctx: RequestContext,
  capa: Selectable<Capa>,
  action: CapaActionView,
) {
  if (!action.owner || action.owner.id === ctx.actor.userId) return;
  await notifyUsers(
    trx,
    [action.owner.id],
    'capa.action_assigned',
    {
      'capa.number': capa.number,
      'capa.title': capa.title,
      'action.description': action.description,
      'action.dueDate': action.dueDate,
    },
    `/capas/${capa.id}`,
  );
}

/** A change to a specification, standard or procedure must say which document. */
function checkDocumentRef(kind: string, documentRef: string | null | undefined) {
  if (kind === 'document_change' && !documentRef?.trim())
    throw invalid('CAPA_DOCUMENT_REF_REQUIRED', 'documentRef');
}

export async function addAction(db: Database, ctx: RequestContext, capaId: number, input: CapaActionCreate) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockWorking(trx, ctx.actor, capaId);
    checkDocumentRef(input.kind, input.documentRef);
    await checkPeople(trx, input);
    const id = await aq.insertAction(trx, {
      capa_id: capaId,
      kind: input.kind,
      description: input.description,
      document_ref: input.documentRef ?? null,
      owner_user_id: input.ownerUserId ?? null,
      due_date: input.dueDate,
    });
    await q.touchCapa(trx, capaId);
    const view = await auditAction(trx, ctx, capa, 'add', id);
    await notifyAssigned(trx, ctx, capa, view);
    return view;
  });
}

export async function updateAction(
  db: Database,
  ctx: RequestContext,
  capaId: number,
  actionId: number,
  input: CapaActionUpdate,
) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockWorking(trx, ctx.actor, capaId);
    const current = await lockOpenAction(trx, capaId, actionId);
    checkDocumentRef(
      input.kind ?? current.kind,
      input.documentRef !== undefined ? input.documentRef : current.document_ref,
    );
    await checkPeople(trx, input);
    const before = await actionView(trx, capaId, actionId);
    const dueMoved = input.dueDate !== undefined && input.dueDate !== current.due_date;
    await aq.updateAction(trx, actionId, {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.documentRef !== undefined ? { document_ref: input.documentRef } : {}),
      ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
      // A new due date gets its own escalation when it passes.
      ...(dueMoved ? { due_date: input.dueDate, escalated_at: null } : {}),
    });
    const view = await auditAction(trx, ctx, capa, 'update', actionId, before);
    if (input.ownerUserId && input.ownerUserId !== current.owner_user_id)
      await notifyAssigned(trx, ctx, capa, view);
    return view;
  });
}

/** Done with a note of what was done; by a CAPA manager or the action's own owner. */
export async function completeAction(
  db: Database,
  ctx: RequestContext,
  capaId: number,
  actionId: number,
  note: string,
) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockWorking(trx, ctx.actor, capaId);
    const current = await lockOpenAction(trx, capaId, actionId);
    requireMay(mayCompleteAction(ctx.actor, current));
    const before = await actionView(trx, capaId, actionId);
    await aq.updateAction(trx, actionId, { status: 'done', done_at: new Date(), done_note: note });
    return auditAction(trx, ctx, capa, 'complete', actionId, before);
  });
}

export async function cancelAction(
  db: Database,
  ctx: RequestContext,
  capaId: number,
  actionId: number,
  note: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const capa = await lockWorking(trx, ctx.actor, capaId);
    await lockOpenAction(trx, capaId, actionId);
    const before = await actionView(trx, capaId, actionId);
    await aq.updateAction(trx, actionId, { status: 'cancelled', done_at: new Date(), done_note: note });
    return auditAction(trx, ctx, capa, 'cancel', actionId, before);
  });
}

// ── Escalation ───────────────────────────────────────────────────────────────────────────────────────

export type OverdueAction = Awaited<ReturnType<typeof aq.overdueUnescalated>>[number];

/** The head of the action owner's department (部门负责人); without one, its CAPA managers stand in. */
async function departmentHeads(db: Kysely<DB>, departmentId: number | null, exceptUserId: number | null) {
  if (!departmentId) return [];
  const head = await departmentHead(db, departmentId);
  const heads = head ? [head] : await aq.usersWithPermission(db, 'capa.manage', departmentId);
  return heads.filter((id) => id !== exceptUserId);
}

/**
 * One overdue action escalated in its own transaction: marked, audited on its CAPA, and the CAPA owner and
 * the head of the action owner's department told. False when another node escalated it first.
 */
export async function escalateAction(db: Database, action: OverdueAction, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Another node may have taken it between the read and now.
    if (!(await aq.markEscalated(trx, action.id, now))) return false;
    await recordAudit(trx, null, {
      action: 'capa.action_escalate',
      entityType: 'capa',
      entityId: action.capa_id,
      entityLabel: `${action.capa_number} ${action.capa_title}`,
      after: { actionId: action.id, dueDate: action.due_date, ownerUserId: action.owner_user_id },
    });
    const heads = await departmentHeads(trx, action.owner_department_id, action.owner_user_id);
    await notifyUsers(
      trx,
      [action.capa_owner_user_id ?? 0, ...heads],
      'capa.action_overdue',
      {
        'capa.number': action.capa_number,
        'capa.title': action.capa_title,
        'action.description': action.description,
        'action.dueDate': action.due_date,
        'action.owner': action.owner_name ?? '—',
      },
      `/capas/${action.capa_id}`,
    );
    return true;
  });
}
