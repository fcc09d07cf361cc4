import type { Database } from '../../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { departmentHead } from '../departments/departments.queries.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import * as aq from './capa-actions.queries.ts';
import { orgToday } from './capas.presenter.ts';

const BATCH = 200;

/**
 * The head of a department, as far as CAPA is concerned: the department has no head of its own in the
 * data model, so its members who manage CAPA (capa.manage) are told in that role.
 */
/** The head of the action owner's department (部门负责人); without one, its CAPA managers stand in. */
async function departmentHeads(db: Database, departmentId: number | null, exceptUserId: number | null) {
  if (!departmentId) return [];
  const head = await departmentHead(db, departmentId);
  const heads = head ? [head] : await aq.usersWithPermission(db, 'capa.manage', departmentId);
  return heads.filter((id) => id !== exceptUserId);
}

/**
 * Open actions whose due date (a calendar date in the organisation's time zone) has passed are escalated
 * once: marked, and the CAPA owner and the head of the action owner's department are told. Returns how
 * many were escalated by this run.
 */
export async function escalateOverdueActions(db: Database, now = new Date()): Promise<number> {
  const today = await orgToday(db, now);
  let escalated = 0;
  for (;;) {
    const due = await aq.overdueUnescalated(db, today, BATCH);
    for (const action of due) {
      const done = await db.transaction().execute(async (trx) => {
        // Another node may have taken it between the read and now.
        if (!(await aq.markEscalated(trx, action.id, now))) return false;
        await recordAudit(trx, null, {
          action: 'capa.action_escalate',
          entityType: 'capa',
          entityId: action.capa_id,
          entityLabel: `${action.capa_number} ${action.capa_title}`,
          after: { actionId: action.id, dueDate: action.due_date, ownerUserId: action.owner_user_id },
        });
        const heads = await departmentHeads(trx, action.owner_department_id, action.owner_user_id);
        await notifyUsers(
          trx,
          [action.capa_owner_user_id ?? 0, ...heads],
          'capa.action_overdue',
          {
            'capa.number': action.capa_number,
            'capa.title': action.capa_title,
            'action.description': action.description,
            'action.dueDate': action.due_date,
            'action.owner': action.owner_name ?? '—',
          },
          `/capas/${action.capa_id}`,
        );
        return true;
      });
      if (done) escalated++;
    }
    if (due.length < BATCH) return escalated;
  }
}
