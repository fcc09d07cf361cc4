import type { Kysely } from 'kysely';
import { type ComplaintStep, NOT_VALID_PATH, VALID_PATH } from '../../../shared/complaints/complaint-flow.ts';
import type {
  ComplaintCreate,
  ComplaintDetail,
  ComplaintListQuery,
  ComplaintUpdate,
} from '../../../shared/schemas/complaints.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { iso } from '../../http/present.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { capasOfComplaint } from '../capas/capas.queries.ts';
import { proposeCapaForRepeats } from '../capas/repeat-detection.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import { returnsOfComplaint } from '../returns/returns.queries.ts';
import type { CreatedTicket, TicketCreatedHook } from '../tickets/ticket-hooks.ts';
import {
  requireVisible as requireVisibleTicket,
  scopeOf as ticketScopeOf,
} from '../tickets/tickets.policy.ts';
import { findTicket } from '../tickets/tickets.queries.ts';
import { checkAssignee, createTicketIn } from '../tickets/tickets.service.ts';
import * as cq from './compensation.queries.ts';
import { openStep, stepVars } from './complaint-steps.ts';
import { mayOwnComplaint, maySeeSensitive, requireVisible, scopeOf } from './complaints.policy.ts';
import { presentCompensation, presentComplaint, presentStep } from './complaints.presenter.ts';
import * as q from './complaints.queries.ts';
import { contactDetailsToStore } from './contact-details.ts';

/** One page (limit + 1 rows) of the complaints the actor may see. */
export function listComplaints(db: Kysely<DB>, actor: Actor, query: ComplaintListQuery, now = new Date()) {
  return q.listComplaints(db, scopeOf(actor), query, actor.userId, now);
}

/** The complaint a request was registered as (its id and number); 404 when there is none to see. */
export async function complaintOfTicket(db: Kysely<DB>, actor: Actor, ticketId: number) {
  return requireVisible(actor, await q.findComplaintByTicket(db, ticketId, scopeOf(actor)));
}

/**
 * Opens the 《客户投诉记录表》 of a request of type 投诉 (any channel), in the request's transaction:
 * numbered, the complainant taken from the request, and the first step (受理致歉) on its clock.
 * Whoever registers it owns it when they handle complaints; otherwise the complaint specialists are told.
 */
export async function openComplaintRecord(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  ticket: CreatedTicket,
): Promise<number> {
  if (await q.findComplaintByTicket(trx, ticket.id)) throw new AppError('COMPLAINT_EXISTS');
  const number = await nextRecordNumber(trx, 'complaint', ticket.createdAt);
  const owner = ctx && mayOwnComplaint(ctx.actor) ? ctx.actor.userId : null;
  const objectType = ticket.product
    ? 'product'
    : ticket.shipmentRef
      ? 'shipment'
      : ticket.orderRef
        ? 'order'
        : 'service';
  const id = await q.insertComplaint(trx, {
    number,
    ticket_id: ticket.id,
    customer_id: ticket.customerId,
    contact_id: ticket.contactId,
    customer_class: await q.customerClassOf(trx, ticket.customerId),
    channel: ticket.channel,
    received_at: ticket.createdAt,
    object_type: objectType,
    object_ref: ticket.shipmentRef ?? ticket.orderRef ?? null,
    product: ticket.product,
    content: ticket.description || ticket.subject,
    owner_user_id: owner,
    created_by: ctx?.actor.userId ?? null,
    created_at: ticket.createdAt,
  });
  await openStep(trx, { id, number, owner_user_id: owner }, 'acknowledge', owner, ticket.createdAt);
  if (!owner) {
    const specialists = await q.activeUsersWithRole(trx, 'complaint_specialist');
    await notifyUsers(
      trx,
      specialists.map((u) => u.id),
      'complaint.new',
      { 'complaint.number': number, subject: ticket.subject },
      `/complaints/${id}`,
    );
  }
  await recordAudit(trx, ctx, {
    action: 'complaint.create',
    entityType: 'complaint',
    entityId: id,
    entityLabel: number,
    after: { number, ticketId: ticket.id, channel: ticket.channel },
  });
  // Repeat detection waits for the category: a specialist sets it when completing the record.
  return id;
}

