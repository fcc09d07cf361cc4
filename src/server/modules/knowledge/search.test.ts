import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  KbArticleSummary,
  KbArticleView,
  KbCategoryView,
  KbSuggestion,
} from '../../../shared/schemas/knowledge.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { buildArticle } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { suggestQuery } from './articles.queries.ts';
import { tsQueries } from './articles.search.ts';
import { suggestTerms } from './search-terms.ts';

const t = setupTestApp();
type Page = { items: KbArticleSummary[]; nextCursor: string | null };

let admin: ApiClient;
const ids: Record<string, number> = {};
let parentCategory: number;

const found = async (query: string) =>
  (await admin.get<Page>(`/api/v1/kb/articles?limit=100&${query}`)).body.items.map((a) => a.id);

beforeAll(async () => {
  admin = await t().admin();
  const parent = await admin.post<KbCategoryView>('/api/v1/kb/categories', { name: { 'zh-CN': '服务' } });
  const child = await admin.post<KbCategoryView>('/api/v1/kb/categories', {
    name: { 'zh-CN': '财务' },
    parentId: parent.body.id,
  });
  parentCategory = parent.body.id;
  ids.invoice = (
    await buildArticle(t(), {
      title: '增值税发票如何开具',
      bodyHtml: '<p>订单完成后，在“我的订单”中申请电子发票。</p>',
      tags: ['发票'],
      visibility: 'public',
      categoryId: child.body.id,
      status: 'published',
    })
  ).id;
  ids.returnsTw = (
    await buildArticle(t(), {
      title: '退貨運費由誰負擔',
      bodyHtml: '<p>商品退貨時，品質問題的運費由我們負擔。</p>',
      language: 'zh-TW',
      visibility: 'public',
      status: 'published',
    })
  ).id;
  ids.delivery = (
    await buildArticle(t(), {
      title: 'Delivery times',
      bodyHtml: '<p>Standard delivery takes 3-5 working days. Invoices are sent by e-mail.</p>',
      language: 'en',
      kind: 'product',
      tags: ['shipping'],
      visibility: 'public',
      status: 'published',
    })
  ).id;
  ids.script = (
    await buildArticle(t(), {
      title: '客户要求修改发票抬头的应答话术',
      bodyHtml: '<p>您好，发票抬头开具后如需修改，请提供正确的抬头和税号……</p>',
      kind: 'script',
      status: 'published',
    })
  ).id;
  ids.draft = (
    await buildArticle(t(), { title: '发票作废流程（草稿）', bodyHtml: '<p>作废发票</p>', status: 'draft' })
  ).id;
  ids.freightTitle = (
    await buildArticle(t(), { title: '运费说明', bodyHtml: '<p>满 99 元包邮。</p>', status: 'published' })
  ).id;
  ids.freightBody = (
    await buildArticle(t(), {
      title: '售后政策',
      bodyHtml: '<p>质量问题退货，运费由我们承担。</p>',
      status: 'published',
    })
  ).id;
});

describe('full-text search', () => {
  it('finds Simplified articles with a Traditional query and the reverse', async () => {
    const invoices = await found(`q=${encodeURIComponent('發票')}`);
    expect(invoices).toEqual(expect.arrayContaining([ids.invoice, ids.script, ids.draft]));
    expect(invoices).not.toContain(ids.freightTitle);
    expect(await found(`q=${encodeURIComponent('退货 运费')}`)).toContain(ids.returnsTw);
  });

  it('finds English words, word starts and tags', async () => {
    expect(await found('q=invoice')).toEqual([ids.delivery]);
    expect(await found('q=deliv')).toEqual([ids.delivery]);
    expect(await found('q=shipping')).toEqual([ids.delivery]);
  });

  it('puts title matches before body matches', async () => {
    const order = await found(`q=${encodeURIComponent('运费')}`);
    expect(order).toEqual(expect.arrayContaining([ids.freightTitle, ids.freightBody, ids.returnsTw]));
    expect(order.indexOf(ids.freightTitle!)).toBeLessThan(order.indexOf(ids.freightBody!));
    expect(order.indexOf(ids.returnsTw!)).toBeLessThan(order.indexOf(ids.freightBody!));
  });

  it('filters by category (with sub-categories), kind, visibility, status, language and tag', async () => {
    expect(await found(`categoryId=${parentCategory}`)).toEqual([ids.invoice]);
    expect(await found('kind=script')).toEqual([ids.script]);
    expect(new Set(await found('visibility=public'))).toEqual(
      new Set([ids.invoice, ids.returnsTw, ids.delivery]),
    );
    expect(await found('status=draft')).toEqual([ids.draft]);
    expect(await found('language=zh-TW')).toEqual([ids.returnsTw]);
    expect(await found(`tag=${encodeURIComponent('发票')}`)).toEqual([ids.invoice]);
    expect(await found(`kind=script&q=${encodeURIComponent('发票')}`)).toEqual([ids.script]);
    // A search with nothing to search for finds nothing rather than everything.
    expect(await found(`q=${encodeURIComponent('！？')}`)).toEqual([]);
  });
});

