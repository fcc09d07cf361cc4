import type { TicketView } from '../../../shared/schemas/tickets.ts';
import { PAUSED_STATUSES, type TicketStatus, TRANSITIONS } from '../../../shared/tickets/ticket-status.ts';
import { iso } from '../../http/present.ts';
import { clockState } from './sla.ts';
import type { TicketRow } from './tickets.queries.ts';
import type { TicketEventRow, TicketMessageRow } from './tickets-messages.queries.ts';

export function presentTicket(row: TicketRow, now = new Date()): TicketView {
  const status = row.status as TicketStatus;
  const paused = PAUSED_STATUSES.includes(status);
  const finished = row.resolved_at ?? row.closed_at;
  return {
    id: row.id,
    number: row.number,
    channel: row.channel,
    typeId: row.type_id,
    typeCode: row.type_code,
    categoryId: row.category_id,
    priority: row.priority,
    complexity: row.complexity,
    subject: row.subject,
    description: row.description,
    customerId: row.customer_id,
    customerName: row.customer_name,
    contactId: row.contact_id,
    contactName: row.contact_name,
    contactUnverified: row.contact_unverified === true,
    product: row.product,
    orderRef: row.order_ref,
    shipmentRef: row.shipment_ref,
    status,
    stage: row.stage,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    teamId: row.team_id,
    tags: row.tags,
    customFields: (row.custom_fields ?? {}) as Record<string, unknown>,
    firstResponse: {
      dueAt: iso(row.first_response_due_at),
      doneAt: iso(row.first_responded_at),
      breached: row.first_response_breached,
      state: clockState(
        {
          dueAt: row.first_response_due_at,
          warnAt: row.first_response_warn_at,
          doneAt: row.first_responded_at,
          breached: row.first_response_breached,
        },
        paused,
        now,
      ),
    },
    resolution: {
      dueAt: iso(row.resolution_due_at),
      doneAt: iso(finished),
      breached: row.resolution_breached,
      state: clockState(
        {
          dueAt: row.resolution_due_at,
          warnAt: row.resolution_warn_at,
          doneAt: finished,
          breached: row.resolution_breached,
        },
        paused,
        now,
      ),
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    satisfaction:
      row.satisfaction === null
        ? null
        : { score: row.satisfaction, comment: row.satisfaction_comment, ratedAt: iso(row.rated_at) },
    allowedTransitions: [...TRANSITIONS[status]],
  };
}

export const presentMessage = (m: TicketMessageRow) => ({
  id: m.id,
  kind: m.kind,
  channel: m.channel,
  authorUserId: m.author_user_id,
  authorName: m.author_name,
  body: m.body,
  createdAt: m.created_at.toISOString(),
});

export const presentEvent = (r: TicketEventRow) => ({
  id: r.id,
  kind: r.kind,
  occurredAt: r.occurred_at.toISOString(),
  actorName: r.display_name,
  data: r.data as Record<string, unknown>,
});
