import { isLocale, type Locale } from '../../../shared/locale.ts';
import type { KbKind, KbStatus, KbVisibility } from '../../../shared/schemas/knowledge.ts';
import type { Database } from '../../db/database.ts';
import { invalid } from '../../http/app-error.ts';
import { type CursorPage, cursorId, emptyPage, pageOf } from '../../http/paging.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import * as q from './articles.queries.ts';
import { categorySubtree } from './categories.queries.ts';
import type { ArticleScope } from './knowledge.policy.ts';
import { minimumMatches, queryScoreTerms, type ScoreTerm, suggestTerms, termQuery } from './search-terms.ts';

export interface ArticleSearch {
  categoryId?: number | undefined;
  kind?: KbKind | undefined;
  visibility?: KbVisibility | undefined;
  status?: KbStatus | undefined;
  language?: Locale | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Cursors are opaque to clients: `u<updated_at µs>_<id>` for plain lists, `r<score>_<id>` for searches. */
function parseCursor(cursor: string, mode: 'u' | 'r') {
  const match = /^([ur])(\d{1,16})_(\d{1,16})$/.exec(cursor);
  if (!match || match[1] !== mode) throw invalid('INVALID_CURSOR', 'cursor');
  return { key: match[2]!, id: cursorId(match[3]!) };
}

export function tsQueries(terms: readonly ScoreTerm[]) {
  return { any: terms.map((t) => termQuery(t)), title: terms.map((t) => termQuery(t, true)) };
}

/** A page of articles the caller may see, presented; with `q`, best matches first. */
export async function searchArticles<Item>(
  db: Database,
  search: ArticleSearch,
  scope: ArticleScope,
  present: (row: q.ArticleListRow) => Item,
): Promise<CursorPage<Item>> {
  const tsQuery = search.q ? buildTsQuery(search.q) : null;
  if (search.q && !tsQuery) return emptyPage();
  const mode = tsQuery ? 'r' : 'u';
  const cursor = search.cursor ? parseCursor(search.cursor, mode) : undefined;
  const categoryIds = search.categoryId ? await categorySubtree(db, search.categoryId) : undefined;
  // A category that does not exist has no articles (and an empty IN () is no SQL).
  if (categoryIds?.length === 0) return emptyPage();
  const rows = await q.listArticles(
    db,
    {
      categoryIds,
      kind: search.kind,
      visibility: search.visibility,
      status: search.status,
      language: search.language,
      tag: search.tag,
      tsQuery,
      scoreTerms: tsQuery ? tsQueries(queryScoreTerms(search.q ?? '')) : undefined,
      cursor,
      limit: search.limit,
    },
    scope,
  );
  return pageOf(rows, search.limit, present, (last) => `${mode}${last.cursor_key}_${last.id}`);
}

/** Whatever arrived as `text` (a repeated parameter too), as one string. */
export function typedText(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(' ') : value;
}

/**
 * Published articles matching what someone is typing, best first: the typed text's significant
 * terms are OR-ed (one GIN lookup) and articles ranked by how many of them they contain.
 */
export async function suggestForText(
  db: Database,
  text: string,
  scope: ArticleScope,
  limit: number,
  language?: string,
) {
  const terms = suggestTerms(text);
  if (terms.length === 0) return [];
  return q
    .suggestQuery(
      db,
      tsQueries(terms),
      minimumMatches(terms.length),
      scope,
      limit,
      isLocale(language) ? language : undefined,
    )
    .execute();
}
