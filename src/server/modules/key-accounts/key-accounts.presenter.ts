import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { datePartsIn } from '../../../shared/record-number.ts';
import type { KeyAccountView, measureView } from '../../../shared/schemas/key-accounts.ts';
import type { DB } from '../../db/schema.ts';
import { day, iso } from '../../http/present.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import type * as q from './key-accounts.queries.ts';

/** Today's date in the organisation's time zone, as YYYY-MM-DD. */
export async function orgToday(db: Kysely<DB>, at = new Date()): Promise<string> {
  const { yyyy, MM, dd } = datePartsIn((await readOrganisation(db)).time_zone, at);
  return `${yyyy}-${MM}-${dd}`;
}

/** A YYYY-MM-DD date `days` later. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function presentKeyAccount(row: q.KeyAccountRow, today: string): KeyAccountView {
  const next = day(row.next_revisit_on);
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerCode: row.customer_code,
    customerClass: row.customer_class,
    status: row.status as KeyAccountView['status'],
    applicationReason: row.application_reason,
    appliedBy: row.applied_by ? { id: row.applied_by, name: row.applicant_name ?? '' } : null,
    appliedAt: row.applied_at.toISOString(),
    approvalRequestId: row.approval_request_id,
    decisionComment: row.decision_comment,
    designatedAt: iso(row.designated_at),
    revokedAt: iso(row.revoked_at),
    revokedReason: row.revoked_reason,
    specialist: row.specialist_user_id
      ? { id: row.specialist_user_id, name: row.specialist_name ?? '' }
      : null,
    profile: row.profile,
    decisionMakers: (row.decision_makers ?? []) as KeyAccountView['decisionMakers'],
    annualVolume: row.annual_volume === null ? null : Number(row.annual_volume),
    volumeNotes: row.volume_notes,
    servicePlan: row.service_plan,
    revisitIntervalDays: row.revisit_interval_days,
    lastRevisitAt: iso(row.last_revisit_at),
    nextRevisitOn: next,
    revisitDue: row.status === 'designated' && next !== null && next <= today,
    openMeasures: Number(row.open_measures ?? 0),
  };
}

export function presentMeasure(row: q.MeasureRow, today: string): z.infer<typeof measureView> {
  const due = day(row.due_on);
  const open = row.status === 'open' || row.status === 'in_progress';
  return {
    id: row.id,
    issue: row.issue,
    measure: row.measure,
    owner: row.owner_user_id ? { id: row.owner_user_id, name: row.owner_name ?? '' } : null,
    dueOn: due,
    status: row.status as z.infer<typeof measureView>['status'],
    result: row.result,
    overdue: open && due !== null && due < today,
    completedAt: iso(row.completed_at),
    createdAt: row.created_at.toISOString(),
  };
}
