import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { fieldCreate, fieldUpdate } from '../../../shared/schemas/ticket-config.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { CustomerField, DB } from '../../db/schema.ts';
import { AppError, invalid, isUniqueViolation, notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';

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

export async function customerFields(db: Kysely<DB>, activeOnly = false) {
  let query = db.selectFrom('customer_field').selectAll().orderBy('sort_order').orderBy('id').limit(200);
  if (activeOnly) query = query.where('is_active', '=', true);
  return (await query.execute()).map(presentCustomerField);
}

/** 自定义字段 of the customer file: defined here, filled in on the customer form, checked on every save. */
export function customerFieldsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['customers'];
    app.get(
      '/api/v1/customer-fields',
      {
        config: { permission: 'customer.read' },
        schema: { tags, response: { 200: z.array(customerFieldView) } },
      },
      async () => customerFields(deps.db),
    );
    app.post(
      '/api/v1/customer-fields',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, body: fieldCreate, response: { 201: customerFieldView } },
      },
      async (request, reply) => {
        const b = request.body;
        if (b.kind === 'choice' && b.options.length === 0) throw invalid('VALIDATION_FAILED', 'options');
        try {
          const row = await deps.db.transaction().execute(async (trx) => {
            const created = await trx
              .insertInto('customer_field')
              .values({
                key: b.key,
                label: JSON.stringify(b.label),
                kind: b.kind,
                options: JSON.stringify(b.options),
                required: b.required,
                sort_order: b.sortOrder,
                is_active: b.isActive,
              })
              .returningAll()
              .executeTakeFirstOrThrow();
            await recordAudit(trx, contextOf(request), {
              action: 'customer_field.create',
              entityType: 'customer_field',
              entityId: created.id,
              entityLabel: b.key,
              after: presentCustomerField(created),
            });
            return created;
          });
          return reply.status(201).send(presentCustomerField(row));
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('CODE_TAKEN', { field: 'key' });
          throw error;
        }
      },
    );
    app.patch(
      '/api/v1/customer-fields/:id',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, params: idParam, body: fieldUpdate, response: { 200: customerFieldView } },
      },
      async (request) =>
        deps.db.transaction().execute(async (trx) => {
          const before = await trx
            .selectFrom('customer_field')
            .selectAll()
            .where('id', '=', request.params.id)
            .forUpdate()
            .executeTakeFirst();
          if (!before) throw notFound();
          const b = request.body;
          const after = await trx
            .updateTable('customer_field')
            .set({
              ...(b.label !== undefined ? { label: JSON.stringify(b.label) } : {}),
              ...(b.kind !== undefined ? { kind: b.kind } : {}),
              ...(b.options !== undefined ? { options: JSON.stringify(b.options) } : {}),
              ...(b.required !== undefined ? { required: b.required } : {}),
              ...(b.sortOrder !== undefined ? { sort_order: b.sortOrder } : {}),
              ...(b.isActive !== undefined ? { is_active: b.isActive } : {}),
            })
            .where('id', '=', request.params.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, contextOf(request), {
            action: 'customer_field.update',
            entityType: 'customer_field',
            entityId: after.id,
            entityLabel: after.key,
            before: presentCustomerField(before),
            after: presentCustomerField(after),
          });
          return presentCustomerField(after);
        }),
    );
  };
}
