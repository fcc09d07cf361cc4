import { type InsertObject, type Kysely, sql, type UpdateObject } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { MailboxScope } from './email.policy.ts';

// ---- mailboxes ----

/** `scope` is the policy's: every mailbox (see email.policy.ts); the parameter keeps the seam. */
export function listMailboxes(db: Kysely<DB>, _scope: MailboxScope) {
  return db.selectFrom('mailbox').selectAll().orderBy('id').limit(500).execute();
}

export function findMailbox(db: Kysely<DB>, id: number) {
  return db.selectFrom('mailbox').selectAll().where('id', '=', id).executeTakeFirst();
}
export type MailboxRow = NonNullable<Awaited<ReturnType<typeof findMailbox>>>;

export async function insertMailbox(db: Kysely<DB>, row: InsertObject<DB, 'mailbox'>) {
  return (await db.insertInto('mailbox').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateMailbox(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'mailbox'>) {
  await db
    .updateTable('mailbox')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteMailbox(db: Kysely<DB>, id: number) {
  await db.deleteFrom('mailbox').where('id', '=', id).execute();
}

export async function allMailboxAddresses(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('mailbox').select('address').limit(1000).execute();
  return rows.map((r) => r.address.toLowerCase());
}

export function findActiveMailboxByAddress(db: Kysely<DB>, address: string) {
  return db
    .selectFrom('mailbox')
    .select(['id', 'address'])
    .where(sql<string>`lower(address)`, '=', address.toLowerCase())
    .where('is_active', '=', true)
    .executeTakeFirst();
}

export async function activePolledMailboxIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('mailbox')
    .select('id')
    .where('is_active', '=', true)
    .where('imap_host', 'is not', null)
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map((r) => r.id);
}

// ---- mail records ----

/**
 * Takes an inbound mail for processing, once per mailbox and Message-ID. A mail whose earlier attempt
 * failed (or was abandoned mid-way by a crashed node) may be taken again; anything else is a duplicate.
 */
export async function claimInbound(
  db: Kysely<DB>,
  row: Omit<InsertObject<DB, 'ticket_email'>, 'direction' | 'status'>,
) {
  const claimed = await db
    .insertInto('ticket_email')
    .values({ ...row, direction: 'in', status: 'processing', attempts: 1 })
    .onConflict((oc) =>
      oc
        .columns(['mailbox_id', 'message_id'])
        .doUpdateSet({
          status: 'processing',
          attempts: sql`ticket_email.attempts + 1`,
          last_error: null,
          updated_at: new Date(),
        })
        .where((eb) =>
          eb.and([
            eb('ticket_email.direction', '=', 'in'),
            eb.or([
              eb('ticket_email.status', '=', 'failed'),
              eb.and([
                eb('ticket_email.status', '=', 'processing'),
                eb('ticket_email.updated_at', '<', sql<Date>`now() - interval '10 minutes'`),
              ]),
            ]),
          ]),
        ),
    )
    .returning('id')
    .executeTakeFirst();
  return claimed?.id;
}

export async function updateEmail(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'ticket_email'>) {
  await db
    .updateTable('ticket_email')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertEmail(db: Kysely<DB>, row: InsertObject<DB, 'ticket_email'>) {
  return (await db.insertInto('ticket_email').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function findEmail(db: Kysely<DB>, id: number) {
  return db.selectFrom('ticket_email').selectAll().where('id', '=', id).executeTakeFirst();
}

export function isOurOutboundMessage(db: Kysely<DB>, messageId: string) {
  return db
    .selectFrom('ticket_email')
    .select('id')
    .where('message_id', '=', messageId)
    .where('direction', '=', 'out')
    .executeTakeFirst();
}

export async function countRecentFrom(db: Kysely<DB>, address: string, since: Date) {
  const row = await db
    .selectFrom('ticket_email')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('direction', '=', 'in')
    .where(sql<string>`lower(from_address)`, '=', address.toLowerCase())
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listTicketEmails(db: Kysely<DB>, ticketId: number) {
  return db
    .selectFrom('ticket_email')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .limit(1000)
    .execute();
}

export function listMailboxLog(db: Kysely<DB>, mailboxId: number, limit: number, status?: string) {
  let query = db
    .selectFrom('ticket_email')
    .selectAll()
    .where('mailbox_id', '=', mailboxId)
    .orderBy('id', 'desc')
    .limit(limit);
  if (status) query = query.where('status', '=', status);
  return query.execute();
}

/** Outbound mail committed as queued that no job has picked up (enqueueing failed, or no worker ran). */
export function staleQueuedOutbound(db: Kysely<DB>, olderThan: Date, limit = 100) {
  return db
    .selectFrom('ticket_email')
    .select('id')
    .where('status', '=', 'queued')
    .where('direction', '=', 'out')
    .where('job_id', 'is', null)
    .where('created_at', '<', olderThan)
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---- threads ----

export function findThreadsByTokens(db: Kysely<DB>, tokens: string[]) {
  if (tokens.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_email_thread')
    .innerJoin('ticket', 'ticket.id', 'ticket_email_thread.ticket_id')
    .select([
      'ticket_email_thread.ticket_id',
      'ticket_email_thread.token',
      'ticket.number',
      'ticket.status',
      'ticket.subject',
      'ticket.resolved_at',
      'ticket.closed_at',
      'ticket.merged_into_id',
    ])
    .where('ticket_email_thread.token', 'in', tokens)
    .execute();
}

export function findThread(db: Kysely<DB>, ticketId: number) {
  return db
    .selectFrom('ticket_email_thread')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function insertThread(db: Kysely<DB>, row: InsertObject<DB, 'ticket_email_thread'>) {
  await db
    .insertInto('ticket_email_thread')
    .values(row)
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .execute();
  return (await findThread(db, row.ticket_id as number))!;
}

/** Message-IDs of a request's mail in order, for In-Reply-To / References of the next reply. */
export async function threadMessageIds(db: Kysely<DB>, ticketId: number) {
  return db
    .selectFrom('ticket_email')
    .select(['message_id', 'direction', 'status'])
    .where('ticket_id', '=', ticketId)
    .where('status', 'in', ['imported', 'sent'])
    .orderBy('id')
    .limit(500)
    .execute();
}

/** Tells every node's open screens that a request changed (the live bus listens on this channel). */
export async function notifyTicketChanged(db: Kysely<DB>, ticketId: number) {
  await sql`SELECT pg_notify('qiao_live', ${JSON.stringify({ topic: 'tickets', id: ticketId })})`
    .execute(db)
    .catch(() => {});
}

/** The type of new email requests when the mailbox names none: `preferred` if active, else the first. */
export async function defaultTicketTypeId(db: Kysely<DB>, preferred: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('ticket_type')
    .select('id')
    .where('is_active', '=', true)
    .orderBy(sql`code = ${preferred}`, 'desc')
    .orderBy('sort_order')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

// ---- outbound ----

export function ticketForReply(db: Kysely<DB>, ticketId: number) {
  return db
    .selectFrom('ticket')
    .leftJoin('contact', 'contact.id', 'ticket.contact_id')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.subject',
      'ticket.channel',
      'contact.email as contact_email',
    ])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst();
}

export function firstSendingMailbox(db: Kysely<DB>) {
  return db
    .selectFrom('mailbox')
    .selectAll()
    .where('is_active', '=', true)
    .where('smtp_host', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
}

export function messageBody(db: Kysely<DB>, ticketMessageId: number) {
  return db
    .selectFrom('ticket_message')
    .select(['id', 'body', 'kind'])
    .where('id', '=', ticketMessageId)
    .executeTakeFirst();
}

/**
 * Runs `fn` while holding this mailbox's poll lock (a session advisory lock on one pooled connection),
 * so only one node polls a mailbox at a time; `null` when another holds it.
 */
export async function withMailboxLock<T>(
  db: Kysely<DB>,
  mailboxId: number,
  fn: () => Promise<T>,
): Promise<T | null> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{
      ok: boolean;
    }>`SELECT pg_try_advisory_lock(hashtext('qiao.mailbox.poll'), ${mailboxId}::int) AS ok`.execute(conn);
    if (!rows[0]?.ok) return null;
    try {
      return await fn();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext('qiao.mailbox.poll'), ${mailboxId}::int)`.execute(conn);
    }
  });
}
