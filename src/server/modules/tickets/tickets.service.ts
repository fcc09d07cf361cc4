import type { Kysely } from 'kysely';
import type { TicketCreate, TicketListQuery } from '../../../shared/schemas/tickets.ts';
import type { Priority } from '../../../shared/tickets/ticket-status.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { searchWithPlanGuard } from '../../db/search-plan.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import { evaluateAssignment } from '../assignment/assignment.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  createContactWithCustomer,
  findContact,
  findContactByAddress,
  findCustomer,
} from '../customers/contacts.queries.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import { runTicketCreatedHooks } from '../registry.ts';
import { validateCustomFields } from '../ticket-config/custom-fields.ts';
import { clockOf, dueTimes, findPolicy } from './sla.ts';
import { mayAssign, requireMay, requireVisible, scopeOf } from './tickets.policy.ts';
import { presentTicket } from './tickets.presenter.ts';
import * as q from './tickets.queries.ts';
import { listEvents, listMessages, termsVector } from './tickets-messages.queries.ts';

/** The request when the actor may see it; a missing or hidden one is a 404. */
export async function findVisibleTicket(db: Kysely<DB>, actor: Actor | null, id: number) {
  return requireVisible(actor, await q.findTicket(db, id, scopeOf(actor)));
}

/** The request as it is now, for showing the outcome of a write the actor was allowed to make. */
export async function readTicket(db: Kysely<DB>, id: number) {
  const row = await q.findTicket(db, id, { all: true, userId: 0 });
  if (!row) throw notFound();
  return row;
}

/**
 * One page (limit + 1 rows) of the requests the actor may see. A search goes through the plan guard;
 * a search text with nothing searchable in it finds nothing.
 */
export async function listVisibleTickets(db: Kysely<DB>, actor: Actor | null, query: TicketListQuery) {
  const tsQuery = query.q ? buildTsQuery(query.q) : null;
  if (query.q && !tsQuery) return [];
  const filter = { ...query, tsQuery };
  const scope = scopeOf(actor);
  return tsQuery
    ? searchWithPlanGuard(db, (trx) => q.listTickets(trx, filter, scope))
    : q.listTickets(db, filter, scope);
}

/** One page of the requests the actor may see, presented, with the cursor to continue in the list's order. */
export async function visibleTicketPage(db: Kysely<DB>, actor: Actor | null, query: TicketListQuery) {
  return pageOf(
    await listVisibleTickets(db, actor, query),
    query.limit,
    (row) => presentTicket(row),
    (row) => q.cursorAfter(row, query.sort),
  );
}

/** The conversation of a visible request, internal notes included (staff only). */
export async function messagesOf(db: Kysely<DB>, actor: Actor | null, id: number) {
  await findVisibleTicket(db, actor, id);
  return listMessages(db, id, true);
}

/** The history of a visible request. */
export async function eventsOf(db: Kysely<DB>, actor: Actor | null, id: number) {
  await findVisibleTicket(db, actor, id);
  return listEvents(db, id);
}

export const activeTicketTypes = (db: Kysely<DB>) => q.listActiveTypes(db);

export function ticketSearchTerms(t: {
  number: string;
  subject: string;
  description: string;
  product?: string | null;
  order_ref?: string | null;
  shipment_ref?: string | null;
  tags?: string[];
  customerName?: string | null;
}) {
  const text = [
    t.number,
    t.subject,
    t.description,
    t.product,
    t.order_ref,
    t.shipment_ref,
    ...(t.tags ?? []),
    t.customerName,
  ]
    .filter(Boolean)
    .join(' ');
  return termsVector(text);
}

export async function checkAssignee(db: Kysely<DB>, userId: number) {
  const user = await q.findActiveUser(db, userId);
  if (!user)
    throw new AppError('INVALID_ASSIGNEE', {
      issues: [{ field: 'assigneeId', message: 'INVALID_ASSIGNEE' }],
    });
  return user;
}

/** `ctx` is null when the system registers the request itself (an inbound email, a webhook). */
export async function createTicket(
  db: Database,
  ctx: RequestContext | null,
  input: TicketCreate,
  now = new Date(),
): Promise<number> {
  return db.transaction().execute((trx) => createTicketIn(trx, ctx, input, now));
}

