import type {
  CompensationKind,
  CompensationStatus,
  ComplaintCategory,
  ComplaintObject,
  ComplaintSeverity,
  ComplaintStage,
  ComplaintStep,
} from '../../../shared/complaints/complaint-flow.ts';
import { maskContactText } from '../../../shared/mask.ts';
import type {
  CompensationView,
  ComplaintStepView,
  ComplaintView,
} from '../../../shared/schemas/complaints.ts';
import { iso } from '../../http/present.ts';
import type { CompensationRow } from './compensation.queries.ts';
import type { ComplaintRow, StepRow } from './complaints.queries.ts';

/** `sensitive`: phones and emails in 联系方式 in full (customer.view_sensitive); otherwise masked. */
export function presentComplaint(row: ComplaintRow, sensitive: boolean): ComplaintView {
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
    contactDetails: sensitive ? row.contact_details : maskContactText(row.contact_details),
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

export function presentCompensation(row: CompensationRow): CompensationView {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    complaintNumber: row.complaint_number,
    returnId: row.return_id,
    kind: row.kind as CompensationKind,
    amount: Number(row.amount),
    description: row.description,
    status: row.status as CompensationStatus,
    approvalRequestId: row.approval_request_id,
    requestedBy: row.requested_by,
    requestedByName: row.requester_name,
    decisionComment: row.decision_comment,
    decidedAt: iso(row.decided_at),
    executedAt: iso(row.executed_at),
    executionNote: row.execution_note,
    createdAt: row.created_at.toISOString(),
  };
}
