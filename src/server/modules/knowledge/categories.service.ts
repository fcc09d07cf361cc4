import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  KbCategoryCreate,
  KbCategoryName,
  KbCategoryView,
  kbCategoryUpdate,
  kbPublicCategoryView,
} from '../../../shared/schemas/knowledge.ts';
import type { Database } from '../../db/database.ts';
import type { KbCategory } from '../../db/schema.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './categories.queries.ts';

type CategoryFields = Selectable<KbCategory>;

export function categoryName(value: unknown): KbCategoryName {
  const name = (value ?? {}) as Partial<Record<keyof KbCategoryName, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { 'zh-CN': text(name['zh-CN']), 'zh-TW': text(name['zh-TW']), en: text(name.en) };
}

export function presentCategory(row: CategoryFields, articleCount = 0): KbCategoryView {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: categoryName(row.name),
    sortOrder: row.sort_order,
    articleCount,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Staff list: article counts are of the articles the caller may see (published only for readers). */
export async function listCategoryViews(db: Database, seesDrafts: boolean) {
  const rows = await q.listCategories(db, !seesDrafts);
  return rows.map((row) => presentCategory(row, Number(row.article_count ?? 0)));
}

/** Portal list: only categories with published public articles in them or below them. */
export async function listPublicCategories(db: Database): Promise<z.infer<typeof kbPublicCategoryView>[]> {
  const { categories, direct } = await q.publicCategoryCounts(db);
  const children = new Map<number | null, number[]>();
  for (const c of categories) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c.id]);
  const total = new Map<number, number>();
  const sum = (id: number, seen: Set<number>): number => {
    const known = total.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const n = (direct.get(id) ?? 0) + (children.get(id) ?? []).reduce((acc, c) => acc + sum(c, seen), 0);
    total.set(id, n);
    return n;
  };
  return categories
    .map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      name: categoryName(c.name),
      sortOrder: c.sort_order,
      articleCount: sum(c.id, new Set()),
    }))
    .filter((c) => c.articleCount > 0);
}

async function checkParent(db: Database, parentId: number | null | undefined, selfId?: number) {
  if (!parentId) return;
  if (selfId !== undefined && (await q.categorySubtree(db, selfId)).includes(parentId))
    throw new AppError('KB_CATEGORY_CYCLE', { issues: [{ field: 'parentId', message: 'cycle' }] });
  if (!(await q.findCategory(db, parentId))) throw invalid('VALIDATION_FAILED', 'parentId');
}

const label = (name: KbCategoryName) => name['zh-CN'] || name['zh-TW'] || name.en;

export async function createCategory(db: Database, ctx: RequestContext, input: KbCategoryCreate) {
  return db.transaction().execute(async (trx) => {
    await checkParent(trx, input.parentId);
    const name = categoryName(input.name);
    const id = await q.insertCategory(trx, {
      name: JSON.stringify(name),
      parent_id: input.parentId ?? null,
      sort_order: input.sortOrder ?? 0,
    });
    const after = presentCategory((await q.findCategory(trx, id))!);
    await recordAudit(trx, ctx, {
      action: 'kb.category.create',
      entityType: 'kb_category',
      entityId: id,
      entityLabel: label(after.name),
      after: auditView(after),
    });
    return after;
  });
}

function auditView(view: KbCategoryView) {
  return { name: view.name, parentId: view.parentId, sortOrder: view.sortOrder };
}

export async function updateCategory(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: z.infer<typeof kbCategoryUpdate>,
) {
  return db.transaction().execute(async (trx) => {
    const current = await q.findCategory(trx, id);
    if (!current) throw notFound();
    await checkParent(trx, input.parentId, id);
    await q.updateCategoryRow(trx, id, {
      name: input.name ? JSON.stringify(categoryName(input.name)) : undefined,
      parent_id: input.parentId,
      sort_order: input.sortOrder,
    });
    const before = presentCategory(current);
    const after = presentCategory((await q.findCategory(trx, id))!);
    await recordAudit(trx, ctx, {
      action: 'kb.category.update',
      entityType: 'kb_category',
      entityId: id,
      entityLabel: label(after.name),
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function deleteCategory(db: Database, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const current = await q.findCategory(trx, id);
    if (!current) throw notFound();
    if (await q.categoryInUse(trx, id)) throw new AppError('KB_CATEGORY_IN_USE');
    await q.deleteCategoryRow(trx, id);
    const before = presentCategory(current);
    await recordAudit(trx, ctx, {
      action: 'kb.category.delete',
      entityType: 'kb_category',
      entityId: id,
      entityLabel: label(before.name),
      before: auditView(before),
    });
  });
}
