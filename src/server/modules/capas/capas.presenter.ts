import type { Kysely } from 'kysely';
import { datePartsIn } from '../../../shared/record-number.ts';
import type { CapaActionView, CapaAttachment, CapaView } from '../../../shared/schemas/capas.ts';
import type { DB } from '../../db/schema.ts';
import { iso } from '../../http/present.ts';
import { presentRecordFile } from '../attachments/attachments.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import type { ActionRow } from './capa-actions.queries.ts';
import type { CapaAttachmentRow, CapaRow } from './capas.queries.ts';

const ref = (id: number | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** Today's date in the organisation's time zone (due dates are calendar dates there), as YYYY-MM-DD. */
export async function orgToday(db: Kysely<DB>, at = new Date()): Promise<string> {
  const { yyyy, MM, dd } = datePartsIn((await readOrganisation(db)).time_zone, at);
  return `${yyyy}-${MM}-${dd}`;
}

export function presentCapa(row: CapaRow): CapaView {
  return {
    id: row.id,
    number: row.number,
    source: row.source as CapaView['source'],
    status: row.status as CapaView['status'],
    title: row.title,
    problem: row.problem,
    containment: row.containment,
    whyChain: Array.isArray(row.why_chain) ? row.why_chain.map(String) : [],
    causeCategory: row.cause_category as CapaView['causeCategory'],
    rootCause: row.root_cause,
    product: row.product,
    complaintCategory: row.complaint_category as CapaView['complaintCategory'],
    owner: ref(row.owner_user_id, row.owner_name),
    department: ref(row.department_id, row.department_name),
    dueDate: row.due_date,
    verification:
      row.verified_at && row.verification_result
        ? {
            by: ref(row.verified_by, row.verifier_name),
            at: row.verified_at.toISOString(),
            result: row.verification_result as 'effective' | 'not_effective',
            note: row.verification_note,
          }
        : null,
    dismissReason: row.dismiss_reason,
    createdBy: ref(row.created_by, row.creator_name),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: iso(row.closed_at),
    openActions: Number(row.open_actions ?? 0),
    overdueActions: Number(row.overdue_actions ?? 0),
  };
}

export function presentAction(row: ActionRow, today: string): CapaActionView {
  return {
    id: row.id,
    capaId: row.capa_id,
    kind: row.kind as CapaActionView['kind'],
    description: row.description,
    documentRef: row.document_ref,
    owner: ref(row.owner_user_id, row.owner_name),
    dueDate: row.due_date,
    status: row.status as CapaActionView['status'],
    overdue: row.status === 'open' && row.due_date < today,
    doneAt: iso(row.done_at),
    doneNote: row.done_note,
    escalatedAt: iso(row.escalated_at),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentCapaAttachment(a: CapaAttachmentRow, capaId: number): CapaAttachment {
  return {
    ...presentRecordFile(a, `/api/v1/capas/${capaId}/attachments`),
    uploadedBy: ref(a.uploaded_by_user_id, a.uploader_name),
  };
}
