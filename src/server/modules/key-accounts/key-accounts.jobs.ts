import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { day } from '../../http/present.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { orgToday } from './key-accounts.presenter.ts';
import * as q from './key-accounts.queries.ts';

/** Daily: reminds each specialist (or, without one, nobody) of key accounts whose revisit is due. */
export async function remindRevisits(db: Kysely<DB>): Promise<number> {
  const today = await orgToday(db);
  const due = await q.revisitsToRemind(db, today);
  for (const row of due) {
    if (row.specialist_user_id)
      await notifyUsers(
        db,
        [row.specialist_user_id],
        'key_account.revisit',
        { 'customer.name': row.customer_name, date: day(row.next_revisit_on) ?? '' },
        `/customers/${row.customer_id}`,
      );
    await q.markReminded(db, row.id, today);
  }
  return due.length;
}
