import { type Kysely, sql } from 'kysely';
import type { CustomerSettings } from '../../../shared/schemas/customers.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { readSetting } from '../organisation/settings.queries.ts';

/**
 * Defaults from the seeds: A/B customers all receive the yearly survey, C customers a 20 % sample
 * (001 §4.3.4.2); key accounts are revisited monthly. Everything here is a setting.
 */
export const CUSTOMER_DEFAULTS: CustomerSettings = {
  dormancyDays: 180,
  classAMinSales: 5_000_000,
  classBMinSales: 1_000_000,
  classBMinRequests: 12,
  plans: {
    A: { revisitDays: 30, surveyCoveragePercent: 100, slaPolicyId: null, greetings: true },
    B: { revisitDays: 90, surveyCoveragePercent: 100, slaPolicyId: null, greetings: true },
    C: { revisitDays: 180, surveyCoveragePercent: 20, slaPolicyId: null, greetings: false },
  },
};

export const readCustomerSettings = (db: Kysely<DB>) => readSetting(db, 'customers', CUSTOMER_DEFAULTS);

/** The class the sales and activity of a customer point to, and the facts it rests on. */
export async function suggestClass(db: Kysely<DB>, customerId: number) {
  const settings = await readCustomerSettings(db);
  const c = await db
    .selectFrom('customer')
    .select(['class', 'annual_sales', 'last_activity_at'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!c) return undefined;
  const { n } = await db
    .selectFrom('ticket')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('customer_id', '=', customerId)
    .where('created_at', '>', sql<Date>`now() - interval '1 year'`)
    .executeTakeFirstOrThrow();
  const sales = c.annual_sales === null ? null : Number(c.annual_sales);
  let suggested: 'A' | 'B' | 'C' = 'C';
  let rule = 'sales_c';
  if (sales !== null && sales >= settings.classAMinSales) [suggested, rule] = ['A', 'sales_a'];
  else if (sales !== null && sales >= settings.classBMinSales) [suggested, rule] = ['B', 'sales_b'];
  else if (n >= settings.classBMinRequests) [suggested, rule] = ['B', 'requests_b'];
  else if (sales === null) rule = 'no_sales';
  const days = c.last_activity_at
    ? Math.floor((Date.now() - c.last_activity_at.getTime()) / 86_400_000)
    : null;
  return {
    current: c.class as 'A' | 'B' | 'C' | null,
    suggested,
    facts: { annualSales: sales, requestsLastYear: n, daysSinceActivity: days, rule },
  };
}

/**
 * Daily: active customers without contact for `dormancyDays` become dormant, and dormant ones with new
 * contact become active again. Each move is in the audit trail as a system action. A run moves at most
 * one batch into dormancy (the daily job repeats until nothing is left).
 */
const BATCH = 2000;

export async function updateDormancy(
  db: Kysely<DB>,
  now = new Date(),
): Promise<{ dormant: number; woken: number }> {
  const { dormancyDays } = await readCustomerSettings(db);
  const threshold = new Date(now.getTime() - dormancyDays * 86_400_000);
  return db.transaction().execute(async (trx) => {
    const dormant = await trx
      .updateTable('customer')
      .set({ lifecycle: 'dormant', lifecycle_changed_at: now, updated_at: now })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('customer')
          .select('id')
          .where('lifecycle', '=', 'active')
          .where('merged_into_id', 'is', null)
          .where((w) => w.or([w('last_activity_at', '<', threshold), w('last_activity_at', 'is', null)]))
          .limit(BATCH),
      )
      .returning(['id', 'name'])
      .execute();
    const woken = await trx
      .updateTable('customer')
      .set({ lifecycle: 'active', lifecycle_changed_at: now, updated_at: now })
      .where('lifecycle', '=', 'dormant')
      .where('last_activity_at', '>=', threshold)
      .whereRef('last_activity_at', '>', 'lifecycle_changed_at')
      .returning(['id', 'name'])
      .execute();
    for (const [rows, from, to] of [
      [dormant, 'active', 'dormant'],
      [woken, 'dormant', 'active'],
    ] as const) {
      for (const row of rows)
        await recordAudit(trx, null, {
          action: 'customer.lifecycle',
          entityType: 'customer',
          entityId: row.id,
          entityLabel: row.name,
          actorLabel: 'system',
          before: { lifecycle: from },
          after: {
            lifecycle: to,
            reason: to === 'dormant' ? `no contact for ${dormancyDays} days` : 'new contact',
          },
        });
    }
    return { dormant: dormant.length, woken: woken.length };
  });
}
