import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { readCustomerSettings } from './classification.ts';
import { markDormant, wakeDormant } from './customers-lifecycle.queries.ts';

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
    const dormant = await markDormant(trx, threshold, now, BATCH);
    const woken = await wakeDormant(trx, threshold, now);
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
