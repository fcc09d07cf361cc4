import { describe, expect, it } from 'vitest';
import type {
  KbArticleSummary,
  KbArticleView,
  KbCategoryView,
  KbVersionView,
} from '../../../shared/schemas/knowledge.ts';
import { buildArticle, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

async function auditRows(entityType: string, entityId: number) {
  return t()
    .db.selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'changes'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}

describe('knowledge categories', () => {
  it('builds a tree with names in any of the three languages, and audits it', async () => {
    const admin = await t().admin();
    const root = await admin.post<KbCategoryView>('/api/v1/kb/categories', {
      name: { 'zh-CN': '售后服务', en: 'After-sales' },
    });
    expect(root.status).toBe(201);
    expect(root.body.name).toEqual({ 'zh-CN': '售后服务', 'zh-TW': '', en: 'After-sales' });
    const child = await admin.post<KbCategoryView>('/api/v1/kb/categories', {
      name: { en: 'Returns' },
      parentId: root.body.id,
      sortOrder: 2,
    });
    expect(child.body).toMatchObject({ parentId: root.body.id, sortOrder: 2, articleCount: 0 });

    const none = await admin.post('/api/v1/kb/categories', { name: { 'zh-CN': ' ', en: '' } });
    expect(none.status).toBe(400);
    expect(errorCode(none.body)).toBe('VALIDATION_FAILED');

    const cycle = await admin.patch(`/api/v1/kb/categories/${root.body.id}`, { parentId: child.body.id });
    expect(cycle.status).toBe(400);
    expect(errorCode(cycle.body)).toBe('KB_CATEGORY_CYCLE');

    const renamed = await admin.patch<KbCategoryView>(`/api/v1/kb/categories/${child.body.id}`, {
      name: { 'zh-CN': '退换货', 'zh-TW': '退換貨', en: 'Returns' },
    });
    expect(renamed.body.name['zh-TW']).toBe('退換貨');
    expect(renamed.body.parentId).toBe(root.body.id);

    await buildArticle(t(), { categoryId: child.body.id });
    const list = await admin.get<KbCategoryView[]>('/api/v1/kb/categories');
    expect(list.body.find((c) => c.id === child.body.id)?.articleCount).toBe(1);

    const inUse = await admin.delete(`/api/v1/kb/categories/${root.body.id}`);
    expect(inUse.status).toBe(409);
    expect(errorCode(inUse.body)).toBe('KB_CATEGORY_IN_USE');
    const empty = await admin.post<KbCategoryView>('/api/v1/kb/categories', { name: { 'zh-CN': '临时' } });
    expect((await admin.delete(`/api/v1/kb/categories/${empty.body.id}`)).status).toBe(200);

    expect((await auditRows('kb_category', root.body.id)).map((r) => r.action)).toEqual([
      'kb.category.create',
    ]);
    expect((await auditRows('kb_category', child.body.id)).map((r) => r.action)).toEqual([
      'kb.category.create',
      'kb.category.update',
    ]);
    expect((await auditRows('kb_category', empty.body.id)).map((r) => r.action)).toContain(
      'kb.category.delete',
    );
  });
});

describe('writing articles', () => {
  it('stores a sanitised body, its plain text and version 1, and audits the creation', async () => {
    const article = await buildArticle(t(), {
      kind: 'script',
      language: 'zh-CN',
      tags: ['发票', '财务'],
      bodyHtml:
        '<h2>开票</h2><p onclick="x()">请在<a href="javascript:alert(1)">这里</a>申请</p>' +
        '<script>alert(1)</script><img src="https://cdn.example.com/i.png" onerror="alert(2)">' +
        '<p><a href="https://help.example.com">帮助中心</a></p>',
    });
    expect(article).toMatchObject({
      kind: 'script',
      visibility: 'internal',
      status: 'draft',
      version: 1,
      versionCount: 1,
      tags: ['发票', '财务'],
      authorName: expect.any(String),
      publishedAt: null,
    });
    expect(article.bodyHtml).not.toMatch(/script|onclick|onerror|javascript|alert/);
    expect(article.bodyHtml).toContain('<h2>开票</h2>');
    expect(article.bodyHtml).toContain('<img src="https://cdn.example.com/i.png" />');
    expect(article.bodyHtml).toContain(
      '<a href="https://help.example.com/" rel="noopener noreferrer" target="_blank">帮助中心</a>',
    );
    expect(article.bodyText).toBe('开票\n请在这里申请\n帮助中心');
    expect(article.bodyHtml).toContain('<p>请在<a>这里</a>申请</p>');

    const audit = await auditRows('kb_article', article.id);
    expect(audit.map((r) => r.action)).toEqual(['kb.article.create']);
    expect(audit[0]!.actor_user_id).toBe(article.authorId);
  });

  it('keeps every saved version with its author and time', async () => {
    const admin = await t().admin();
    const { client: writer } = await buildUser(t(), {
      permissions: ['kb.read', 'kb.write'],
      name: 'kb_writer_history',
    });
    const article = await buildArticle(t(), { title: '退货政策', bodyHtml: '<p>7 天无理由退货</p>' });

    const v2 = await writer.patch<KbArticleView>(`/api/v1/kb/articles/${article.id}`, {
      bodyHtml: '<p>15 天无理由退货</p>',
      note: '延长到 15 天',
      expectedVersion: 1,
    });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, versionCount: 2, updatedByName: 'kb_writer_history' });
    expect(v2.body.authorName).not.toBe('kb_writer_history');

    // A save that changes nothing is not a new version.
    const same = await writer.patch<KbArticleView>(`/api/v1/kb/articles/${article.id}`, {
      bodyHtml: '<p>15 天无理由退货</p>',
    });
    expect(same.body.version).toBe(2);

    const stale = await admin.patch(`/api/v1/kb/articles/${article.id}`, {
      title: '旧稿覆盖',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(errorCode(stale.body)).toBe('KB_VERSION_CONFLICT');

    const history = await admin.get<KbVersionView[]>(`/api/v1/kb/articles/${article.id}/versions`);
    expect(history.body.map((v) => [v.version, v.authorName, v.note])).toEqual([
      [2, 'kb_writer_history', '延长到 15 天'],
      [1, expect.any(String), null],
    ]);
    expect(Date.parse(history.body[0]!.createdAt)).toBeGreaterThanOrEqual(
      Date.parse(history.body[1]!.createdAt),
    );

    const first = await admin.get<KbVersionView>(`/api/v1/kb/articles/${article.id}/versions/1`);
    expect(first.body).toMatchObject({ version: 1, title: '退货政策', bodyHtml: '<p>7 天无理由退货</p>' });
    expect((await admin.get(`/api/v1/kb/articles/${article.id}/versions/9`)).status).toBe(404);

    const audit = await auditRows('kb_article', article.id);
    expect(audit.map((r) => r.action)).toEqual(['kb.article.create', 'kb.article.update']);
    expect(audit[1]!.changes).toEqual(expect.arrayContaining([{ field: 'version', before: 1, after: 2 }]));
  });

  it('refuses an unknown category with a field error', async () => {
    const admin = await t().admin();
    const res = await admin.post('/api/v1/kb/articles', { title: 'x', categoryId: 999_999 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('categoryId');
  });
});

describe('publishing', () => {
  it('publishes, unpublishes and archives along the allowed steps, audited', async () => {
    const admin = await t().admin();
    const article = await buildArticle(t(), { visibility: 'public' });
    const published = await admin.post<KbArticleView>(`/api/v1/kb/articles/${article.id}/publish`);
    expect(published.body).toMatchObject({ status: 'published', publishedById: article.authorId });
    expect(published.body.publishedAt).toBeTruthy();

    const again = await admin.post(`/api/v1/kb/articles/${article.id}/publish`);
    expect(again.status).toBe(409);
    expect(errorCode(again.body)).toBe('INVALID_TRANSITION');

    const draft = await admin.post<KbArticleView>(`/api/v1/kb/articles/${article.id}/unpublish`);
    expect(draft.body.status).toBe('draft');
    const archived = await admin.post<KbArticleView>(`/api/v1/kb/articles/${article.id}/archive`);
    expect(archived.body.status).toBe('archived');
    expect((await admin.post(`/api/v1/kb/articles/${article.id}/unpublish`)).status).toBe(409);
    // Status changes are not content versions.
    expect(archived.body.versionCount).toBe(1);

    const audit = await auditRows('kb_article', article.id);
    expect(audit.map((r) => r.action)).toEqual([
      'kb.article.create',
      'kb.article.publish',
      'kb.article.unpublish',
      'kb.article.archive',
    ]);
  });

  it('does not publish an empty article', async () => {
    const admin = await t().admin();
    const article = await buildArticle(t(), { bodyHtml: '<p> </p><script>x</script>' });
    const res = await admin.post(`/api/v1/kb/articles/${article.id}/publish`);
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('KB_ARTICLE_EMPTY');
  });
});

describe('who may do what', () => {
  it('lets readers see published articles only, and nothing else', async () => {
    const admin = await t().admin();
    const { client: reader } = await buildUser(t(), { permissions: ['kb.read'], name: 'kb_reader' });
    const draft = await buildArticle(t(), { title: '草稿：内部流程' });
    const live = await buildArticle(t(), { title: '已发布：内部话术', kind: 'script' });
    await admin.post(`/api/v1/kb/articles/${live.id}/publish`);

    expect((await reader.get(`/api/v1/kb/articles/${draft.id}`)).status).toBe(404);
    expect((await reader.get(`/api/v1/kb/articles/${draft.id}/versions`)).status).toBe(404);
    expect((await reader.get<KbArticleView>(`/api/v1/kb/articles/${live.id}`)).body.visibility).toBe(
      'internal',
    );
    const list = await reader.get<{ items: KbArticleSummary[] }>('/api/v1/kb/articles?limit=100');
    expect(list.body.items.every((a) => a.status === 'published')).toBe(true);
    expect(list.body.items.map((a) => a.id)).toContain(live.id);

    for (const [method, path, body] of [
      ['POST', '/api/v1/kb/articles', { title: 'x' }],
      ['PATCH', `/api/v1/kb/articles/${live.id}`, { title: 'x' }],
      ['POST', `/api/v1/kb/articles/${live.id}/publish`, {}],
      ['POST', '/api/v1/kb/categories', { name: { en: 'x' } }],
    ] as const) {
      const res = await reader.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(errorCode(res.body)).toBe('FORBIDDEN');
    }
    const { client: nobody } = await buildUser(t(), { permissions: [] });
    expect((await nobody.get('/api/v1/kb/articles')).status).toBe(403);
  });

  it('lets writers draft but not publish, nor change what is live', async () => {
    const admin = await t().admin();
    const { client: writer } = await buildUser(t(), {
      permissions: ['kb.read', 'kb.write'],
      name: 'kb_writer_only',
    });
    const mine = await buildArticle(t(), { client: writer, title: '作者草稿' });
    expect((await writer.get(`/api/v1/kb/articles/${mine.id}`)).status).toBe(200);
    const publish = await writer.post(`/api/v1/kb/articles/${mine.id}/publish`);
    expect(publish.status).toBe(403);
    expect(errorCode(publish.body)).toBe('FORBIDDEN');

    await admin.post(`/api/v1/kb/articles/${mine.id}/publish`);
    const edit = await writer.patch(`/api/v1/kb/articles/${mine.id}`, { title: '偷偷改标题' });
    expect(edit.status).toBe(403);

    const { client: publisher } = await buildUser(t(), {
      permissions: ['kb.read', 'kb.write', 'kb.publish'],
    });
    const edited = await publisher.patch<KbArticleView>(`/api/v1/kb/articles/${mine.id}`, {
      title: '正式标题',
    });
    expect(edited.body).toMatchObject({ title: '正式标题', status: 'published', version: 2 });
    expect((await publisher.post(`/api/v1/kb/articles/${mine.id}/archive`)).status).toBe(200);
  });

  it('counts staff feedback once per person', async () => {
    const admin = await t().admin();
    const { client: reader } = await buildUser(t(), { permissions: ['kb.read'] });
    const article = await buildArticle(t());
    expect((await reader.post(`/api/v1/kb/articles/${article.id}/feedback`, { helpful: true })).status).toBe(
      404,
    );
    await admin.post(`/api/v1/kb/articles/${article.id}/publish`);
    await reader.post(`/api/v1/kb/articles/${article.id}/feedback`, { helpful: true });
    const twice = await reader.post(`/api/v1/kb/articles/${article.id}/feedback`, { helpful: true });
    expect(twice.body).toEqual({ helpfulCount: 1, unhelpfulCount: 0, yourVote: 'helpful' });
    const changed = await reader.post(`/api/v1/kb/articles/${article.id}/feedback`, { helpful: false });
    expect(changed.body).toEqual({ helpfulCount: 0, unhelpfulCount: 1, yourVote: 'unhelpful' });
    const other = await admin.post(`/api/v1/kb/articles/${article.id}/feedback`, { helpful: true });
    expect(other.body).toMatchObject({ helpfulCount: 1, unhelpfulCount: 1 });
  });
});
