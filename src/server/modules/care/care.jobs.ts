import { type Kysely, sql } from 'kysely';
import { isLocale } from '../../../shared/locale.ts';
import type { DB } from '../../db/schema.ts';
import { orgToday } from '../key-accounts/key-accounts.service.ts';
import { queueMessage } from '../notifications/notifications.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Recipient {
  customer_id: number;
  customer_name: string;
  contact_id: number | null;
  contact_name: string | null;
  email: string | null;
  mobile: string | null;
  years: number | null;
}

/** Who a rule greets on a date: contacts born on that day, customers partnered since that day, or everyone (holiday). */
function recipients(db: Kysely<DB>, rule: { event: string; classes: string[] }, occasion: string) {
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

/**
 * Daily: each active rule greets the people whose occasion falls `days_before` days ahead, by email or SMS
 * from the template `care.<event>`, once per rule, contact and occasion. Contacts without an address for the
 * channel are recorded as skipped, so someone can call instead.
 */
export async function sendCareGreetings(
  db: Kysely<DB>,
  now = new Date(),
): Promise<{ queued: number; skipped: number }> {
  const today = await orgToday(db, now);
  const org = await readOrganisation(db);
  const locale = isLocale(org.default_locale) ? org.default_locale : 'zh-CN';
  const rules = await db.selectFrom('care_rule').selectAll().where('is_active', '=', true).execute();
  let queued = 0;
  let skipped = 0;
  for (const rule of rules) {
    const occasion = addDays(today, rule.days_before);
    if (rule.event === 'holiday' && String(rule.holiday_on).slice(0, 10) !== occasion) continue;
    for (const r of await recipients(db, rule, occasion)) {
      await db.transaction().execute(async (trx) => {
        const address = rule.channel === 'email' ? r.email : r.mobile;
        const inserted = await trx
          .insertInto('care_event')
          .values({
            rule_id: rule.id,
            customer_id: r.customer_id,
            contact_id: r.contact_id,
            event: rule.event,
            occasion_on: occasion,
            channel: rule.channel,
            status: address ? 'queued' : 'skipped',
            skip_reason: address ? null : rule.channel === 'email' ? 'no email' : 'no mobile',
            gift: rule.gift,
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return;
        if (!address) {
          skipped++;
          return;
        }
        const messageId = await queueMessage(trx, {
          channel: rule.channel as 'email' | 'sms',
          to: address,
          key: `care.${rule.event}`,
          locale,
          vars: {
            'contact.name': r.contact_name ?? r.customer_name,
            'customer.name': r.customer_name,
            'organisation.name': org.name,
            holiday: rule.name,
            years: r.years ?? '',
          },
        });
        await trx
          .updateTable('care_event')
          .set({ outbound_message_id: messageId })
          .where('id', '=', inserted.id)
          .execute();
        queued++;
      });
    }
  }
  return { queued, skipped };
}
