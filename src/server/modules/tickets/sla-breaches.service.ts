import { localise } from '../../../shared/localise.ts';
import type { Database } from '../../db/database.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import * as q from './tickets.queries.ts';
import { TICKETS_TEXTS } from './tickets.texts.ts';
import { overdueTickets, teamLeadOf } from './tickets-sla.queries.ts';

/** Marks clocks that ran out, records the breach for KPIs and escalates (priority up one step). */
export async function recordSlaBreaches(db: Database, now = new Date()): Promise<number> {
  const overdue = await overdueTickets(db, now);
  const raise: Record<string, string> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };
  for (const t of overdue) {
    await db.transaction().execute(async (trx) => {
      const firstResponse =
        !t.first_response_breached &&
        !t.first_responded_at &&
        !!t.first_response_due_at &&
        t.first_response_due_at < now;
      const resolution = !t.resolution_breached && !!t.resolution_due_at && t.resolution_due_at < now;
      await q.updateTicketRow(trx, t.id, {
        first_response_breached: t.first_response_breached || firstResponse,
        resolution_breached: t.resolution_breached || resolution,
        priority: raise[t.priority] ?? t.priority,
      });
      const lead = await teamLeadOf(trx, t.team_id);
      await notifyUsers(
        trx,
        [t.assignee_id ?? 0, lead ?? 0],
        'sla.breached',
        {
          'ticket.number': t.number,
          'ticket.subject': t.subject,
          // Stored without an actor: the organisation's language.
          clock: localise(TICKETS_TEXTS, firstResponse ? 'clockFirstResponse' : 'clockResolution', 'zh-CN'),
          priority: raise[t.priority] ?? t.priority,
        },
        `/tickets/${t.id}`,
      );
      for (const [clock, hit] of [
        ['first_response', firstResponse],
        ['resolution', resolution],
      ] as const) {
        if (hit) {
          await q.insertEvent(trx, {
            ticket_id: t.id,
            kind: 'sla.breached',
            data: JSON.stringify({ clock, priorityFrom: t.priority }),
          });
        }
      }
    });
  }
  return overdue.length;
}
