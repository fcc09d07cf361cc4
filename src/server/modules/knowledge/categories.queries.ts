import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB, KbCategory } from '../../db/schema.ts';

/** A knowledge base has tens to hundreds of categories; the tree is read whole (capped). */
export function listCategories(db: Kysely<DB>, publishedOnly: boolean) {
  return db
    .selectFrom('kb_category')
    .selectAll('kb_category')
    .select((eb) => {
      let count = eb
        .selectFrom('kb_article')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('kb_article.category_id', '=', 'kb_category.id');
      if (publishedOnly) count = count.where('kb_article.status', '=', 'published');
      return count.as('article_count');
    })
    .orderBy('kb_category.parent_id', (ob) => ob.nullsFirst())
    .orderBy('kb_category.sort_order')
    .orderBy('kb_category.id')
    .limit(2000)
    .execute();
}
export type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];

export function findCategory(db: Kysely<DB>, id: number) {
  return db.selectFrom('kb_category').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCategory(db: Kysely<DB>, row: Insertable<KbCategory>) {
  return (await db.insertInto('kb_category').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCategoryRow(db: Kysely<DB>, id: number, patch: Updateable<KbCategory>) {
  await db
    .updateTable('kb_category')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteCategoryRow(db: Kysely<DB>, id: number) {
  await db.deleteFrom('kb_category').where('id', '=', id).execute();
}

export async function categoryInUse(db: Kysely<DB>, id: number) {
  const child = await db
    .selectFrom('kb_category')
    .select('id')
    .where('parent_id', '=', id)
    .executeTakeFirst();
  if (child) return true;
  const article = await db
    .selectFrom('kb_article')
    .select('id')
    .where('category_id', '=', id)
    .executeTakeFirst();
  return !!article;
}

/** Ids of a category and every category below it. */
export async function categorySubtree(db: Kysely<DB>, id: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM kb_category WHERE id = ${id}
      UNION ALL SELECT c.id FROM kb_category c JOIN tree t ON c.parent_id = t.id
    ) SELECT id FROM tree LIMIT 5000`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

/** For the portal: every category with its number of published public articles (directly in it). */
export async function publicCategoryCounts(db: Kysely<DB>) {
  const [categories, counts] = await Promise.all([
    db
      .selectFrom('kb_category')
      .select(['id', 'parent_id', 'name', 'sort_order'])
      .orderBy('sort_order')
      .orderBy('id')
      .limit(2000)
      .execute(),
    db
      .selectFrom('kb_article')
      .select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'published')
      .where('visibility', '=', 'public')
      .where('category_id', 'is not', null)
      .groupBy('category_id')
      .execute(),
  ]);
  const direct = new Map(counts.map((c) => [Number(c.category_id), Number(c.n)]));
  return { categories, direct };
}
