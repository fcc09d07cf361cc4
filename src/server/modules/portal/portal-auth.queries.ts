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

/** Spends every unused link of these purposes of an account (a newer link came, or one was used). */
export async function invalidatePortalTokens(db: Kysely<DB>, accountId: number, purposes: string[]) {
  await db
    .updateTable('portal_token')
    .set({ used_at: new Date() })
    .where('account_id', '=', accountId)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .execute();
}

/**
 * A self-registered account, waiting for its email to be verified; undefined when the contact has one.
 * It has no password: the person who opens the verification link chooses it.
 */
export function insertPendingAccount(
  db: Kysely<DB>,
  row: { contact_id: number; email: string; locale: string },
) {
  return db
    .insertInto('portal_account')
    .values({ ...row, status: 'pending' })
    .onConflict((oc) => oc.column('contact_id').doNothing())
    .returning(['id', 'email', 'locale'])
    .executeTakeFirst();
}

/** The account of a contact, or a new pending one for a staff invitation. */
export async function accountOfContact(db: Kysely<DB>, contactId: number, email: string) {
  return (
    (await db
      .selectFrom('portal_account')
      .select(['id', 'email', 'locale'])
      .where('contact_id', '=', contactId)
      .executeTakeFirst()) ??
    (await db
      .insertInto('portal_account')
      .values({ contact_id: contactId, email, status: 'pending' })
      .returning(['id', 'email', 'locale'])
      .executeTakeFirstOrThrow())
  );
}

/** Opens an account whose address is proven (a disabled account stays disabled). */
export async function activateAccount(db: Kysely<DB>, accountId: number, passwordHash?: string) {
  await db
    .updateTable('portal_account')
    .set({
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      status: 'active',
      email_verified_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', accountId)
    .where('status', '<>', 'disabled')
    .execute();
}

export function findContactForInvite(db: Kysely<DB>, contactId: number) {
  return db
    .selectFrom('contact')
    .select(['id', 'name', 'email'])
    .where('id', '=', contactId)
    .executeTakeFirst();
}

export async function insertPortalSession(
  db: Kysely<DB>,
  row: { id: string; account_id: number; csrf_token: string; ip: string; expires_at: Date },
) {
  await db.insertInto('portal_session').values(row).execute();
}

export async function markAccountLoggedIn(db: Kysely<DB>, accountId: number) {
  await db
    .updateTable('portal_account')
    .set({ last_login_at: new Date() })
    .where('id', '=', accountId)
    .execute();
}

export async function deletePortalSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom('portal_session').where('id', '=', id).execute();
}

export async function deletePortalSessionsOfAccount(db: Kysely<DB>, accountId: number) {
  await db.deleteFrom('portal_session').where('account_id', '=', accountId).execute();
}

export async function customerName(db: Kysely<DB>, customerId: number): Promise<string | null> {
  const row = await db.selectFrom('customer').select('name').where('id', '=', customerId).executeTakeFirst();
  return row?.name ?? null;
}