describe('pagination', () => {
  it('walks a list page by page, newest change first, without gaps or repeats', async () => {
    const made: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await admin.post<KbArticleView>('/api/v1/kb/articles', {
        title: `分页文章 ${i}`,
        tags: ['paging'],
      });
      made.push(res.body.id);
    }
    // Touching the oldest one moves it to the front.
    await admin.patch(`/api/v1/kb/articles/${made[0]}`, { title: '分页文章 0（已更新）' });
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: Page } = await admin.get<Page>(
        `/api/v1/kb/articles?tag=paging&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((a) => a.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([made[0], ...made.slice(1).reverse()]);
  });

  it('pages through search results in relevance order', async () => {
    for (let i = 0; i < 5; i++) {
      await admin.post('/api/v1/kb/articles', {
        title: i % 2 ? `保修期查询 ${i}` : `常见问题 ${i}`,
        bodyHtml: '<p>保修期从签收之日起计算。</p>',
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: Page } = await admin.get<Page>(
        `/api/v1/kb/articles?q=${encodeURIComponent('保修期')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((a) => a.title));
      cursor = res.body.nextCursor;
    } while (cursor && seen.length < 20);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen.slice(0, 2).every((title) => title.startsWith('保修期查询'))).toBe(true);
  });

  it('rejects a cursor it did not make', async () => {
    for (const cursor of ['abc', 'r5_1', "u1'; drop table kb_article;--_1"]) {
      const res = await admin.get(`/api/v1/kb/articles?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect(errorCode(res.body)).toBe('INVALID_CURSOR');
    }
  });
});

describe('suggestions for agents', () => {
  it('offers published articles, internal scripts included, for a request text', async () => {
    const res = await admin.get<KbSuggestion[]>(
      `/api/v1/kb/suggest?text=${encodeURIComponent('客户说发票抬头写错了，想重新开具发票')}`,
    );
    expect(res.status).toBe(200);
    const suggested = res.body.map((s) => s.id);
    expect(suggested[0]).toBe(ids.script);
    expect(suggested).toContain(ids.invoice);
    expect(suggested).not.toContain(ids.draft);
    expect(res.body[0]!.matchedTerms).toBeGreaterThanOrEqual(3);
  });

  it('answers from the full-text index, not a table scan (runs last: adds 5000 articles)', async () => {
    await sql`
      INSERT INTO kb_article (title, body_text, status, visibility, search_terms)
      SELECT 'filler ' || i, 'filler', 'published', 'public',
             array_to_tsvector(ARRAY['filler', 'w' || (i % 97), 'x' || (i % 13), '订单', '售后'])
      FROM generate_series(1, 5000) AS i`.execute(t().db);
    await sql`ANALYZE kb_article`.execute(t().db);
    const terms = tsQueries(suggestTerms('我的快递显示已签收但是没收到货'));
    const compiled = suggestQuery(t().db, terms, 2, { internal: false, drafts: false }, 5).compile();
    const plan = await t().db.executeQuery<{ 'QUERY PLAN': string }>({
      ...compiled,
      sql: `EXPLAIN ${compiled.sql}`,
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('kb_article_search_idx');
  });
});
