import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function findAccountByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('portal_account')
    .innerJoin('contact', 'contact.id', 'portal_account.contact_id')
    .selectAll('portal_account')
    .select(['contact.name as contact_name', 'contact.customer_id'])
    .where(sql<string>`lower(portal_account.email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findAccountById(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('portal_account')
    .innerJoin('contact', 'contact.id', 'portal_account.contact_id')
    .selectAll('portal_account')
    .select(['contact.name as contact_name', 'contact.customer_id'])
    .where('portal_account.id', '=', id)
    .executeTakeFirst();
}

export function findLivePortalSession(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('portal_session')
    .innerJoin('portal_account', 'portal_account.id', 'portal_session.account_id')
    .innerJoin('contact', 'contact.id', 'portal_account.contact_id')
    .leftJoin('customer', 'customer.id', 'contact.customer_id')
    .select([
      'portal_session.id',
      'portal_session.csrf_token',
      'portal_account.id as account_id',
      'portal_account.email',
      'portal_account.locale',
      'contact.id as contact_id',
      'contact.name as contact_name',
      'contact.customer_id',
      'customer.name as customer_name',
    ])
    .where('portal_session.id', '=', id)
    .where('portal_session.expires_at', '>', new Date())
    .where('portal_account.status', '=', 'active')
    .executeTakeFirst();
}

export async function insertPortalToken(
  db: Kysely<DB>,
  tokenHash: string,
  accountId: number,
  purpose: 'verify' | 'invite' | 'reset',
  hours: number,
) {
  await db
    .insertInto('portal_token')
    .values({
      token_hash: tokenHash,
      account_id: accountId,
      purpose,
      expires_at: new Date(Date.now() + hours * 3600_000),
    })
    .execute();
}

/** Uses a one-time token: returns its account once, then never again. */
export async function consumePortalToken(db: Kysely<DB>, tokenHash: string, purposes: string[]) {
  return db
    .updateTable('portal_token')
    .set({ used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['account_id', 'purpose'])
    .executeTakeFirst();
}
