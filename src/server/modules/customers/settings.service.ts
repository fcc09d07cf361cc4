import type { CustomerSettings } from '../../../shared/schemas/customers.ts';
import type { Database } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { readCustomerSettings } from './classification.ts';

/** Saves the customer settings (classes, service plans, dormancy) with the before and after in the audit trail. */
export async function saveCustomerSettings(db: Database, ctx: RequestContext, settings: CustomerSettings) {
  await db.transaction().execute(async (trx) => {
    const before = await readCustomerSettings(trx);
    await writeSetting(trx, 'customers', settings);
    await recordAudit(trx, ctx, {
      action: 'settings.update',
      entityType: 'setting',
      entityId: 'customers',
      before,
      after: settings,
    });
  });
  return readCustomerSettings(db);
}
