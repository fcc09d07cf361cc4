import type { Updateable } from 'kysely';
import { localise } from '../../../shared/localise.ts';
import type { Database } from '../../db/database.ts';
import type { Customer } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { lockCustomer } from './customers.queries.ts';
import { CUSTOMERS_TEXTS } from './customers.texts.ts';
import * as q from './customers-merge.queries.ts';
import { reindexCustomer } from './customers-search.queries.ts';

/** Merging a duplicate customer into the one that survives. */

/** Merges a duplicate into this customer: every linked record moves, the duplicate stays as a pointer. */
export async function mergeCustomers(db: Database, ctx: RequestContext, targetId: number, sourceId: number) {
  if (targetId === sourceId) throw new AppError('CUSTOMER_MERGE_INVALID');
  return db.transaction().execute(async (trx) => {
    // Lock both in id order so two opposite merges cannot deadlock.
    const [first, second] = [targetId, sourceId].sort((a, b) => a - b) as [number, number];
    const a = await lockCustomer(trx, first);
    const b = await lockCustomer(trx, second);
    const target = a?.id === targetId ? a : b;
    const source = a?.id === sourceId ? a : b;
    if (!target || !source) throw notFound();
    if (target.merged_into_id || source.merged_into_id) throw new AppError('CUSTOMER_MERGE_INVALID');
    // One primary contact: the survivor's stays primary when it has one.
    const hasPrimary = await q.primaryContactOf(trx, targetId);
    const moved: Record<string, number> = {};
    for (const table of q.LINKED_TABLES) moved[table] = await q.moveLinked(trx, table, sourceId, targetId);
    // The key-account record follows unless the survivor has its own.
    await q.moveKeyAccount(trx, sourceId, targetId);
    if (hasPrimary) await q.unmarkOtherPrimaries(trx, targetId, hasPrimary.id);
    // Approvals keyed on the customer (credit changes) follow it, so "one pending per customer" still holds.
    await q.moveCustomerApprovals(trx, sourceId, targetId);
    // Fill what the target lacks from the duplicate; tags are the union.
    const fill: Updateable<Customer> = {};
    for (const key of [
      'phone',
      'email',
      'address',
      'postal_code',
      'fax',
      'website',
      'bank_name',
      'tax_id',
      'industry',
      'region',
      'source',
      'bank_account_enc',
      'bank_account_last4',
      'id_number_enc',
      'id_number_last4',
      'advisor_user_id',
      'owner_user_id',
    ] as const) {
      if (target[key] === null && source[key] !== null) (fill as Record<string, unknown>)[key] = source[key];
    }
    await q.fillFromDuplicate(trx, targetId, fill, source.tags);
    await q.markMerged(
      trx,
      sourceId,
      targetId,
      localise(CUSTOMERS_TEXTS, 'mergedInto', ctx.locale, { code: target.code }),
    );
    await reindexCustomer(trx, targetId);
    await recordAudit(trx, ctx, {
      action: 'customer.merge',
      entityType: 'customer',
      entityId: targetId,
      entityLabel: target.name,
      after: { mergedFrom: { id: source.id, code: source.code, name: source.name }, moved },
    });
    await recordAudit(trx, ctx, {
      action: 'customer.merged_into',
      entityType: 'customer',
      entityId: sourceId,
      entityLabel: source.name,
      after: { mergedInto: { id: target.id, code: target.code } },
    });
    return moved;
  });
}
