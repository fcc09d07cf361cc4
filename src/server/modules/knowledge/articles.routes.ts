import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorPageOf, idParam } from '../../../shared/schemas/common.ts';
import {
  kbArticleCreate,
  kbArticleListQuery,
  kbArticleSummary,
  kbArticleUpdate,
  kbArticleView,
  kbFeedback,
  kbFeedbackResult,
  kbStaffSuggestQuery,
  kbSuggestion,
  kbVersionParams,
  kbVersionSummary,
  kbVersionView,
} from '../../../shared/schemas/knowledge.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  presentArticle,
  presentSuggestion,
  presentSummary,
  presentVersion,
  presentVersionSummary,
} from './articles.presenter.ts';
import { searchArticles, suggestForText, typedText } from './articles.search.ts';
import {
  changeArticleStatus,
  createArticle,
  findArticleVersion,
  findVisibleArticle,
  listArticleVersions,
  recordFeedback,
  type StatusAction,
  updateArticle,
  voterKey,
} from './articles.service.ts';
import { type ArticleScope, scopeOf, suggestionScopeOf } from './knowledge.policy.ts';

const tags = ['knowledge'];

export function kbArticleRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const changed = (id: number) => void deps.live.publish({ topic: 'kb', id });
    const load = async (id: number, scope: ArticleScope) =>
      presentArticle(await findVisibleArticle(deps.db, scope, id));

    app.get(
      '/api/v1/kb/articles',
      {
        config: { permission: 'kb.read' },
        schema: { tags, querystring: kbArticleListQuery, response: { 200: cursorPageOf(kbArticleSummary) } },
      },
      async (request) => searchArticles(deps.db, request.query, scopeOf(request.actor), presentSummary),
    );

    app.post(
      '/api/v1/kb/articles',
      {
        config: { permission: 'kb.write', idempotent: true },
        schema: { tags, body: kbArticleCreate, response: { 201: kbArticleView } },
      },
      async (request, reply) => {
        const id = await createArticle(deps.db, contextOf(request), request.body);
        changed(id);
        return reply.status(201).send(await load(id, scopeOf(request.actor)));
      },
    );

    app.get(
      '/api/v1/kb/articles/:id',
      {
        config: { permission: 'kb.read' },
        schema: { tags, params: idParam, response: { 200: kbArticleView } },
      },
      async (request) => load(request.params.id, scopeOf(request.actor)),
    );

    app.patch(
      '/api/v1/kb/articles/:id',
      {
        config: { permission: 'kb.write' },
        schema: { tags, params: idParam, body: kbArticleUpdate, response: { 200: kbArticleView } },
      },
      async (request) => {
        await updateArticle(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return load(request.params.id, scopeOf(request.actor));
      },
    );

    for (const action of ['publish', 'unpublish', 'archive'] as const satisfies readonly StatusAction[]) {
      app.post(
        `/api/v1/kb/articles/:id/${action}`,
        {
          config: { permission: 'kb.publish' },
          schema: { tags, params: idParam, response: { 200: kbArticleView } },
        },
        async (request) => {
          await changeArticleStatus(deps.db, contextOf(request), request.params.id, action);
          changed(request.params.id);
          return load(request.params.id, scopeOf(request.actor));
        },
      );
    }

    app.get(
      '/api/v1/kb/articles/:id/versions',
      {
        config: { permission: 'kb.read' },
        schema: { tags, params: idParam, response: { 200: z.array(kbVersionSummary) } },
      },
      async (request) =>
        (await listArticleVersions(deps.db, scopeOf(request.actor), request.params.id)).map(
          presentVersionSummary,
        ),
    );

    app.get(
      '/api/v1/kb/articles/:id/versions/:version',
      {
        config: { permission: 'kb.read' },
        schema: { tags, params: kbVersionParams, response: { 200: kbVersionView } },
      },
      async (request) => {
        const { id, version } = request.params;
        return presentVersion(await findArticleVersion(deps.db, scopeOf(request.actor), id, version));
      },
    );

    app.post(
      '/api/v1/kb/articles/:id/feedback',
      {
        config: { permission: 'kb.read' },
        schema: { tags, params: idParam, body: kbFeedback, response: { 200: kbFeedbackResult } },
      },
      async (request) => {
        const { id } = request.params;
        const voter = voterKey(request.actor, request.ip, id);
        return recordFeedback(deps.db, scopeOf(request.actor), id, voter, request.body.helpful);
      },
    );

    // For agents writing a reply: published articles (internal scripts included) matching the request text.
    app.get(
      '/api/v1/kb/suggest',
      {
        config: { permission: 'kb.read' },
        schema: { tags, querystring: kbStaffSuggestQuery, response: { 200: z.array(kbSuggestion) } },
      },
      async (request) => {
        const { text, limit, language } = request.query;
        const rows = await suggestForText(
          deps.db,
          typedText(text),
          suggestionScopeOf(request.actor),
          limit,
          language,
        );
        return rows.map(presentSuggestion);
      },
    );
  };
}
