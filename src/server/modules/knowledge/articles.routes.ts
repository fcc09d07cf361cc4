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
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { presentArticle, presentSuggestion, presentSummary, presentVersion } from './articles.presenter.ts';
import { findArticle, findVersion, listVersions } from './articles.queries.ts';
import { searchArticles, suggestForText, typedText } from './articles.search.ts';
import {
  changeArticleStatus,
  createArticle,
  recordFeedback,
  type StatusAction,
  staffAccess,
  updateArticle,
  voterKey,
} from './articles.service.ts';

const tags = ['knowledge'];

export function kbArticleRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const changed = (id: number) => void deps.live.publish({ topic: 'kb', id });
    const load = async (id: number, access: ReturnType<typeof staffAccess>) => {
      const row = await findArticle(deps.db, id, access);
      if (!row) throw notFound();
      return presentArticle(row);
    };

    app.get(
      '/api/v1/kb/articles',
      {
        config: { permission: 'kb.read' },
        schema: { tags, querystring: kbArticleListQuery, response: { 200: cursorPageOf(kbArticleSummary) } },
      },
      async (request) => {
        const page = await searchArticles(deps.db, request.query, staffAccess(request.actor));
        return { items: page.rows.map(presentSummary), nextCursor: page.nextCursor };
      },
    );

    app.post(
      '/api/v1/kb/articles',
      {
        config: { permission: 'kb.write' },
        schema: { tags, body: kbArticleCreate, response: { 201: kbArticleView } },
      },
      async (request, reply) => {
        const id = await createArticle(deps.db, contextOf(request), request.body);
        changed(id);
        return reply.status(201).send(await load(id, staffAccess(request.actor)));
      },
    );

    app.get(
      '/api/v1/kb/articles/:id',
      {
        config: { permission: 'kb.read' },
        schema: { tags, params: idParam, response: { 200: kbArticleView } },
      },
      async (request) => load(request.params.id, staffAccess(request.actor)),
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
        return load(request.params.id, staffAccess(request.actor));
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
          return load(request.params.id, staffAccess(request.actor));
        },
      );
    }

    app.get(
      '/api/v1/kb/articles/:id/versions',
      {
        config: { permission: 'kb.read' },
        schema: { tags, params: idParam, response: { 200: z.array(kbVersionSummary) } },
      },
      async (request) => {
        await load(request.params.id, staffAccess(request.actor));
        return (await listVersions(deps.db, request.params.id)).map((v) => ({
          version: v.version,
          title: v.title,
          note: v.note,
          authorId: v.author_user_id,
          authorName: v.author_name,
          createdAt: v.created_at.toISOString(),
        }));
      },
    );

    app.get(
      '/api/v1/kb/articles/:id/versions/:version',
      {
        config: { permission: 'kb.read' },
        schema: { tags, params: kbVersionParams, response: { 200: kbVersionView } },
      },
      async (request) => {
        await load(request.params.id, staffAccess(request.actor));
        const row = await findVersion(deps.db, request.params.id, request.params.version);
        if (!row) throw notFound();
        return presentVersion(row);
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
        return recordFeedback(deps.db, staffAccess(request.actor), id, voter, request.body.helpful);
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
          { internal: true, drafts: false },
          limit,
          language,
        );
        return rows.map(presentSuggestion);
      },
    );
  };
}
