import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, Notification, OutboundMessage } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import type { NotificationScope } from './notifications.policy.ts';

export function findTemplateOverride(db: Kysely<DB>, key: string, channel: string, locale: string) {
  return db
    .selectFrom('message_template')
    .select(['subject', 'body'])
    .where('key', '=', key)
    .where('channel', '=', channel)
    .where('locale', '=', locale)
    .executeTakeFirst();
}

export function listTemplateOverrides(db: Kysely<DB>) {
  return db.selectFrom('message_template').selectAll().limit(1000).execute();
}

export async function upsertTemplate(
  db: Kysely<DB>,
  row: { key: string; channel: string; locale: string; subject: string | null; body: string },
) {
  await db
    .insertInto('message_template')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['key', 'channel', 'locale'])
        .doUpdateSet({ subject: row.subject, body: row.body, updated_at: sql`now()` }),
    )
    .execute();
}

/** The active users among the ids, with their language. */
export function activeUsersWithLocale(db: Kysely<DB>, ids: number[]) {
  return db
    .selectFrom('app_user')
    .select(['id', 'locale'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
}

/** Active users by their usernames (any case). */
export async function activeUserIdsByUsername(db: Kysely<DB>, lowerNames: string[]): Promise<number[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where(sql<string>`lower(username)`, 'in', lowerNames)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertNotification(db: Kysely<DB>, row: Insertable<Notification>) {
  await db.insertInto('notification').values(row).execute();
}

/** Tells browsers (through the live bus) that notifications changed, once the transaction commits. */
export async function announceNotifications(db: Kysely<DB>) {
  await sql`SELECT pg_notify('qiao_live', ${JSON.stringify({ topic: 'notifications' })})`.execute(db);
}

/** Newest first, keyset on id; fetches limit + 1 rows. */
export function listNotifications(
  db: Kysely<DB>,
  scope: NotificationScope,
  page: { cursor?: string | undefined; limit: number },
) {
  let query = db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', scope.userId)
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) query = query.where('id', '<', cursorId(page.cursor));
  return query.execute();
}

export async function countUnread(db: Kysely<DB>, scope: NotificationScope): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', scope.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whose notifications these ids are (ids that do not exist are absent). */
export function notificationOwners(db: Kysely<DB>, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('notification').select(['id', 'user_id']).where('id', 'in', ids).execute();
}

/** Marks unread notifications in the scope read: the given ids, or all of them. */
export async function markRead(db: Kysely<DB>, scope: NotificationScope, ids?: number[]) {
  if (ids && !ids.length) return;
  let update = db
    .updateTable('notification')
    .set({ read_at: new Date() })
    .where('user_id', '=', scope.userId)
    .where('read_at', 'is', null);
  if (ids) update = update.where('id', 'in', ids);
  await update.execute();
}

export async function insertOutboundMessage(
  db: Kysely<DB>,
  row: Insertable<OutboundMessage>,
): Promise<number> {
  const inserted = await db
    .insertInto('outbound_message')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Wakes the delivery listener for a queued message, once the transaction commits. */
export async function announceOutbound(db: Kysely<DB>, id: number) {
  await sql`SELECT pg_notify('qiao_outbound', ${String(id)})`.execute(db);
}

/** The outbound log, newest first, keyset on id; fetches limit + 1 rows. */
export function listOutboundMessages(
  db: Kysely<DB>,
  f: { recipient?: string | undefined; cursor?: string | undefined; limit: number },
) {
  let query = db
    .selectFrom('outbound_message')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.recipient) query = query.where('recipient', '=', f.recipient);
  if (f.cursor) query = query.where('id', '<', cursorId(f.cursor));
  return query.execute();
}

/** The oldest message still to send, locked for this transaction; others running at once skip it. */
export function claimNextOutbound(db: Kysely<DB>) {
  return db
    .selectFrom('outbound_message')
    .selectAll()
    .where('status', 'in', ['queued', 'failed'])
    .where('attempts', '<', 5)
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .limit(1)
    .executeTakeFirst();
}

export async function recordDeliveryAttempt(
  db: Kysely<DB>,
  id: number,
  outcome: {
    status: string;
    provider: string;
    attempts: number;
    sent_at?: Date;
    error: string | null;
    sealed_content?: null;
  },
) {
  await db.updateTable('outbound_message').set(outcome).where('id', '=', id).execute();
}