/** A 投诉 request from any channel opens its complaint record in the same transaction. */
export const openComplaintForTicket: TicketCreatedHook = async (trx, ctx, ticket) => {
  if (ticket.typeCode === 'complaint') await openComplaintRecord(trx, ctx, ticket);
};

/** The record fields as columns; `undefined` leaves a column alone. */
async function recordPatch(
  trx: Kysely<DB>,
  input: ComplaintUpdate,
  known: { current?: string | null; contactId?: number | null | undefined } = {},
) {
  if (input.ownerUserId) await checkAssignee(trx, input.ownerUserId);
  return {
    object_type: input.objectType,
    object_ref: input.objectRef,
    product: input.product,
    category: input.category,
    severity: input.severity,
    reason: input.reason,
    demand: input.demand,
    contact_details: await contactDetailsToStore(trx, input.contactDetails, known),
    promised_at:
      input.promisedAt === undefined ? undefined : input.promisedAt ? new Date(input.promisedAt) : null,
    owner_user_id: input.ownerUserId,
    content: input.content,
  };
}

/** Registering a complaint by phone, letter or visit: its request and its record in one transaction. */
export async function createComplaint(
  db: Database,
  ctx: RequestContext,
  input: ComplaintCreate,
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    const typeId = await q.complaintTypeId(trx);
    if (!typeId) throw new AppError('COMPLAINT_NOT_COMPLAINT_TYPE');
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    const ticketId = await createTicketIn(
      trx,
      ctx,
      {
        typeId,
        subject: input.subject,
        description: input.content,
        channel: input.channel,
        customerId: input.customerId ?? null,
        contactId: input.contactId ?? null,
        product: input.product ?? null,
        priority: input.severity === 'critical' ? 'urgent' : input.severity === 'major' ? 'high' : 'normal',
      },
      receivedAt,
    );
    const complaint = (await q.findComplaintByTicket(trx, ticketId))!;
    await q.updateComplaintRow(trx, complaint.id, {
      ...(await recordPatch(trx, input, { contactId: input.contactId })),
      owner_user_id: input.ownerUserId ?? ctx.actor.userId,
    });
    await repeatCheck(trx, ctx, complaint.id);
    return complaint.id;
  });
}

async function repeatCheck(trx: Kysely<DB>, ctx: RequestContext, id: number) {
  const row = (await q.lockComplaint(trx, id))!;
  if (row.product)
    await proposeCapaForRepeats(trx, ctx, {
      id,
      product: row.product,
      category: row.category,
      receivedAt: row.received_at,
    });
}

/** A request registered under another type turns out to be a complaint: it becomes type 投诉 with its record. */
export async function registerTicketAsComplaint(db: Database, ctx: RequestContext, ticketId: number) {
  return db.transaction().execute(async (trx) => {
    // Only a request the handler may see can become a complaint (the tickets policy decides).
    requireVisibleTicket(ctx.actor, await findTicket(trx, ticketId, ticketScopeOf(ctx.actor)));
    const ticket = await q.lockTicket(trx, ticketId);
    if (!ticket) throw notFound();
    const typeId = await q.complaintTypeId(trx);
    if (!typeId) throw new AppError('COMPLAINT_NOT_COMPLAINT_TYPE');
    if (ticket.type_id !== typeId) {
      await q.setTicketType(trx, ticketId, typeId);
      await recordAudit(trx, ctx, {
        action: 'ticket.update',
        entityType: 'ticket',
        entityId: ticketId,
        entityLabel: ticket.number,
        changes: [{ field: 'typeId', before: ticket.type_id, after: typeId }],
      });
    }
    return openComplaintRecord(trx, ctx, {
      id: ticket.id,
      number: ticket.number,
      typeCode: 'complaint',
      channel: ticket.channel,
      subject: ticket.subject,
      description: ticket.description,
      customerId: ticket.customer_id,
      contactId: ticket.contact_id,
      product: ticket.product,
      orderRef: ticket.order_ref,
      shipmentRef: ticket.shipment_ref,
      createdAt: ticket.created_at,
    });
  });
}

