import type { KbArticleCreate, KbArticleView } from '../../../shared/schemas/knowledge.ts';
import type { ApiClient } from '../api-client.ts';
import type { TestApp } from '../test-app.ts';
import { send } from './api.ts';

/** The knowledge base. */

export type ArticleSpec = Partial<KbArticleCreate> & {
  /** Who writes it: the administrator by default. */
  client?: ApiClient;
  /** Draft by default; published or archived (published first) when asked. */
  status?: 'draft' | 'published' | 'archived';
};

/** A knowledge article written through the editor, then published or archived when asked. */
export async function buildArticle(t: TestApp, spec: ArticleSpec = {}): Promise<KbArticleView> {
  const { client, status = 'draft', ...input } = spec;
  let article = await send<KbArticleView>(t, client, '/api/v1/kb/articles', {
    title: '发票开具说明',
    bodyHtml: '<p>下单后可在订单详情页申请<strong>电子发票</strong>。</p>',
    ...input,
  });
  if (status !== 'draft')
    article = await send<KbArticleView>(t, client, `/api/v1/kb/articles/${article.id}/publish`, {}, 200);
  if (status === 'archived')
    article = await send<KbArticleView>(t, client, `/api/v1/kb/articles/${article.id}/archive`, {}, 200);
  return article;
}
