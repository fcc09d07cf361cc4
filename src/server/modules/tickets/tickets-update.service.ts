import type { TicketUpdate } from '../../../shared/schemas/tickets.ts';
import type { Priority } from '../../../shared/tickets/ticket-status.ts';
import type { Database } from '../../db/database.ts';
import { invalid } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { validateCustomFields } from '../ticket-config/custom-fields.ts';
import { clockOf, dueTimes, findPolicy } from './sla.ts';
import * as q from './tickets.queries.ts';
import { findVisibleTicket, ticketSearchTerms } from './tickets.service.ts';

const FIELDS = [
  'type_id',
  'category_id',
  'priority',
  'complexity',
  'subject',
  'product',
  'order_ref',
  'shipment_ref',
  'tags',
  'stage',
  'custom_fields',
] as const;

/**
 * Edits a request's classification and details. A new priority or type re-reads the SLA policy and
 * recomputes the open clocks from the time the request came in (breaches already recorded stay recorded).
 */
export async function updateTicket(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: TicketUpdate,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const named = await findVisibleTicket(trx, ctx.actor, id);
    const current = (await q.lockTicket(trx, id))!;
    const typeId = input.typeId ?? current.type_id;
    if (input.typeId && !(await q.findTypeById(trx, input.typeId)))
      throw invalid('VALIDATION_FAILED', 'typeId');
    const customFields =
      input.customFields !== undefined || input.typeId !== undefined
        ? await validateCustomFields(trx, typeId, {
            ...(current.custom_fields as Record<string, string | number | null>),
            ...(input.customFields ?? {}),
          })
        : undefined;
    const next = {
      type_id: typeId,
      category_id: input.categoryId === undefined ? current.category_id : input.categoryId,
      priority: input.priority ?? current.priority,
      complexity: input.complexity ?? current.complexity,
      subject: input.subject ?? current.subject,
      product: input.product === undefined ? current.product : input.product,
      order_ref: input.orderRef === undefined ? current.order_ref : input.orderRef,
      shipment_ref: input.shipmentRef === undefined ? current.shipment_ref : input.shipmentRef,
      tags: input.tags ? [...new Set(input.tags)] : current.tags,
      stage: input.stage === undefined ? current.stage : input.stage,
      custom_fields: customFields ?? current.custom_fields,
    };
    const patch: Parameters<typeof q.updateTicketRow>[2] = {
      ...next,
      custom_fields: JSON.stringify(next.custom_fields),
      search_terms: ticketSearchTerms({
        ...next,
        number: current.number,
        description: current.description,
        customerName: named.customer_name,
      }),
    };
    const reclassified = next.priority !== current.priority || next.type_id !== current.type_id;
    if (reclassified && !current.resolved_at) {
      const policy = await findPolicy(trx, {
        typeId: next.type_id,
        priority: next.priority as Priority,
        channel: current.channel,
        customerClass: named.customer_class,
      });
      if (policy) {
        const due = dueTimes(await clockOf(trx, policy, now), current.created_at, next.priority as Priority);
        patch.sla_policy_id = policy.id;
        if (!current.first_responded_at) {
          patch.first_response_due_at = due.firstResponseDueAt;
          patch.first_response_warn_at = due.firstResponseWarnAt;
        }
        patch.resolution_due_at = due.resolutionDueAt;
        patch.resolution_warn_at = due.resolutionWarnAt;
      }
    }
    await q.updateTicketRow(trx, id, patch);
    const before = Object.fromEntries(FIELDS.map((f) => [f, current[f]]));
    const after = Object.fromEntries(FIELDS.map((f) => [f, next[f]]));
    await q.insertEvent(trx, {
      ticket_id: id,
      actor_user_id: ctx.actor.userId,
      kind: 'updated',
      data: JSON.stringify({
        fields: FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])),
      }),
    });
    await recordAudit(trx, ctx, {
      action: 'ticket.update',
      entityType: 'ticket',
      entityId: id,
      entityLabel: current.number,
      before,
      after,
    });
  });
}
