import type { CreditChangeView } from '../../../shared/schemas/credit-changes.ts';
import { iso, num } from '../../http/present.ts';
import type { CreditChangeRow } from './credit-changes.queries.ts';

export function presentCreditChange(row: CreditChangeRow): CreditChangeView {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    requestedBy: row.requested_by,
    requestedByName: row.requester_name,
    fromLevel: row.from_level as CreditChangeView['fromLevel'],
    toLevel: row.to_level as CreditChangeView['toLevel'],
    fromLimit: num(row.from_limit),
    toLimit: num(row.to_limit),
    fromPeriodDays: row.from_period_days,
    toPeriodDays: row.to_period_days,
    reason: row.reason,
    status: row.status as CreditChangeView['status'],
    decisionComment: row.decision_comment,
    approvalRequestId: row.approval_request_id,
    decidedAt: iso(row.decided_at),
    createdAt: row.created_at.toISOString(),
  };
}
