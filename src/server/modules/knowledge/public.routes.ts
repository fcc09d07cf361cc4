import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorPageOf, idParam } from '../../../shared/schemas/common.ts';
import {
  kbFeedback,
  kbFeedbackResult,
  kbPublicArticleSummary,
  kbPublicArticleView,
  kbPublicCategoryView,
  kbPublicListQuery,
  kbSuggestion,
  kbSuggestQuery,
} from '../../../shared/schemas/knowledge.ts';
import type { AppDeps } from '../../app-deps.ts';
import { presentPublicArticle, presentPublicSummary, presentSuggestion } from './articles.presenter.ts';
import { searchArticles, suggestForText, typedText } from './articles.search.ts';
import { readPublicArticle, recordFeedback, voterKey } from './articles.service.ts';
import { listPublicCategories } from './categories.service.ts';
import { PUBLIC_SCOPE } from './knowledge.policy.ts';

const tags = ['knowledge (portal)'];
/** Suggestions shown to a customer while typing a request. */
const PUBLIC_SUGGESTIONS = 5;

/**
 * The customer portal's knowledge base: no staff session needed, and only published public
 * articles exist here (anything else is a 404, never a 403 that would reveal it).
 */
export function kbPublicRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/public/kb/categories',
      {
        config: { permission: 'public' },
        schema: { tags, response: { 200: z.array(kbPublicCategoryView) } },
      },
      async () => listPublicCategories(deps.db),
    );

    app.get(
      '/api/public/kb/articles',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          querystring: kbPublicListQuery,
          response: { 200: cursorPageOf(kbPublicArticleSummary) },
        },
      },
      async (request) => {
        const { category, ...rest } = request.query;
        return searchArticles(deps.db, { ...rest, categoryId: category }, PUBLIC_SCOPE, presentPublicSummary);
      },
    );

    app.get(
      '/api/public/kb/articles/:id',
      {
        config: { permission: 'public' },
        schema: { tags, params: idParam, response: { 200: kbPublicArticleView } },
      },
      async (request) => presentPublicArticle(await readPublicArticle(deps.db, request.params.id)),
    );

    app.post(
      '/api/public/kb/articles/:id/feedback',
      {
        config: { permission: 'public' },
        schema: { tags, params: idParam, body: kbFeedback, response: { 200: kbFeedbackResult } },
      },
      async (request) => {
        const { id } = request.params;
        const voter = voterKey(request.actor, request.ip, id);
        return recordFeedback(deps.db, PUBLIC_SCOPE, id, voter, request.body.helpful);
      },
    );

    app.get(
      '/api/public/kb/suggest',
      {
        config: { permission: 'public' },
        schema: { tags, querystring: kbSuggestQuery, response: { 200: z.array(kbSuggestion) } },
      },
      async (request) => {
        const { text, language } = request.query;
        const rows = await suggestForText(
          deps.db,
          typedText(text),
          PUBLIC_SCOPE,
          PUBLIC_SUGGESTIONS,
          language ?? request.locale,
        );
        return rows.map(presentSuggestion);
      },
    );
  };
}
