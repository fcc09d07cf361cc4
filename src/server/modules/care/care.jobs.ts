import { isLocale } from '../../../shared/locale.ts';
import type { Database } from '../../db/database.ts';
import { addDays, orgToday } from '../key-accounts/key-accounts.presenter.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import * as q from './care.queries.ts';
import { greet } from './care.service.ts';

/**
 * Daily: each active rule greets the people whose occasion falls `days_before` days ahead, by email or SMS
 * from the template `care.<event>`, once per rule, contact and occasion. Contacts without an address for the
 * channel are recorded as skipped, so someone can call instead.
 */
export async function sendCareGreetings(
  db: Database,
  now = new Date(),
): Promise<{ queued: number; skipped: number }> {
  const today = await orgToday(db, now);
  const org = await readOrganisation(db);
  const locale = isLocale(org.default_locale) ? org.default_locale : 'zh-CN';
  const rules = await q.activeRules(db);
  let queued = 0;
  let skipped = 0;
  for (const rule of rules) {
    const occasion = addDays(today, rule.days_before);
    if (rule.event === 'holiday' && String(rule.holiday_on).slice(0, 10) !== occasion) continue;
    for (const r of await q.recipients(db, rule, occasion)) {
      const done = await greet(db, rule, r, occasion, { name: org.name, locale });
      if (done === 'queued') queued++;
      else if (done === 'skipped') skipped++;
    }
  }
  return { queued, skipped };
}
