import { type ExpressionBuilder, type InsertObject, type Kysely, sql, type UpdateObject } from 'kysely';
import type { Locale } from '../../../shared/locale.ts';
import type { KbKind, KbStatus, KbVisibility } from '../../../shared/schemas/knowledge.ts';
import type { DB } from '../../db/schema.ts';
import type { ArticleScope } from './knowledge.policy.ts';
import { articleVectorLiteral } from './search-terms.ts';

/** The SQL side of the scope decided in knowledge.policy.ts. */
function visible(eb: ExpressionBuilder<DB, 'kb_article'>, scope: ArticleScope) {
  const conditions = [];
  if (!scope.drafts) conditions.push(eb('kb_article.status', '=', 'published'));
  if (!scope.internal) conditions.push(eb('kb_article.visibility', '=', 'public'));
  return eb.and(conditions);
}

/** The search_terms value of an article (title, tags and text). */
export function articleSearchTerms(article: { title: string; tags: readonly string[]; bodyText: string }) {
  return sql<string>`${articleVectorLiteral(article)}::tsvector`;
}

const ARTICLE_COLUMNS = [
  'kb_article.id',
  'kb_article.category_id',
  'kb_article.kind',
  'kb_article.visibility',
  'kb_article.status',
  'kb_article.language',
  'kb_article.title',
  'kb_article.tags',
  'kb_article.version',
  'kb_article.author_user_id',
  'kb_article.updated_by_user_id',
  'kb_article.published_at',
  'kb_article.published_by_user_id',
  'kb_article.view_count',
  'kb_article.helpful_count',
  'kb_article.unhelpful_count',
  'kb_article.created_at',
  'kb_article.updated_at',
] as const;

