import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { z } from 'zod';
import type { careEventListQuery } from '../../../shared/schemas/care.ts';
import type { CareEvent, CareRule, DB } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import type { CareScope } from './care.policy.ts';

// ── Rules ─────────────────────────────────────────────────────────────────────────────────────────────

export function listRules(db: Kysely<DB>) {
  return db.selectFrom('care_rule').selectAll().orderBy('id').limit(200).execute();
}

export function activeRules(db: Kysely<DB>) {
  return db.selectFrom('care_rule').selectAll().where('is_active', '=', true).execute();
}

export function insertRule(db: Kysely<DB>, row: Insertable<CareRule>) {
  return db.insertInto('care_rule').values(row).returningAll().executeTakeFirstOrThrow();
}

export function lockRule(db: Kysely<DB>, id: number) {
  return db.selectFrom('care_rule').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateRule(db: Kysely<DB>, id: number, patch: Updateable<CareRule>) {
  return db.updateTable('care_rule').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

// ── Events ────────────────────────────────────────────────────────────────────────────────────────────

/** Newest first, keyset by id; `scope` is the policy's: every event today (see care.policy.ts). */
export function listEvents(db: Kysely<DB>, _scope: CareScope, f: z.output<typeof careEventListQuery>) {
  let query = db
    .selectFrom('care_event as e')
    .innerJoin('customer as c', 'c.id', 'e.customer_id')
    .leftJoin('contact as k', 'k.id', 'e.contact_id')
    .leftJoin('care_rule as r', 'r.id', 'e.rule_id')
    .selectAll('e')
    .select(['c.name as customer_name', 'k.name as contact_name', 'r.name as rule_name']);
  if (f.customerId) query = query.where('e.customer_id', '=', f.customerId);
  if (f.from) query = query.where('e.occasion_on', '>=', f.from);
  if (f.to) query = query.where('e.occasion_on', '<=', f.to);
  if (f.cursor) query = query.where('e.id', '<', cursorId(f.cursor));
  return query
    .orderBy('e.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
export type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

export function findCustomer(db: Kysely<DB>, id: number) {
  return db.selectFrom('customer').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export function findContactOf(db: Kysely<DB>, customerId: number, contactId: number) {
  return db
    .selectFrom('contact')
    .select('id')
    .where('id', '=', contactId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
}

export async function insertEvent(db: Kysely<DB>, row: Insertable<CareEvent>) {
  return (await db.insertInto('care_event').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** A greeting's event, once per rule, contact and occasion: undefined when it was recorded already. */
export async function insertGreetingOnce(db: Kysely<DB>, row: Insertable<CareEvent>) {
  return (
    await db
      .insertInto('care_event')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst()
  )?.id;
}

export async function setOutboundMessage(db: Kysely<DB>, id: number, messageId: number) {
  await db.updateTable('care_event').set({ outbound_message_id: messageId }).where('id', '=', id).execute();
}

// ── Recipients ────────────────────────────────────────────────────────────────────────────────────────

export interface Recipient {
  customer_id: number;
  customer_name: string;
  contact_id: number | null;
  contact_name: string | null;
  email: string | null;
  mobile: string | null;
  years: number | null;
}

/** Who a rule greets on a date: contacts born on that day, customers partnered since that day, or everyone (holiday). */
export function recipients(db: Kysely<DB>, rule: { event: string; classes: string[] }, occasion: string) {
  const [, mm, dd] = occasion.split('-').map(Number) as [number, number, number];
  const base = db
    .selectFrom('customer as c')
    .where('c.lifecycle', '=', 'active')
    .where('c.merged_into_id', 'is', null)
    .where('c.class', 'in', rule.classes);
  if (rule.event === 'birthday')
    return base
      .innerJoin('contact as k', 'k.customer_id', 'c.id')
      .where('k.is_active', '=', true)
      .where(sql<number>`extract(month FROM k.birthday)`, '=', mm)
      .where(sql<number>`extract(day FROM k.birthday)`, '=', dd)
      .select([
        'c.id as customer_id',
        'c.name as customer_name',
        'k.id as contact_id',
        'k.name as contact_name',
        'k.email',
        'k.mobile',
      ])
      .select(sql<number | null>`NULL::int`.as('years'))
      .limit(5000)
      .execute() as Promise<Recipient[]>;
  const primary = base
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('contact')
          .select(['contact.id', 'contact.name', 'contact.email', 'contact.mobile'])
          .whereRef('contact.customer_id', '=', 'c.id')
          .where('contact.is_active', '=', true)
          .orderBy('contact.is_primary', 'desc')
          .orderBy('contact.id')
          .limit(1)
          .as('k'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id as customer_id',
      'c.name as customer_name',
      'k.id as contact_id',
      'k.name as contact_name',
      'k.email',
      'k.mobile',
    ]);
  if (rule.event === 'anniversary')
    return primary
      .where(sql<number>`extract(month FROM c.partner_since)`, '=', mm)
      .where(sql<number>`extract(day FROM c.partner_since)`, '=', dd)
      .where(sql<boolean>`c.partner_since < ${occasion}::date`)
      .select(sql<number>`extract(year FROM age(${occasion}::date, c.partner_since))::int`.as('years'))
      .limit(5000)
      .execute() as Promise<Recipient[]>;
  return primary.select(sql<number | null>`NULL::int`.as('years')).limit(20000).execute() as Promise<
    Recipient[]
  >;
}
