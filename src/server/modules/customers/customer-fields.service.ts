import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { fieldCreate, type fieldUpdate } from '../../../shared/schemas/ticket-config.ts';
import type { Database } from '../../db/database.ts';
import type { CustomerField, DB } from '../../db/schema.ts';
import { AppError, invalid, isUniqueViolation, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './customer-fields.queries.ts';

export const customerFieldView = fieldCreate.extend({ id: z.number() });
type CustomerFieldView = z.infer<typeof customerFieldView>;

export const presentCustomerField = (r: Selectable<CustomerField>): CustomerFieldView => ({
  id: r.id,
  key: r.key,
  label: r.label as CustomerFieldView['label'],
  kind: r.kind as CustomerFieldView['kind'],
  options: r.options as CustomerFieldView['options'],
  required: r.required,
  sortOrder: r.sort_order,
  isActive: r.is_active,
});

/** The custom fields of the customer file in form order; checked on every save of a customer. */
export async function customerFields(db: Kysely<DB>, activeOnly = false) {
  return (await q.listCustomerFields(db, activeOnly)).map(presentCustomerField);
}

export async function createCustomerField(
  db: Database,
  ctx: RequestContext,
  input: z.output<typeof fieldCreate>,
) {
  if (input.kind === 'choice' && input.options.length === 0) throw invalid('VALIDATION_FAILED', 'options');
  try {
    return await db.transaction().execute(async (trx) => {
      const created = await q.insertCustomerField(trx, {
        key: input.key,
        label: JSON.stringify(input.label),
        kind: input.kind,
        options: JSON.stringify(input.options),
        required: input.required,
        sort_order: input.sortOrder,
        is_active: input.isActive,
      });
      await recordAudit(trx, ctx, {
        action: 'customer_field.create',
        entityType: 'customer_field',
        entityId: created.id,
        entityLabel: input.key,
        after: presentCustomerField(created),
      });
      return presentCustomerField(created);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CODE_TAKEN', { field: 'key' });
    throw error;
  }
}

export async function updateCustomerField(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: z.output<typeof fieldUpdate>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await q.lockCustomerField(trx, id);
    if (!before) throw notFound();
    const after = await q.updateCustomerField(trx, id, {
      ...(input.label !== undefined ? { label: JSON.stringify(input.label) } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.options !== undefined ? { options: JSON.stringify(input.options) } : {}),
      ...(input.required !== undefined ? { required: input.required } : {}),
      ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
    });
    await recordAudit(trx, ctx, {
      action: 'customer_field.update',
      entityType: 'customer_field',
      entityId: after.id,
      entityLabel: after.key,
      before: presentCustomerField(before),
      after: presentCustomerField(after),
    });
    return presentCustomerField(after);
  });
}