export async function updateComplaint(db: Database, ctx: RequestContext, id: number, input: ComplaintUpdate) {
  await db.transaction().execute(async (trx) => {
    const before = requireVisible(ctx.actor, await q.lockComplaint(trx, id, scopeOf(ctx.actor)));
    if (before.stage === 'closed') throw new AppError('COMPLAINT_CLOSED');
    const patch = await recordPatch(trx, input, {
      current: before.contact_details,
      contactId: before.contact_id,
    });
    await q.updateComplaintRow(trx, id, patch);
    const after = (await q.lockComplaint(trx, id))!;
    const changes = Object.entries(patch)
      .filter(([, v]) => v !== undefined)
      .map(([field]) => ({
        field,
        before: before[field as keyof typeof before] ?? null,
        after: after[field as keyof typeof after] ?? null,
      }))
      .filter((c) => String(c.before) !== String(c.after));
    if (!changes.length) return;
    await recordAudit(trx, ctx, {
      action: 'complaint.update',
      entityType: 'complaint',
      entityId: id,
      entityLabel: before.number,
      changes,
    });
    if (input.product !== undefined || input.category !== undefined) await repeatCheck(trx, ctx, id);
  });
}

/** Hands the current step to someone else (with the reason kept on the step). */
export async function changeStepOwner(
  db: Database,
  ctx: RequestContext,
  id: number,
  ownerUserId: number,
  reason: string | null,
) {
  await db.transaction().execute(async (trx) => {
    const complaint = requireVisible(ctx.actor, await q.lockComplaint(trx, id, scopeOf(ctx.actor)));
    const step = await q.lockOpenStep(trx, id);
    if (!step) throw new AppError('COMPLAINT_CLOSED');
    await checkAssignee(trx, ownerUserId);
    await q.updateStep(trx, step.id, { owner_user_id: ownerUserId });
    await notifyUsers(
      trx,
      [ownerUserId],
      'complaint.step',
      { 'complaint.number': complaint.number, ...stepVars(step.step as ComplaintStep) },
      `/complaints/${id}`,
    );
    await recordAudit(trx, ctx, {
      action: 'complaint.step_owner',
      entityType: 'complaint',
      entityId: id,
      entityLabel: complaint.number,
      changes: [
        { field: `${step.step}.owner`, before: step.owner_user_id, after: ownerUserId },
        ...(reason ? [{ field: 'reason', before: null, after: reason }] : []),
      ],
    });
  });
}

/** The complaint with its steps, compensations, CAPAs and returns; 404 when it is missing or hidden. */
export async function complaintDetail(db: Kysely<DB>, actor: Actor, id: number): Promise<ComplaintDetail> {
  const row = requireVisible(actor, await q.findComplaint(db, id, scopeOf(actor)));
  const [steps, compensations, capas, returns, finalStatus] = await Promise.all([
    q.stepsOf(db, id),
    cq.compensationsOfComplaint(db, id),
    capasOfComplaint(db, id),
    returnsOfComplaint(db, id),
    q.approvalStatus(db, row.final_approval_request_id),
  ]);
  const path = row.validity === 'not_valid' ? NOT_VALID_PATH : VALID_PATH;
  return {
    ...presentComplaint(row, maySeeSensitive(actor)),
    steps: steps.map(presentStep),
    path: [...path],
    compensations: compensations.map(presentCompensation),
    capas,
    returns,
    finalApprovalRequestId: row.final_approval_request_id,
    finalApprovalStatus: finalStatus as ComplaintDetail['finalApprovalStatus'],
    closureConfirmedAt: iso(row.closure_confirmed_at),
  };
}
