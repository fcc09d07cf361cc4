import type {
  ComplaintCategory,
  ComplaintObject,
  ComplaintSeverity,
  ComplaintStage,
  ComplaintStep,
} from '../../../shared/complaints/complaint-flow.ts';
import type { ComplaintStepView, ComplaintView } from '../../../shared/schemas/complaints.ts';
import type { ComplaintRow, StepRow } from './complaints.queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentComplaint(row: ComplaintRow): ComplaintView {
  return {
    id: row.id,
    number: row.number,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    subject: row.subject,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerClass: row.customer_class,
    contactId: row.contact_id,
    contactName: row.contact_name,
    channel: row.channel,
    receivedAt: row.received_at.toISOString(),
    objectType: row.object_type as ComplaintObject,
    objectRef: row.object_ref,
    product: row.product,
    category: row.category as ComplaintCategory,
    severity: row.severity as ComplaintSeverity,
    content: row.content,
    reason: row.reason,
    demand: row.demand,
    contactDetails: row.contact_details,
    promisedAt: iso(row.promised_at),
    stage: row.stage as ComplaintStage,
    validity: row.validity as ComplaintView['validity'],
    responsibleDepartmentId: row.responsible_department_id,
    responsibleDepartmentName: row.department_name,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    stepDueAt: iso(row.step_due_at),
    stepOwnerName: row.step_owner_name,
    stepBreached: row.step_breached ?? false,
    closedAt: iso(row.closed_at),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentStep(row: StepRow): ComplaintStepView {
  return {
    id: row.id,
    step: row.step as ComplaintStep,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    startedAt: row.started_at.toISOString(),
    dueAt: iso(row.due_at),
    warned: row.warned,
    breached: row.breached,
    completedAt: iso(row.completed_at),
    completedByName: row.completed_by_name,
    data: (row.data ?? {}) as Record<string, unknown>,
  };
}
