import { maskPhone } from '../../../shared/mask.ts';
import type { CallView } from '../../../shared/schemas/calls.ts';
import type { CallRow } from './calls.queries.ts';

/** `sensitive`: the number in full (customer.view_sensitive); otherwise masked as on the customer file. */
export function presentCall(r: CallRow, sensitive: boolean): CallView {
  return {
    id: r.id,
    direction: r.direction,
    number: sensitive ? r.number : (maskPhone(r.number) ?? r.number),
    contactId: r.contact_id,
    contactName: r.contact_name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    agentUserId: r.agent_user_id,
    agentName: r.agent_name,
    ticketId: r.ticket_id,
    state: r.state,
    startedAt: r.started_at.toISOString(),
    durationSeconds: r.duration_seconds,
    purpose: r.purpose,
    result: r.result,
    notes: r.notes,
  };
}
