import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  categoryCreate,
  categoryUpdate,
  fieldCreate,
  fieldUpdate,
  slaPolicyCreate,
  slaPolicyUpdate,
  ticketTypeCreate,
  ticketTypeUpdate,
} from '../../../shared/schemas/ticket-config.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid, isUniqueViolation, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireVisible } from './ticket-config.policy.ts';
import { presentCategory, presentField, presentPolicy, presentType } from './ticket-config.presenter.ts';
import * as q from './ticket-config.queries.ts';

const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
const zh = (row: { label: { 'zh-CN': string } }) => row.label['zh-CN'];

const typeById = async (db: Kysely<DB>, id: number) => {
  const r = await q.findType(db, id);
  return r && presentType(r);
};
const categoryById = async (db: Kysely<DB>, id: number) => {
  const r = await q.findCategory(db, id);
  return r && presentCategory(r);
};
const fieldById = async (db: Kysely<DB>, id: number) => {
  const r = await q.findField(db, id);
  return r && presentField(r);
};
const policyById = async (db: Kysely<DB>, id: number) => {
  const r = await q.findPolicy(db, id);
  return r && presentPolicy(r);
};

/**
 * The one write path of the configuration tables (types, categories, fields, SLA policies): load the
 * current row, write, reload, audit — in one transaction; a duplicate code is CODE_TAKEN.
 */
async function writeConfig<T extends object>(
  db: Database,
  ctx: RequestContext,
  entity: { type: string; id: number | null; label: (row: T) => string },
  load: (trx: Kysely<DB>, id: number) => Promise<T | undefined>,
  write: (trx: Kysely<DB>) => Promise<number>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = entity.id ? await load(trx, entity.id) : undefined;
      if (entity.id && !before) throw notFound();
      const id = await write(trx);
      const after = (await load(trx, id))!;
      await recordAudit(trx, ctx, {
        action: `${entity.type}.${entity.id ? 'update' : 'create'}`,
        entityType: entity.type,
        entityId: id,
        entityLabel: entity.label(after),
        before: before ?? {},
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CODE_TAKEN', { field: 'code' });
    throw error;
  }
}

export const listTypes = async (db: Kysely<DB>) => (await q.listTypes(db)).map(presentType);
export const listCategories = async (db: Kysely<DB>) => (await q.listCategories(db)).map(presentCategory);
export const listPolicies = async (db: Kysely<DB>) => (await q.listPolicies(db)).map(presentPolicy);

/** The fields of a type (inactive ones too, for administration); 404 for an unknown type. */
export async function listFieldsOfType(db: Kysely<DB>, actor: Actor, typeId: number) {
  requireVisible(actor, await q.findType(db, typeId));
  return (await q.fieldsOfType(db, typeId)).map(presentField);
}

export function createType(db: Database, ctx: RequestContext, b: z.infer<typeof ticketTypeCreate>) {
  return writeConfig(db, ctx, { type: 'ticket_type', id: null, label: zh }, typeById, (trx) =>
    q.insertType(trx, {
      code: b.code,
      label: json(b.label)!,
      is_active: b.isActive,
      sort_order: b.sortOrder,
    }),
  );
}

export function updateType(
  db: Database,
  ctx: RequestContext,
  id: number,
  b: z.infer<typeof ticketTypeUpdate>,
) {
  return writeConfig(db, ctx, { type: 'ticket_type', id, label: zh }, typeById, async (trx) => {
    await q.updateType(trx, id, { label: json(b.label), is_active: b.isActive, sort_order: b.sortOrder });
    return id;
  });
}

export function createCategory(db: Database, ctx: RequestContext, b: z.infer<typeof categoryCreate>) {
  return writeConfig(db, ctx, { type: 'ticket_category', id: null, label: zh }, categoryById, async (trx) => {
    if (b.parentId && !(await q.findCategory(trx, b.parentId)))
      throw invalid('VALIDATION_FAILED', 'parentId');
    return q.insertCategory(trx, {
      parent_id: b.parentId ?? null,
      label: json(b.label)!,
      is_active: b.isActive,
      sort_order: b.sortOrder,
    });
  });
}

export function updateCategory(
  db: Database,
  ctx: RequestContext,
  id: number,
  b: z.infer<typeof categoryUpdate>,
) {
  return writeConfig(db, ctx, { type: 'ticket_category', id, label: zh }, categoryById, async (trx) => {
    if (b.parentId === id) throw invalid('VALIDATION_FAILED', 'parentId');
    await q.updateCategory(trx, id, {
      parent_id: b.parentId,
      label: json(b.label),
      is_active: b.isActive,
      sort_order: b.sortOrder,
    });
    return id;
  });
}

/** A custom field on a type; a choice field needs its options. */
export async function createField(
  db: Database,
  ctx: RequestContext,
  typeId: number,
  b: z.infer<typeof fieldCreate>,
) {
  if (b.kind === 'choice' && b.options.length === 0) throw invalid('VALIDATION_FAILED', 'options');
  requireVisible(ctx.actor, await q.findType(db, typeId));
  return writeConfig(db, ctx, { type: 'ticket_field', id: null, label: zh }, fieldById, (trx) =>
    q.insertField(trx, {
      type_id: typeId,
      key: b.key,
      label: json(b.label)!,
      kind: b.kind,
      options: json(b.options)!,
      required: b.required,
      sort_order: b.sortOrder,
      is_active: b.isActive,
    }),
  );
}

export function updateField(db: Database, ctx: RequestContext, id: number, b: z.infer<typeof fieldUpdate>) {
  return writeConfig(db, ctx, { type: 'ticket_field', id, label: zh }, fieldById, async (trx) => {
    await q.updateField(trx, id, {
      label: json(b.label),
      kind: b.kind,
      options: json(b.options),
      required: b.required,
      sort_order: b.sortOrder,
      is_active: b.isActive,
    });
    return id;
  });
}

export function createPolicy(db: Database, ctx: RequestContext, b: z.infer<typeof slaPolicyCreate>) {
  return writeConfig(db, ctx, { type: 'sla_policy', id: null, label: (p) => p.name }, policyById, (trx) =>
    q.insertPolicy(trx, {
      name: b.name,
      position: b.position,
      conditions: json(b.conditions)!,
      targets: json(b.targets)!,
      clock: b.clock,
      calendar_id: b.calendarId ?? null,
      warning_percent: b.warningPercent,
      is_active: b.isActive,
    }),
  );
}

export function updatePolicy(
  db: Database,
  ctx: RequestContext,
  id: number,
  b: z.infer<typeof slaPolicyUpdate>,
) {
  return writeConfig(db, ctx, { type: 'sla_policy', id, label: (p) => p.name }, policyById, async (trx) => {
    await q.updatePolicy(trx, id, {
      name: b.name,
      position: b.position,
      conditions: json(b.conditions),
      targets: json(b.targets),
      clock: b.clock,
      calendar_id: b.calendarId,
      warning_percent: b.warningPercent,
      is_active: b.isActive,
      updated_at: new Date(),
    });
    return id;
  });
}