function withDetail(db: Kysely<DB>) {
  return db
    .selectFrom('kb_article')
    .leftJoin('kb_category', 'kb_category.id', 'kb_article.category_id')
    .leftJoin('app_user as author', 'author.id', 'kb_article.author_user_id')
    .leftJoin('app_user as editor', 'editor.id', 'kb_article.updated_by_user_id')
    .leftJoin('app_user as publisher', 'publisher.id', 'kb_article.published_by_user_id')
    .select(ARTICLE_COLUMNS)
    .select([
      'kb_article.body_html',
      'kb_article.body_text',
      'kb_category.name as category_name',
      'author.display_name as author_name',
      'editor.display_name as updated_by_name',
      'publisher.display_name as published_by_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('kb_article_version')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('kb_article_version.article_id', '=', 'kb_article.id')
        .as('version_count'),
    );
}
export type ArticleRow = Awaited<ReturnType<ReturnType<typeof withDetail>['executeTakeFirstOrThrow']>>;

export function findArticle(db: Kysely<DB>, id: number, scope: ArticleScope) {
  return withDetail(db)
    .where('kb_article.id', '=', id)
    .where((eb) => visible(eb, scope))
    .executeTakeFirst();
}

/** The row as stored, locked for a write. */
export function lockArticle(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('kb_article')
    .select([...ARTICLE_COLUMNS, 'kb_article.body_html', 'kb_article.body_text'])
    .where('kb_article.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
export type StoredArticle = NonNullable<Awaited<ReturnType<typeof lockArticle>>>;

export interface ArticleFilter {
  categoryIds?: number[] | undefined;
  kind?: KbKind | undefined;
  visibility?: KbVisibility | undefined;
  status?: KbStatus | undefined;
  language?: Locale | undefined;
  tag?: string | undefined;
  /** buildTsQuery() of the search box: every row must match it. */
  tsQuery?: string | null | undefined;
  /** With tsQuery: per-term tsqueries (anywhere, title only) for ranking by relevance. */
  scoreTerms?: { any: string[]; title: string[] } | undefined;
  cursor?: { key: string; id: number } | undefined;
  limit: number;
}

/** Σ (search_terms matches term) over the terms: how many of them an article contains. */
function matchCount(terms: readonly string[]) {
  if (terms.length === 0) return sql<number>`0`;
  return sql<number>`(${sql.join(
    terms.map((t) => sql`(kb_article.search_terms @@ ${t}::tsquery)::int`),
    sql` + `,
  )})`;
}

/**
 * A page of articles. Without a search: newest change first, keyset on (updated_at, id) with the
 * timestamp carried in microseconds. With a search: best match first (a term found counts 1, found in
 * the title 2 more), keyset on (score, id).
 */
export function listArticles(db: Kysely<DB>, f: ArticleFilter, scope: ArticleScope) {
  let query = db
    .selectFrom('kb_article')
    .leftJoin('app_user as author', 'author.id', 'kb_article.author_user_id')
    .select(ARTICLE_COLUMNS)
    .select([
      'author.display_name as author_name',
      sql<string>`left(kb_article.body_text, 200)`.as('excerpt'),
    ])
    .where((eb) => visible(eb, scope))
    .limit(f.limit + 1);
  if (f.categoryIds)
    query = f.categoryIds.length
      ? query.where('kb_article.category_id', 'in', f.categoryIds)
      : query.where(sql<boolean>`false`);
  if (f.kind) query = query.where('kb_article.kind', '=', f.kind);
  if (f.visibility) query = query.where('kb_article.visibility', '=', f.visibility);
  if (f.status) query = query.where('kb_article.status', '=', f.status);
  if (f.language) query = query.where('kb_article.language', '=', f.language);
  if (f.tag) query = query.where(sql<boolean>`kb_article.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.tsQuery) query = query.where(sql<boolean>`kb_article.search_terms @@ ${f.tsQuery}::tsquery`);

  if (f.scoreTerms) {
    const score = sql<number>`(${matchCount(f.scoreTerms.any)} + 2 * ${matchCount(f.scoreTerms.title)})`;
    if (f.cursor)
      query = query.where(
        sql<boolean>`(${score}, kb_article.id) < (${Number(f.cursor.key)}, ${f.cursor.id})`,
      );
    return query
      .select(sql<string>`${score}::text`.as('cursor_key'))
      .orderBy(score, 'desc')
      .orderBy('kb_article.id', 'desc')
      .execute();
  }
  if (f.cursor) {
    const at = sql`to_timestamp(0) + ${f.cursor.key}::bigint * interval '1 microsecond'`;
    query = query.where(sql<boolean>`(kb_article.updated_at, kb_article.id) < (${at}, ${f.cursor.id})`);
  }
  return query
    .select(sql<string>`(extract(epoch from kb_article.updated_at) * 1000000)::bigint::text`.as('cursor_key'))
    .orderBy('kb_article.updated_at', 'desc')
    .orderBy('kb_article.id', 'desc')
    .execute();
}
export type ArticleListRow = Awaited<ReturnType<typeof listArticles>>[number];

/**
 * Suggestions: articles containing any of the terms (one GIN lookup), ranked by how many they
 * contain, then title matches, then the preferred language, newest first.
 */
export function suggestQuery(
  db: Kysely<DB>,
  terms: { any: string[]; title: string[] },
  minimum: number,
  scope: ArticleScope,
  limit: number,
  language?: Locale,
) {
  const anyTerm = terms.any.join(' | ');
  const matched = matchCount(terms.any);
  return db
    .selectFrom('kb_article')
    .select([
      'kb_article.id',
      'kb_article.title',
      'kb_article.kind',
      'kb_article.visibility',
      'kb_article.language',
      'kb_article.category_id',
      sql<string>`left(kb_article.body_text, 200)`.as('excerpt'),
      matched.as('matched'),
    ])
    .where('kb_article.status', '=', 'published')
    .where((eb) => visible(eb, scope))
    .where(sql<boolean>`kb_article.search_terms @@ ${anyTerm}::tsquery`)
    .where(sql<boolean>`${matched} >= ${minimum}`)
    .orderBy(matched, 'desc')
    .orderBy(matchCount(terms.title), 'desc')
    .orderBy(sql`(kb_article.language = ${language ?? ''})`, 'desc')
    .orderBy('kb_article.id', 'desc')
    .limit(limit);
}

export async function insertArticle(db: Kysely<DB>, row: InsertObject<DB, 'kb_article'>) {
  return (await db.insertInto('kb_article').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateArticleRow(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'kb_article'>) {
  await db
    .updateTable('kb_article')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertVersion(db: Kysely<DB>, row: InsertObject<DB, 'kb_article_version'>) {
  await db.insertInto('kb_article_version').values(row).execute();
}

export function listVersions(db: Kysely<DB>, articleId: number) {
  return db
    .selectFrom('kb_article_version')
    .leftJoin('app_user', 'app_user.id', 'kb_article_version.author_user_id')
    .select([
      'kb_article_version.version',
      'kb_article_version.title',
      'kb_article_version.note',
      'kb_article_version.author_user_id',
      'kb_article_version.created_at',
      'app_user.display_name as author_name',
    ])
    .where('kb_article_version.article_id', '=', articleId)
    .orderBy('kb_article_version.version', 'desc')
    .limit(1000)
    .execute();
}

export function findVersion(db: Kysely<DB>, articleId: number, version: number) {
  return db
    .selectFrom('kb_article_version')
    .leftJoin('app_user', 'app_user.id', 'kb_article_version.author_user_id')
    .selectAll('kb_article_version')
    .select('app_user.display_name as author_name')
    .where('kb_article_version.article_id', '=', articleId)
    .where('kb_article_version.version', '=', version)
    .executeTakeFirst();
}

export async function countView(db: Kysely<DB>, id: number) {
  await db
    .updateTable('kb_article')
    .set((eb) => ({ view_count: eb('view_count', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export function findVote(db: Kysely<DB>, articleId: number, voter: string) {
  return db
    .selectFrom('kb_article_feedback')
    .select('helpful')
    .where('article_id', '=', articleId)
    .where('voter', '=', voter)
    .executeTakeFirst();
}

export async function saveVote(db: Kysely<DB>, articleId: number, voter: string, helpful: boolean) {
  await db
    .insertInto('kb_article_feedback')
    .values({ article_id: articleId, voter, helpful })
    .onConflict((oc) => oc.columns(['article_id', 'voter']).doUpdateSet({ helpful, updated_at: new Date() }))
    .execute();
}

/** Moves the vote counters by the given amounts; returns the new totals. */
export async function adjustVotes(db: Kysely<DB>, id: number, helpful: number, unhelpful: number) {
  return db
    .updateTable('kb_article')
    .set((eb) => ({
      helpful_count: eb('helpful_count', '+', helpful),
      unhelpful_count: eb('unhelpful_count', '+', unhelpful),
    }))
    .where('id', '=', id)
    .returning(['helpful_count', 'unhelpful_count'])
    .executeTakeFirstOrThrow();
}