/** createTicket inside the caller's transaction (a complaint registered with its request). */
export async function createTicketIn(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  input: TicketCreate,
  now = new Date(),
): Promise<number> {
  const type = await q.findTypeById(trx, input.typeId);
  if (!type) throw invalid('VALIDATION_FAILED', 'typeId');
  let contactId = input.contactId ?? null;
  let customerId = input.customerId ?? null;
  let customerClass: string | null = null;
  if (contactId) {
    const contact = await findContact(trx, contactId);
    if (!contact) throw invalid('VALIDATION_FAILED', 'contactId');
    customerId ??= contact.customer_id;
    customerClass = contact.customer_class;
  } else if (input.newContact) {
    const known = await findContactByAddress(trx, input.newContact.email, input.newContact.phone);
    const contact = known ?? (await createContactWithCustomer(trx, input.newContact));
    contactId = contact.id;
    customerId ??= contact.customer_id;
  }
  let customerName: string | null = null;
  let advisorUserId: number | null = null;
  if (customerId) {
    const customer = await findCustomer(trx, customerId);
    if (!customer) throw invalid('VALIDATION_FAILED', 'customerId');
    customerClass = customer.class;
    customerName = customer.name;
    advisorUserId = customer.advisor_user_id;
  }
  if (input.assigneeId) {
    // Naming who works on it is assigning: the same right as on an existing request.
    if (ctx) requireMay(mayAssign(ctx.actor));
    await checkAssignee(trx, input.assigneeId);
  }
  const customFields = await validateCustomFields(trx, type.id, input.customFields ?? {}, ctx !== null);

  const channel = input.channel ?? 'web';
  // Rules run only when the person registering did not choose an assignee.
  const auto = input.assigneeId
    ? null
    : await evaluateAssignment(trx, {
        typeId: type.id,
        categoryId: input.categoryId ?? null,
        channel,
        priority: input.priority ?? 'normal',
        customerClass,
        advisorUserId,
        tags: input.tags ?? [],
        language: input.language ?? null,
      });
  const priority = (auto?.priority ?? input.priority ?? 'normal') as Priority;
  const assigneeId = input.assigneeId ?? auto?.assigneeId ?? null;
  const teamId = input.teamId ?? auto?.teamId ?? null;
  const policy = await findPolicy(trx, { typeId: type.id, priority, channel, customerClass });
  const due = policy ? dueTimes(await clockOf(trx, policy, now), now, priority) : null;
  const number = await nextRecordNumber(trx, 'ticket', now);
  const row = {
    number,
    subject: input.subject,
    description: input.description ?? '',
    product: input.product ?? null,
    order_ref: input.orderRef ?? null,
    shipment_ref: input.shipmentRef ?? null,
    tags: [...new Set(input.tags ?? [])],
  };
  const id = await q.insertTicket(trx, {
    ...row,
    channel,
    type_id: type.id,
    category_id: input.categoryId ?? null,
    priority,
    complexity: auto?.complexity ?? input.complexity ?? 'simple',
    custom_fields: JSON.stringify(customFields),
    customer_id: customerId,
    contact_id: contactId,
    language: input.language ?? null,
    status: assigneeId ? 'assigned' : 'new',
    assignee_id: assigneeId,
    team_id: teamId,
    sla_policy_id: policy?.id ?? null,
    first_response_due_at: due?.firstResponseDueAt ?? null,
    first_response_warn_at: due?.firstResponseWarnAt ?? null,
    resolution_due_at: due?.resolutionDueAt ?? null,
    resolution_warn_at: due?.resolutionWarnAt ?? null,
    created_by_user_id: ctx?.actor.userId ?? null,
    search_terms: ticketSearchTerms({ ...row, customerName }),
    created_at: now,
  });
  await q.insertEvent(trx, {
    ticket_id: id,
    actor_user_id: ctx?.actor.userId ?? null,
    kind: 'created',
    data: JSON.stringify({ channel }),
  });
  await recordAudit(trx, ctx, {
    action: 'ticket.create',
    entityType: 'ticket',
    entityId: id,
    entityLabel: number,
    after: {
      number,
      subject: row.subject,
      priority,
      channel,
      typeId: type.id,
      assigneeId,
      teamId,
    },
  });
  await runTicketCreatedHooks(trx, ctx, {
    id,
    number,
    typeCode: type.code,
    channel,
    subject: row.subject,
    description: row.description,
    customerId,
    contactId,
    product: row.product,
    orderRef: row.order_ref,
    shipmentRef: row.shipment_ref,
    createdAt: now,
  });
  return id;
}

/** Gives a visible request to someone (or back to the queue); taking it from someone needs a reason. */
export async function assignTicket(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: {
    assigneeId: number | null;
    teamId?: number | null | undefined;
    reason?: string | null | undefined;
  },
) {
  await db.transaction().execute(async (trx) => {
    await findVisibleTicket(trx, ctx.actor, id);
    requireMay(mayAssign(ctx.actor));
    const current = (await q.lockTicket(trx, id))!;
    if (input.assigneeId) await checkAssignee(trx, input.assigneeId);
    // Taking a request from someone else is a reassignment and needs a reason.
    if (current.assignee_id && input.assigneeId !== current.assignee_id && !input.reason?.trim()) {
      throw new AppError('REASON_REQUIRED', {
        issues: [{ field: 'reason', message: 'REASON_REQUIRED' }],
      });
    }
    const status = current.status === 'new' && input.assigneeId ? 'assigned' : current.status;
    await q.updateTicketRow(trx, id, {
      assignee_id: input.assigneeId,
      team_id: input.teamId === undefined ? current.team_id : input.teamId,
      status,
    });
    if (
      input.assigneeId &&
      input.assigneeId !== ctx.actor.userId &&
      input.assigneeId !== current.assignee_id
    ) {
      await notifyUsers(
        trx,
        [input.assigneeId],
        'ticket.assigned',
        { 'ticket.number': current.number, 'ticket.subject': current.subject },
        `/tickets/${id}`,
      );
    }
    await q.insertEvent(trx, {
      ticket_id: id,
      actor_user_id: ctx.actor.userId,
      kind: 'assigned',
      data: JSON.stringify({ from: current.assignee_id, to: input.assigneeId, reason: input.reason ?? null }),
    });
    await recordAudit(trx, ctx, {
      action: 'ticket.assign',
      entityType: 'ticket',
      entityId: id,
      entityLabel: current.number,
      changes: [
        { field: 'assigneeId', before: current.assignee_id, after: input.assigneeId },
        ...(input.reason ? [{ field: 'reason', before: null, after: input.reason }] : []),
      ],
    });
  });
}
