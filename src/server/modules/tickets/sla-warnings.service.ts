import { localise } from '../../../shared/localise.ts';
import type { Database } from '../../db/database.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import * as q from './tickets.queries.ts';
import { TICKETS_TEXTS } from './tickets.texts.ts';
import { teamLeadOf, warnableTickets } from './tickets-sla.queries.ts';

/**
 * 预警: when a clock passes its policy's warning share (e.g. 80 %), the assignee — or the team lead while
 * nobody has the request — is told once, and the warning is kept in the request's history.
 */
export async function recordSlaWarnings(db: Database, now = new Date()): Promise<number> {
  const due = await warnableTickets(db, now);
  for (const t of due) {
    await db.transaction().execute(async (trx) => {
      const firstResponse =
        !t.first_response_warned &&
        !t.first_responded_at &&
        !!t.first_response_warn_at &&
        t.first_response_warn_at <= now;
      const resolution =
        !t.resolution_warned && !t.resolved_at && !!t.resolution_warn_at && t.resolution_warn_at <= now;
      await q.updateTicketRow(trx, t.id, {
        first_response_warned: t.first_response_warned || firstResponse,
        resolution_warned: t.resolution_warned || resolution,
      });
      const lead = await teamLeadOf(trx, t.team_id);
      const recipient = t.assignee_id ?? lead ?? null;
      const clocks = [...(firstResponse ? ['first_response'] : []), ...(resolution ? ['resolution'] : [])];
      for (const clock of clocks) {
        await q.insertEvent(trx, { ticket_id: t.id, kind: 'sla.warning', data: JSON.stringify({ clock }) });
      }
      if (recipient && clocks.length) {
        await notifyUsers(
          trx,
          [recipient],
          'sla.warning',
          {
            'ticket.number': t.number,
            'ticket.subject': t.subject,
            // Stored without an actor: the organisation's language.
            clock: localise(TICKETS_TEXTS, firstResponse ? 'clockFirstResponse' : 'clockResolution', 'zh-CN'),
          },
          `/tickets/${t.id}`,
        );
      }
    });
  }
  return due.length;
}
