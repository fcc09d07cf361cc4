import { beforeAll, describe, expect, it } from 'vitest';
import type {
  KbArticleView,
  KbCategoryView,
  KbPublicArticleSummary,
  KbPublicArticleView,
  KbSuggestion,
} from '../../../shared/schemas/knowledge.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { buildArticle } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();
type Page = { items: KbPublicArticleSummary[]; nextCursor: string | null };

let admin: ApiClient;
let portal: ApiClient;
const ids: Record<string, number> = {};
const categories: Record<string, number> = {};

const suggest = async (text: string) =>
  (await portal.get<KbSuggestion[]>(`/api/public/kb/suggest?text=${encodeURIComponent(text)}`)).body;

beforeAll(async () => {
  admin = await t().admin();
  portal = t().client();
  for (const [key, name, parent] of [
    ['logistics', { 'zh-CN': '物流配送', en: 'Delivery' }, undefined],
    ['signed', { 'zh-CN': '签收问题' }, 'logistics'],
    ['internalOnly', { 'zh-CN': '内部话术' }, undefined],
  ] as const) {
    const res = await admin.post<KbCategoryView>('/api/v1/kb/categories', {
      name,
      parentId: parent ? categories[parent] : null,
    });
    categories[key] = res.body.id;
  }
  const pub = { visibility: 'public' } as const;
  ids.signedNotReceived = (
    await buildArticle(t(), {
      ...pub,
      title: '快递显示已签收但没收到货怎么办？',
      bodyHtml:
        '<p>请先联系快递员或查看快递柜、门卫处；如 48 小时内仍未找到，请提交服务请求，我们会向承运商核实签收记录。</p>',
      categoryId: categories.signed,
      tags: ['签收', '物流'],
      status: 'published',
    })
  ).id;
  ids.deliveryTime = (
    await buildArticle(t(), {
      ...pub,
      title: '快递多久能送到',
      bodyHtml: '<p>一般 3-5 个工作日送达。</p>',
      categoryId: categories.logistics,
      status: 'published',
    })
  ).id;
  ids.invoice = (
    await buildArticle(t(), {
      ...pub,
      title: '如何申请发票',
      bodyHtml: '<p>在订单详情页申请电子发票。</p>',
      status: 'published',
    })
  ).id;
  ids.english = (
    await buildArticle(t(), {
      ...pub,
      language: 'en',
      title: 'My parcel shows delivered but I did not receive it',
      bodyHtml: '<p>Check with neighbours and the parcel locker, then contact us.</p>',
      status: 'published',
    })
  ).id;
  ids.internalScript = (
    await buildArticle(t(), {
      title: '客户称快递已签收但未收到货的应答话术',
      kind: 'script',
      bodyHtml: '<p>您好，非常抱歉给您带来不便，签收记录我们马上核实……</p>',
      categoryId: categories.internalOnly,
      status: 'published',
    })
  ).id;
  ids.publicDraft = (
    await buildArticle(t(), {
      ...pub,
      title: '快递签收新规（草稿）',
      bodyHtml: '<p>未定稿</p>',
      status: 'draft',
    })
  ).id;
  ids.publicArchived = (
    await buildArticle(t(), {
      ...pub,
      title: '旧版签收说明',
      bodyHtml: '<p>已签收未收到货的旧流程</p>',
      status: 'archived',
    })
  ).id;
});

