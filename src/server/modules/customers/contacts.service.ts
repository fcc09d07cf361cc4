import type { Kysely, Updateable } from 'kysely';
import type { ContactCreate, ContactUpdate } from '../../../shared/schemas/customers.ts';
import type { Database } from '../../db/database.ts';
import type { Contact, DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './contacts.queries.ts';
import { maySeeSensitive, requireVisible, scopeOf } from './customers.policy.ts';
import { presentContact, presentLookupHit } from './customers.presenter.ts';
import { findCustomerName } from './customers.queries.ts';
import { reindexCustomer } from './customers-search.queries.ts';

function columnsOf(input: ContactUpdate): Updateable<Contact> {
  const c: Updateable<Contact> = {};
  const map = {
    name: 'name',
    title: 'title',
    department: 'department',
    phone: 'phone',
    mobile: 'mobile',
    email: 'email',
    wechat: 'wechat',
    birthday: 'birthday',
    preferredChannel: 'preferred_channel',
    isPrimary: 'is_primary',
    isActive: 'is_active',
    notes: 'notes',
  } as const;
  for (const [key, column] of Object.entries(map) as [keyof typeof map, (typeof map)[keyof typeof map]][]) {
    const value = input[key];
    if (value !== undefined) (c as Record<string, unknown>)[column] = value;
  }
  return c;
}

/** Type-ahead for the request form: contacts (and their customers) matching the text, newest first. */
export async function lookupContactsFor(db: Kysely<DB>, actor: Actor, text: string, limit: number) {
  const sensitive = maySeeSensitive(actor);
  return (await q.lookupContacts(db, scopeOf(actor), text, limit)).map((r) => presentLookupHit(r, sensitive));
}

/** The contacts of a customer the actor may see, masked as for the actor. */
export async function loadContacts(db: Kysely<DB>, actor: Actor, customerId: number) {
  requireVisible(actor, await findCustomerName(db, customerId));
  const sensitive = maySeeSensitive(actor);
  return (await q.listContacts(db, customerId)).map((c) => presentContact(c, sensitive));
}

/** One contact as the actor may see it (a contact belongs to a customer file: same scope). */
export async function loadContact(db: Kysely<DB>, actor: Actor, contactId: number) {
  return presentContact(requireVisible(actor, await q.findContactRow(db, contactId)), maySeeSensitive(actor));
}

/** Adds a contact inside the caller's transaction; a new primary contact unmarks the others. */
export async function insertContact(
  trx: Kysely<DB>,
  customerId: number,
  input: ContactCreate,
): Promise<number> {
  const id = await q.insertContactRow(trx, {
    ...columnsOf(input),
    name: input.name,
    customer_id: customerId,
  });
  if (input.isPrimary) await q.keepOnePrimary(trx, customerId, id);
  return id;
}

export async function createContact(
  db: Database,
  ctx: RequestContext,
  customerId: number,
  input: ContactCreate,
) {
  return db.transaction().execute(async (trx) => {
    const customer = await findCustomerName(trx, customerId);
    if (!customer) throw notFound();
    const id = await insertContact(trx, customerId, input);
    await reindexCustomer(trx, customerId);
    await recordAudit(trx, ctx, {
      action: 'contact.create',
      entityType: 'customer',
      entityId: customerId,
      entityLabel: customer.name,
      after: { contactId: id, ...columnsOf(input) },
    });
    return id;
  });
}

export async function updateContact(
  db: Database,
  ctx: RequestContext,
  contactId: number,
  input: ContactUpdate,
) {
  return db.transaction().execute(async (trx) => {
    const before = await q.lockContact(trx, contactId);
    if (!before?.customer_id) throw notFound();
    const columns = columnsOf(input);
    const next = { ...before, ...columns } as typeof before;
    await q.updateContactRow(trx, contactId, columns, next);
    if (columns.is_primary) await q.keepOnePrimary(trx, before.customer_id, contactId);
    await reindexCustomer(trx, before.customer_id);
    await recordAudit(trx, ctx, {
      action: 'contact.update',
      entityType: 'customer',
      entityId: before.customer_id,
      entityLabel: before.name,
      before: Object.fromEntries(Object.keys(columns).map((k) => [k, before[k as keyof typeof before]])),
      after: { contactId, ...columns },
    });
    return before.customer_id;
  });
}
