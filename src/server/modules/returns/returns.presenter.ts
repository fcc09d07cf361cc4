import type { Selectable } from 'kysely';
import type {
  ReturnAttachment,
  ReturnDetail,
  ReturnDisposition,
  ReturnItemView,
  ReturnStatus,
  ReturnView,
} from '../../../shared/schemas/returns.ts';
import type { ReturnItem, ReturnNotice } from '../../db/schema.ts';
import { iso, num } from '../../http/present.ts';
import { presentRecordFile } from '../attachments/attachments.service.ts';
import type { CompensationRow } from '../complaints/compensation.queries.ts';
import { presentCompensation } from '../complaints/complaints.presenter.ts';
import type { ReturnAttachmentRow, ReturnRow } from './returns.queries.ts';
/** Quantities compared to the gram: numeric(14, 3) arrives as text. */
export const sameQuantity = (a: number, b: number) => Math.round(a * 1000) === Math.round(b * 1000);

export function presentItem(row: Selectable<ReturnItem>): ReturnItemView {
  const quantity = Number(row.quantity);
  const received = num(row.received_quantity);
  return {
    id: row.id,
    position: row.position,
    product: row.product,
    spec: row.spec,
    unit: row.unit,
    quantity,
    receivedQuantity: received,
    defectiveQuantity: num(row.defective_quantity),
    note: row.note,
    discrepancy: received !== null && !sameQuantity(received, quantity),
  };
}

export function presentReturn(row: ReturnRow): ReturnView {
  return {
    id: row.id,
    number: row.number,
    status: row.status as ReturnStatus,
    customerId: row.customer_id,
    customerName: row.customer_name,
    complaintId: row.complaint_id,
    complaintNumber: row.complaint_number,
    orderRef: row.order_ref,
    reason: row.reason,
    itemCount: row.item_count,
    itemsSummary: row.item_count > 4 ? `${row.items_summary}…` : row.items_summary,
    disposition: row.disposition as ReturnDisposition | null,
    reworkNumber: row.rework_number,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: iso(row.closed_at),
  };
}

export function presentReturnAttachment(a: ReturnAttachmentRow, returnId: number): ReturnAttachment {
  return {
    ...presentRecordFile(a, `/api/v1/returns/${returnId}/attachments`),
    uploadedByName: a.uploader_name,
  };
}

/** What closing waits for, given the disposition: `null` when nothing (the notice may close). */
export function closingBlocker(
  row: Pick<
    Selectable<ReturnNotice>,
    'status' | 'disposition' | 'rework_done_at' | 'replacement_delivered_at'
  >,
  refundStatus: string | undefined,
):
  | 'RETURN_NOT_DISPOSED'
  | 'RETURN_REWORK_NOT_DONE'
  | 'RETURN_REPLACEMENT_NOT_DELIVERED'
  | 'RETURN_REFUND_PENDING'
  | 'RETURN_REFUND_REJECTED'
  | null {
  if (row.status !== 'disposed') return 'RETURN_NOT_DISPOSED';
  switch (row.disposition) {
    case 'rework':
      return row.rework_done_at ? null : 'RETURN_REWORK_NOT_DONE';
    case 'replace':
      return row.replacement_delivered_at ? null : 'RETURN_REPLACEMENT_NOT_DELIVERED';
    case 'refund':
      if (refundStatus === 'approved' || refundStatus === 'executed') return null;
      return refundStatus === 'pending' ? 'RETURN_REFUND_PENDING' : 'RETURN_REFUND_REJECTED';
    default:
      return null;
  }
}

/** A refund that came back rejected or withdrawn sends the notice back to its disposition. */
export const mayRedispose = (
  row: Pick<Selectable<ReturnNotice>, 'status' | 'disposition'>,
  refundStatus?: string,
) =>
  row.status === 'disposed' &&
  row.disposition === 'refund' &&
  (refundStatus === 'rejected' || refundStatus === 'withdrawn' || refundStatus === undefined);

export interface DetailParts {
  row: ReturnRow;
  items: Selectable<ReturnItem>[];
  names: { id: number; display_name: string }[];
  compensations: CompensationRow[];
  attachments: ReturnAttachmentRow[];
}

export function presentReturnDetail({
  row,
  items,
  names,
  compensations,
  attachments,
}: DetailParts): ReturnDetail {
  const name = (id: number | null) => names.find((n) => n.id === id)?.display_name ?? null;
  const refundStatus = compensations.at(-1)?.status;
  return {
    ...presentReturn(row),
    requestedByName: name(row.requested_by),
    received: { at: iso(row.received_at), byName: name(row.received_by), note: row.receipt_note },
    inspected: {
      at: iso(row.inspected_at),
      byName: name(row.inspected_by),
      defectConfirmed: row.defect_confirmed,
      note: row.inspection_note,
    },
    disposed: { at: iso(row.disposed_at), byName: name(row.disposed_by), note: row.disposition_note },
    rework: row.rework_number
      ? {
          number: row.rework_number,
          instructions: row.rework_instructions,
          dueDate: row.rework_due_date,
          doneAt: iso(row.rework_done_at),
        }
      : null,
    replacement:
      row.disposition === 'replace'
        ? { plannedDate: row.replacement_planned_date, deliveredAt: iso(row.replacement_delivered_at) }
        : null,
    refundAmount: num(row.refund_amount),
    cancelReason: row.cancel_reason,
    items: items.map(presentItem),
    compensations: compensations.map(presentCompensation),
    attachments: attachments.map((a) => presentReturnAttachment(a, row.id)),
    closable: closingBlocker(row, refundStatus) === null,
    redisposable: mayRedispose(row, refundStatus),
  };
}

/** The notice as the audit trail records it before and after each action. */
export function auditSnapshot(row: Selectable<ReturnNotice>, items: Selectable<ReturnItem>[]) {
  return {
    status: row.status,
    customerId: row.customer_id,
    complaintId: row.complaint_id,
    orderRef: row.order_ref,
    reason: row.reason,
    receiptNote: row.receipt_note,
    defectConfirmed: row.defect_confirmed,
    inspectionNote: row.inspection_note,
    disposition: row.disposition,
    dispositionNote: row.disposition_note,
    reworkNumber: row.rework_number,
    reworkInstructions: row.rework_instructions,
    reworkDueDate: row.rework_due_date,
    reworkDoneAt: iso(row.rework_done_at),
    replacementPlannedDate: row.replacement_planned_date,
    replacementDeliveredAt: iso(row.replacement_delivered_at),
    refundAmount: num(row.refund_amount),
    cancelReason: row.cancel_reason,
    items: items.map((i) => ({
      product: i.product,
      spec: i.spec,
      unit: i.unit,
      quantity: Number(i.quantity),
      received: num(i.received_quantity),
      defective: num(i.defective_quantity),
      note: i.note,
    })),
  };
}
