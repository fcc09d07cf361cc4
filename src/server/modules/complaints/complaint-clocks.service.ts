import type { ComplaintStep } from '../../../shared/complaints/complaint-flow.ts';
import type { Database } from '../../db/database.ts';
import { departmentHead } from '../departments/departments.queries.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { stepVars } from './complaint-steps.ts';
import * as q from './complaints.queries.ts';

/**
 * Each complaint step's own clock (business time by default): 预警 to the step's owner when its warning
 * share has passed, and on breach escalation to the complaint's owner, the head of the department the
 * step sits with and the service managers. Each happens once per step run; the breach stays on the step
 * for the monthly analysis.
 */
export async function checkComplaintClocks(
  db: Database,
  now = new Date(),
): Promise<{ warned: number; breached: number }> {
  const steps = await q.stepsToWarnOrBreach(db, now);
  let warned = 0;
  let breached = 0;
  for (const s of steps) {
    await db.transaction().execute(async (trx) => {
      const warn = !s.warned && !!s.warn_at && s.warn_at <= now;
      const breach = !s.breached && !!s.due_at && s.due_at < now;
      await q.updateStep(trx, s.id, {
        warned: s.warned || warn || breach,
        breached: s.breached || breach,
        ...(breach ? { escalated_at: now } : {}),
      });
      const vars = {
        'complaint.number': s.number,
        ...stepVars(s.step as ComplaintStep),
      };
      const link = `/complaints/${s.complaint_id}`;
      if (breach) {
        breached++;
        const managers = await q.activeUsersWithRole(trx, 'service_manager');
        const head = await departmentHead(trx, s.owner_department_id);
        await notifyUsers(
          trx,
          [s.owner_user_id ?? 0, s.complaint_owner_id ?? 0, head ?? 0, ...managers.map((m) => m.id)],
          'complaint.overdue',
          vars,
          link,
        );
      } else if (warn) {
        warned++;
        await notifyUsers(
          trx,
          [s.owner_user_id ?? s.complaint_owner_id ?? 0],
          'complaint.warning',
          vars,
          link,
        );
      }
    });
  }
  return { warned, breached };
}