describe('public knowledge base', () => {
  it('lists only published public articles, without a session', async () => {
    const res = await portal.get<Page>('/api/public/kb/articles?limit=50');
    expect(res.status).toBe(200);
    expect(new Set(res.body.items.map((a) => a.id))).toEqual(
      new Set([ids.signedNotReceived, ids.deliveryTime, ids.invoice, ids.english]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/authorName|viewCount|visibility|应答话术|草稿/);
    // Signed-in staff get the same public view here.
    const asStaff = await admin.get<Page>('/api/public/kb/articles?limit=50');
    expect(asStaff.body.items).toHaveLength(4);
  });

  it('searches, filters by category (with sub-categories) and language, and pages', async () => {
    const q = await portal.get<Page>(`/api/public/kb/articles?q=${encodeURIComponent('簽收')}`);
    expect(q.body.items.map((a) => a.id)).toEqual([ids.signedNotReceived]);
    const inLogistics = await portal.get<Page>(`/api/public/kb/articles?category=${categories.logistics}`);
    expect(new Set(inLogistics.body.items.map((a) => a.id))).toEqual(
      new Set([ids.signedNotReceived, ids.deliveryTime]),
    );
    const english = await portal.get<Page>('/api/public/kb/articles?language=en');
    expect(english.body.items.map((a) => a.id)).toEqual([ids.english]);

    const first = await portal.get<Page>('/api/public/kb/articles?limit=3');
    expect(first.body.items).toHaveLength(3);
    const second = await portal.get<Page>(`/api/public/kb/articles?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows a public article and counts the view; anything else is a 404', async () => {
    const res = await portal.get<KbPublicArticleView>(`/api/public/kb/articles/${ids.signedNotReceived}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: '快递显示已签收但没收到货怎么办？',
      categoryName: { 'zh-CN': '签收问题' },
    });
    expect(res.body.bodyHtml).toContain('<p>');
    const staffView = await admin.get<KbArticleView>(`/api/v1/kb/articles/${ids.signedNotReceived}`);
    expect(staffView.body.viewCount).toBe(1);

    for (const key of ['internalScript', 'publicDraft', 'publicArchived']) {
      const hidden = await portal.get(`/api/public/kb/articles/${ids[key]}`);
      expect(hidden.status, key).toBe(404);
      expect(errorCode(hidden.body)).toBe('NOT_FOUND');
      expect(
        (await portal.post(`/api/public/kb/articles/${ids[key]}/feedback`, { helpful: true })).status,
      ).toBe(404);
    }
    expect((await portal.get('/api/public/kb/articles/99999999')).status).toBe(404);
  });

  it('lists only categories that hold public articles', async () => {
    const res = await portal.get<{ id: number; articleCount: number }[]>('/api/public/kb/categories');
    expect(res.body.map((c) => [c.id, c.articleCount])).toEqual([
      [categories.logistics, 2],
      [categories.signed, 1],
    ]);
  });

  it('takes "was this helpful?" once per visitor, and lets them change their mind', async () => {
    const path = `/api/public/kb/articles/${ids.invoice}/feedback`;
    expect((await portal.post(path, { helpful: true })).body).toEqual({
      helpfulCount: 1,
      unhelpfulCount: 0,
      yourVote: 'helpful',
    });
    expect((await portal.post(path, { helpful: true })).body).toMatchObject({ helpfulCount: 1 });
    expect((await portal.post(path, { helpful: false })).body).toMatchObject({
      helpfulCount: 0,
      unhelpfulCount: 1,
    });
    expect((await portal.post(path, { helpful: 'yes' })).status).toBe(400);
  });
});

describe('suggestions while a customer types', () => {
  it('suggests the article about signed-for but missing parcels', async () => {
    const suggestions = await suggest('我的快递显示已签收但是没收到货');
    expect(suggestions[0]?.id).toBe(ids.signedNotReceived);
    expect(suggestions[0]!.matchedTerms).toBeGreaterThanOrEqual(5);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    // Also in Traditional Chinese, and in English.
    expect((await suggest('我的快遞顯示已簽收但是沒收到貨'))[0]?.id).toBe(ids.signedNotReceived);
    expect((await suggest('Parcel says delivered but never received'))[0]?.id).toBe(ids.english);
  });

  it('never suggests internal, draft or archived articles', async () => {
    const seen = new Set<number>();
    for (const text of [
      '快递已签收但未收到货',
      '应答话术 签收记录 核实',
      '签收新规 未定稿',
      '旧流程 已签收未收到货',
    ]) {
      for (const s of await suggest(text)) seen.add(s.id);
    }
    expect(seen.has(ids.signedNotReceived!)).toBe(true);
    for (const key of ['internalScript', 'publicDraft', 'publicArchived'])
      expect(seen.has(ids[key]!)).toBe(false);
  });

  it('ignores unrelated text and never fails on odd input', async () => {
    expect(await suggest('今天天气不错')).toEqual([]);
    for (const query of [
      '',
      'text=',
      `text=${encodeURIComponent("'|&!():*<->\\")}`,
      `text=${encodeURIComponent('的了吗')}`,
      `text=${'x'.repeat(4000)}`,
      'text=a&text=%E5%BF%AB%E9%80%92%E7%AD%BE%E6%94%B6',
      'text=%F0%9F%98%80&language=klingon',
      'text[]=1&text[x]=2',
    ]) {
      const res = await portal.get<KbSuggestion[]>(`/api/public/kb/suggest?${query}`);
      expect(res.status, query).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
    }
  });
});
