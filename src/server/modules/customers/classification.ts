import type { Kysely } from 'kysely';
import type { CustomerSettings } from '../../../shared/schemas/customers.ts';
import type { DB } from '../../db/schema.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { classFactsOf, requestsLastYear } from './customers-lifecycle.queries.ts';

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
  const c = await classFactsOf(db, customerId);
  if (!c) return undefined;
  const n = await requestsLastYear(db, customerId);
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
