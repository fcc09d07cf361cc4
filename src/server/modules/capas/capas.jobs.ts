import type { Database } from '../../db/database.ts';
import * as aq from './capa-actions.queries.ts';
import { escalateAction } from './capa-actions.service.ts';
import { orgToday } from './capas.presenter.ts';

const BATCH = 200;

/**
 * Open actions whose due date (a calendar date in the organisation's time zone) has passed are escalated
 * once: marked, and the CAPA owner and the head of the action owner's department are told (each in its own
 * transaction, see escalateAction). Returns how many were escalated by this run.
 */
export async function escalateOverdueActions(db: Database, now = new Date()): Promise<number> {
  const today = await orgToday(db, now);
  let escalated = 0;
  for (;;) {
    const due = await aq.overdueUnescalated(db, today, BATCH);
    for (const action of due) if (await escalateAction(db, action, now)) escalated++;
    if (due.length < BATCH) return escalated;
  }
}
