import type { Kysely, Selectable } from 'kysely';
import type { CapaActionCreate, CapaActionUpdate, CapaActionView } from '../../../shared/schemas/capas.ts';
import type { Database } from '../../db/database.ts';
import type { Capa, DB } from '../../db/schema.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/app-error.ts';
import { can, type RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import * as aq from './capa-actions.queries.ts';
import { orgToday, presentAction } from './capas.presenter.ts';
import { checkPeople, lockVisible } from './capas.service.ts';

/** Actions are planned and worked while the report is open or in progress. */
async function lockWorking(trx: Kysely<DB>, capaId: number) {
  const capa = await lockVisible(trx, capaId);
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
    const capa = await lockWorking(trx, capaId);
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
    await trx.updateTable('capa').set({ updated_at: new Date() }).where('id', '=', capaId).execute();
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
    const capa = await lockWorking(trx, capaId);
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
    const capa = await lockWorking(trx, capaId);
    const current = await lockOpenAction(trx, capaId, actionId);
    if (!can(ctx.actor, 'capa.manage') && current.owner_user_id !== ctx.actor.userId) throw forbidden();
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
    const capa = await lockWorking(trx, capaId);
    await lockOpenAction(trx, capaId, actionId);
    const before = await actionView(trx, capaId, actionId);
    await aq.updateAction(trx, actionId, { status: 'cancelled', done_at: new Date(), done_note: note });
    return auditAction(trx, ctx, capa, 'cancel', actionId, before);
  });
}
