import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import {
  careEventListQuery,
  careEventView,
  careRecordCreate,
  careRuleCreate,
  careRuleUpdate,
  careRuleView,
} from '../../../shared/schemas/care.ts';
import { idParam } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { CareRule } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';

const day = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

const presentRule = (r: Selectable<CareRule>): z.infer<typeof careRuleView> => ({
  id: r.id,
  name: r.name,
  event: r.event as 'birthday',
  holidayOn: day(r.holiday_on),
  classes: r.classes,
  channel: r.channel as 'email',
  daysBefore: r.days_before,
  gift: r.gift,
  isActive: r.is_active,
});

/** 客户关怀: greeting rules (care.manage), the record of greetings and gifts, gifts given by hand. */
export function careRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['customers'];
    const ruleColumns = (b: z.output<typeof careRuleUpdate>) => ({
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.event !== undefined ? { event: b.event } : {}),
      ...(b.holidayOn !== undefined ? { holiday_on: b.holidayOn } : {}),
      ...(b.classes !== undefined ? { classes: b.classes } : {}),
      ...(b.channel !== undefined ? { channel: b.channel } : {}),
      ...(b.daysBefore !== undefined ? { days_before: b.daysBefore } : {}),
      ...(b.gift !== undefined ? { gift: b.gift } : {}),
      ...(b.isActive !== undefined ? { is_active: b.isActive } : {}),
    });

    app.get(
      '/api/v1/care-rules',
      { config: { permission: 'customer.read' }, schema: { tags, response: { 200: z.array(careRuleView) } } },
      async () =>
        (await deps.db.selectFrom('care_rule').selectAll().orderBy('id').limit(200).execute()).map(
          presentRule,
        ),
    );
    app.post(
      '/api/v1/care-rules',
      {
        config: { permission: 'care.manage' },
        schema: { tags, body: careRuleCreate, response: { 201: careRuleView } },
      },
      async (request, reply) => {
        const row = await deps.db.transaction().execute(async (trx) => {
          const created = await trx
            .insertInto('care_rule')
            .values({
              ...ruleColumns(request.body),
              name: request.body.name,
              event: request.body.event,
              channel: request.body.channel,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, contextOf(request), {
            action: 'care_rule.create',
            entityType: 'care_rule',
            entityId: created.id,
            entityLabel: created.name,
            after: presentRule(created),
          });
          return created;
        });
        return reply.status(201).send(presentRule(row));
      },
    );
    app.patch(
      '/api/v1/care-rules/:id',
      {
        config: { permission: 'care.manage' },
        schema: { tags, params: idParam, body: careRuleUpdate, response: { 200: careRuleView } },
      },
      async (request) =>
        deps.db.transaction().execute(async (trx) => {
          const before = await trx
            .selectFrom('care_rule')
            .selectAll()
            .where('id', '=', request.params.id)
            .forUpdate()
            .executeTakeFirst();
          if (!before) throw notFound();
          const after = await trx
            .updateTable('care_rule')
            .set({ ...ruleColumns(request.body), updated_at: new Date() })
            .where('id', '=', request.params.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, contextOf(request), {
            action: 'care_rule.update',
            entityType: 'care_rule',
            entityId: after.id,
            entityLabel: after.name,
            before: presentRule(before),
            after: presentRule(after),
          });
          return presentRule(after);
        }),
    );

    app.get(
      '/api/v1/care-events',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags,
          querystring: careEventListQuery,
          response: { 200: z.object({ items: z.array(careEventView), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const f = request.query;
        let query = deps.db
          .selectFrom('care_event as e')
          .innerJoin('customer as c', 'c.id', 'e.customer_id')
          .leftJoin('contact as k', 'k.id', 'e.contact_id')
          .leftJoin('care_rule as r', 'r.id', 'e.rule_id')
          .selectAll('e')
          .select(['c.name as customer_name', 'k.name as contact_name', 'r.name as rule_name']);
        if (f.customerId) query = query.where('e.customer_id', '=', f.customerId);
        if (f.from) query = query.where('e.occasion_on', '>=', f.from);
        if (f.to) query = query.where('e.occasion_on', '<=', f.to);
        if (f.cursor) query = query.where('e.id', '<', Number(f.cursor));
        const rows = await query
          .orderBy('e.id', 'desc')
          .limit(f.limit + 1)
          .execute();
        const page = rows.slice(0, f.limit);
        return {
          items: page.map((e) => ({
            id: e.id,
            ruleName: e.rule_name,
            customerId: e.customer_id,
            customerName: e.customer_name,
            contactName: e.contact_name,
            event: e.event,
            occasionOn: day(e.occasion_on)!,
            channel: e.channel,
            status: e.status,
            skipReason: e.skip_reason,
            gift: e.gift,
            giftCost: e.gift_cost === null ? null : Number(e.gift_cost),
            notes: e.notes,
            createdAt: e.created_at.toISOString(),
          })),
          nextCursor: rows.length > f.limit ? String(page.at(-1)!.id) : null,
        };
      },
    );
    app.post(
      '/api/v1/customers/:id/care-events',
      {
        config: { permission: 'care.manage' },
        schema: {
          tags,
          params: idParam,
          body: careRecordCreate,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const id = await deps.db.transaction().execute(async (trx) => {
          const customer = await trx
            .selectFrom('customer')
            .select(['id', 'name'])
            .where('id', '=', request.params.id)
            .executeTakeFirst();
          if (!customer) throw notFound();
          if (b.contactId) {
            const contact = await trx
              .selectFrom('contact')
              .select('id')
              .where('id', '=', b.contactId)
              .where('customer_id', '=', customer.id)
              .executeTakeFirst();
            if (!contact) throw notFound();
          }
          const row = await trx
            .insertInto('care_event')
            .values({
              customer_id: customer.id,
              contact_id: b.contactId ?? null,
              event: b.event,
              occasion_on: b.occasionOn,
              status: 'recorded',
              gift: b.gift ?? null,
              gift_cost: b.giftCost?.toString() ?? null,
              notes: b.notes ?? null,
              created_by: request.actor!.userId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(trx, contextOf(request), {
            action: 'customer.care',
            entityType: 'customer',
            entityId: customer.id,
            entityLabel: customer.name,
            after: {
              careEventId: row.id,
              event: b.event,
              gift: b.gift ?? null,
              giftCost: b.giftCost ?? null,
            },
          });
          return row.id;
        });
        return reply.status(201).send({ id });
      },
    );
  };
}
