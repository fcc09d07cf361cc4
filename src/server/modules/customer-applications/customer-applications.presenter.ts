import type { Selectable } from 'kysely';
import type {
  ApplicationAttachment,
  ApplicationView,
} from '../../../shared/schemas/customer-applications.ts';
import type { Attachment } from '../../db/schema.ts';
import { iso, num } from '../../http/present.ts';
import { presentRecordFile } from '../attachments/attachments.service.ts';
import type { ApplicationRow } from './customer-applications.queries.ts';

export function presentApplication(row: ApplicationRow): ApplicationView {
  return {
    id: row.id,
    number: row.number,
    status: row.status as ApplicationView['status'],
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    customerLifecycle: row.customer_lifecycle as ApplicationView['customerLifecycle'],
    applicantUserId: row.applicant_user_id,
    applicantName: row.applicant_name,
    requestedClass: row.requested_class as ApplicationView['requestedClass'],
    requestedCreditLevel: row.requested_credit_level as ApplicationView['requestedCreditLevel'],
    requestedCreditLimit: num(row.requested_credit_limit),
    requestedCreditPeriodDays: row.requested_credit_period_days,
    expectedAnnualSales: num(row.expected_annual_sales),
    businessScope: row.business_scope,
    investigationNotes: row.investigation_notes,
    decisionComment: row.decision_comment,
    approvalRequestId: row.approval_request_id,
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentApplicationAttachment(
  a: Selectable<Attachment>,
  applicationId: number,
): ApplicationAttachment {
  return presentRecordFile(a, `/api/v1/customer-applications/${applicationId}/attachments`);
}
