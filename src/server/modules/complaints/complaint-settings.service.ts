import type { ComplaintSettings } from '../../../shared/complaints/complaint-flow.ts';
import type { Database } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { complaintSettings } from './complaint-steps.ts';

/**
 * 投诉设置 saved with its audit row. New limits apply to steps opened from now on; running clocks keep the
 * due time they started with.
 */
export async function updateComplaintSettings(
  db: Database,
  ctx: RequestContext,
  input: ComplaintSettings,
): Promise<ComplaintSettings> {
  await db.transaction().execute(async (trx) => {
    const before = await complaintSettings(trx);
    await writeSetting(trx, 'complaints', input);
    await recordAudit(trx, ctx, {
      action: 'settings.update',
      entityType: 'setting',
      entityId: 'complaints',
      before,
      after: input,
    });
  });
  return complaintSettings(db);
}
