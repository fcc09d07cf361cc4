import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  categoryView,
  fieldView,
  slaPolicyView,
  ticketTypeView,
} from '../../../shared/schemas/ticket-config.ts';
import type { DB, SlaPolicy, TicketCategory, TicketField, TicketType } from '../../db/schema.ts';

type Label = z.infer<typeof ticketTypeView>['label'];

export const presentType = (r: Selectable<TicketType>): z.infer<typeof ticketTypeView> => ({
  id: r.id,
  code: r.code,
  label: r.label as Label,
  isActive: r.is_active,
  sortOrder: r.sort_order,
});
export const presentCategory = (r: Selectable<TicketCategory>): z.infer<typeof categoryView> => ({
  id: r.id,
  parentId: r.parent_id,
  label: r.label as Label,
  isActive: r.is_active,
  sortOrder: r.sort_order,
});
export const presentField = (r: Selectable<TicketField>): z.infer<typeof fieldView> => ({
  id: r.id,
  typeId: r.type_id,
  key: r.key,
  label: r.label as Label,
  kind: r.kind as z.infer<typeof fieldView>['kind'],
  options: r.options as z.infer<typeof fieldView>['options'],
  required: r.required,
  sortOrder: r.sort_order,
  isActive: r.is_active,
});
export const presentPolicy = (r: Selectable<SlaPolicy>): z.infer<typeof slaPolicyView> => ({
  id: r.id,
  name: r.name,
  position: r.position,
  conditions: r.conditions as z.infer<typeof slaPolicyView>['conditions'],
  targets: r.targets as z.infer<typeof slaPolicyView>['targets'],
  clock: r.clock as 'business' | 'calendar',
  calendarId: r.calendar_id,
  warningPercent: r.warning_percent,
  isActive: r.is_active,
});

export const typeById = async (db: Kysely<DB>, id: number) => {
  const r = await db.selectFrom('ticket_type').selectAll().where('id', '=', id).executeTakeFirst();
  return r && presentType(r);
};
export const categoryById = async (db: Kysely<DB>, id: number) => {
  const r = await db.selectFrom('ticket_category').selectAll().where('id', '=', id).executeTakeFirst();
  return r && presentCategory(r);
};
export const fieldById = async (db: Kysely<DB>, id: number) => {
  const r = await db.selectFrom('ticket_field').selectAll().where('id', '=', id).executeTakeFirst();
  return r && presentField(r);
};
export const policyById = async (db: Kysely<DB>, id: number) => {
  const r = await db.selectFrom('sla_policy').selectAll().where('id', '=', id).executeTakeFirst();
  return r && presentPolicy(r);
};

/** Configuration lists are short (tens of rows), capped rather than paged. */
export const listTypes = (db: Kysely<DB>) =>
  db.selectFrom('ticket_type').selectAll().orderBy('sort_order').orderBy('id').limit(500).execute();
export const listCategories = (db: Kysely<DB>) =>
  db.selectFrom('ticket_category').selectAll().orderBy('sort_order').orderBy('id').limit(2000).execute();
export const listPolicies = (db: Kysely<DB>) =>
  db.selectFrom('sla_policy').selectAll().orderBy('position').orderBy('id').limit(500).execute();
export const fieldsOfType = (db: Kysely<DB>, typeId: number, activeOnly = false) => {
  let query = db
    .selectFrom('ticket_field')
    .selectAll()
    .where('type_id', '=', typeId)
    .orderBy('sort_order')
    .orderBy('id')
    .limit(200);
  if (activeOnly) query = query.where('is_active', '=', true);
  return query.execute();
};
