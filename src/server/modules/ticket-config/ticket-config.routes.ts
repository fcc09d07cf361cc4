import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import {
  categoryCreate,
  categoryUpdate,
  categoryView,
  fieldCreate,
  fieldUpdate,
  fieldView,
  slaPolicyCreate,
  slaPolicyUpdate,
  slaPolicyView,
  ticketTypeCreate,
  ticketTypeUpdate,
  ticketTypeView,
} from '../../../shared/schemas/ticket-config.ts';
import type { AppDeps } from '../../app-deps.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { writeConfig } from './config-write.ts';
import * as q from './ticket-config.queries.ts';

const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
const zh = (row: { label: { 'zh-CN': string } }) => row.label['zh-CN'];

/** Administration of request types, categories, custom fields and SLA policies (permission ticket.configure). */
export function ticketConfigRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const manage = { permission: 'ticket.configure' as const };
    const tags = ['ticket configuration'];

    app.get(
      '/api/v1/ticket-config/types',
      { config: { permission: 'ticket.read' }, schema: { tags, response: { 200: z.array(ticketTypeView) } } },
      async () => (await q.listTypes(deps.db)).map(q.presentType),
    );
    app.post(
      '/api/v1/ticket-config/types',
      { config: manage, schema: { tags, body: ticketTypeCreate, response: { 201: ticketTypeView } } },
      async (request, reply) => {
        const b = request.body;
        const saved = await writeConfig(
          deps.db,
          contextOf(request),
          { type: 'ticket_type', id: null, label: zh },
          q.typeById,
          async (trx) =>
            (
              await trx
                .insertInto('ticket_type')
                .values({
                  code: b.code,
                  label: json(b.label)!,
                  is_active: b.isActive,
                  sort_order: b.sortOrder,
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
        );
        return reply.status(201).send(saved);
      },
    );
    app.patch(
      '/api/v1/ticket-config/types/:id',
      {
        config: manage,
        schema: { tags, params: idParam, body: ticketTypeUpdate, response: { 200: ticketTypeView } },
      },
      async (request) => {
        const { id } = request.params;
        const b = request.body;
        return writeConfig(
          deps.db,
          contextOf(request),
          { type: 'ticket_type', id, label: zh },
          q.typeById,
          async (trx) => {
            await trx
              .updateTable('ticket_type')
              .set({ label: json(b.label), is_active: b.isActive, sort_order: b.sortOrder })
              .where('id', '=', id)
              .execute();
            return id;
          },
        );
      },
    );

    app.get(
      '/api/v1/ticket-config/categories',
      { config: { permission: 'ticket.read' }, schema: { tags, response: { 200: z.array(categoryView) } } },
      async () => (await q.listCategories(deps.db)).map(q.presentCategory),
    );
    app.post(
      '/api/v1/ticket-config/categories',
      { config: manage, schema: { tags, body: categoryCreate, response: { 201: categoryView } } },
      async (request, reply) => {
        const b = request.body;
        const saved = await writeConfig(
          deps.db,
          contextOf(request),
          { type: 'ticket_category', id: null, label: zh },
          q.categoryById,
          async (trx) => {
            if (b.parentId && !(await q.categoryById(trx, b.parentId)))
              throw invalid('VALIDATION_FAILED', 'parentId');
            return (
              await trx
                .insertInto('ticket_category')
                .values({
                  parent_id: b.parentId ?? null,
                  label: json(b.label)!,
                  is_active: b.isActive,
                  sort_order: b.sortOrder,
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id;
          },
        );
        return reply.status(201).send(saved);
      },
    );
    app.patch(
      '/api/v1/ticket-config/categories/:id',
      {
        config: manage,
        schema: { tags, params: idParam, body: categoryUpdate, response: { 200: categoryView } },
      },
      async (request) => {
        const { id } = request.params;
        const b = request.body;
        return writeConfig(
          deps.db,
          contextOf(request),
          { type: 'ticket_category', id, label: zh },
          q.categoryById,
          async (trx) => {
            if (b.parentId === id) throw invalid('VALIDATION_FAILED', 'parentId');
            await trx
              .updateTable('ticket_category')
              .set({
                parent_id: b.parentId,
                label: json(b.label),
                is_active: b.isActive,
                sort_order: b.sortOrder,
              })
              .where('id', '=', id)
              .execute();
            return id;
          },
        );
      },
    );

    app.get(
      '/api/v1/ticket-config/types/:id/fields',
      {
        config: { permission: 'ticket.read' },
        schema: { tags, params: idParam, response: { 200: z.array(fieldView) } },
      },
      async (request) => {
        if (!(await q.typeById(deps.db, request.params.id))) throw notFound();
        return (await q.fieldsOfType(deps.db, request.params.id)).map(q.presentField);
      },
    );
    app.post(
      '/api/v1/ticket-config/types/:id/fields',
      { config: manage, schema: { tags, params: idParam, body: fieldCreate, response: { 201: fieldView } } },
      async (request, reply) => {
        const b = request.body;
        if (b.kind === 'choice' && b.options.length === 0) throw invalid('VALIDATION_FAILED', 'options');
        if (!(await q.typeById(deps.db, request.params.id))) throw notFound();
        const saved = await writeConfig(
          deps.db,
          contextOf(request),
          { type: 'ticket_field', id: null, label: zh },
          q.fieldById,
          async (trx) =>
            (
              await trx
                .insertInto('ticket_field')
                .values({
                  type_id: request.params.id,
                  key: b.key,
                  label: json(b.label)!,
                  kind: b.kind,
                  options: json(b.options)!,
                  required: b.required,
                  sort_order: b.sortOrder,
                  is_active: b.isActive,
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
        );
        return reply.status(201).send(saved);
      },
    );
    app.patch(
      '/api/v1/ticket-config/fields/:id',
      { config: manage, schema: { tags, params: idParam, body: fieldUpdate, response: { 200: fieldView } } },
      async (request) => {
        const { id } = request.params;
        const b = request.body;
        return writeConfig(
          deps.db,
          contextOf(request),
          { type: 'ticket_field', id, label: zh },
          q.fieldById,
          async (trx) => {
            await trx
              .updateTable('ticket_field')
              .set({
                label: json(b.label),
                kind: b.kind,
                options: json(b.options),
                required: b.required,
                sort_order: b.sortOrder,
                is_active: b.isActive,
              })
              .where('id', '=', id)
              .execute();
            return id;
          },
        );
      },
    );

    app.get(
      '/api/v1/sla-policies',
      { config: { permission: 'ticket.read' }, schema: { tags, response: { 200: z.array(slaPolicyView) } } },
      async () => (await q.listPolicies(deps.db)).map(q.presentPolicy),
    );
    app.post(
      '/api/v1/sla-policies',
      { config: manage, schema: { tags, body: slaPolicyCreate, response: { 201: slaPolicyView } } },
      async (request, reply) => {
        const b = request.body;
        const saved = await writeConfig(
          deps.db,
          contextOf(request),
          { type: 'sla_policy', id: null, label: (p) => p.name },
          q.policyById,
          async (trx) =>
            (
              await trx
                .insertInto('sla_policy')
                .values({
                  name: b.name,
                  position: b.position,
                  conditions: json(b.conditions)!,
                  targets: json(b.targets)!,
                  clock: b.clock,
                  calendar_id: b.calendarId ?? null,
                  warning_percent: b.warningPercent,
                  is_active: b.isActive,
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
        );
        return reply.status(201).send(saved);
      },
    );
    app.patch(
      '/api/v1/sla-policies/:id',
      {
        config: manage,
        schema: { tags, params: idParam, body: slaPolicyUpdate, response: { 200: slaPolicyView } },
      },
      async (request) => {
        const { id } = request.params;
        const b = request.body;
        return writeConfig(
          deps.db,
          contextOf(request),
          { type: 'sla_policy', id, label: (p) => p.name },
          q.policyById,
          async (trx) => {
            await trx
              .updateTable('sla_policy')
              .set({
                name: b.name,
                position: b.position,
                conditions: json(b.conditions),
                targets: json(b.targets),
                clock: b.clock,
                calendar_id: b.calendarId,
                warning_percent: b.warningPercent,
                is_active: b.isActive,
                updated_at: new Date(),
              })
              .where('id', '=', id)
              .execute();
            return id;
          },
        );
      },
    );
  };
}
