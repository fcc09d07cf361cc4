import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { KbArticleUpdate, kbArticleCreate } from '../../../shared/schemas/knowledge.ts';
import type { Database } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './articles.queries.ts';
import { findCategory } from './categories.queries.ts';
import {
  type ArticleScope,
  mayEdit,
  mayGiveFeedback,
  PUBLIC_SCOPE,
  requireMay,
  requireVisible,
  scopeOf,
} from './knowledge.policy.ts';
import { htmlToText, sanitiseArticleHtml } from './sanitise.ts';

/** An article the scope lets its reader see, with its names and version count; else a 404. */
export async function findVisibleArticle(db: Database, scope: ArticleScope, id: number) {
  return requireVisible(scope, await q.findArticle(db, id, scope));
}

/** An article read in the portal or the public knowledge base: counted as one more view. */
export async function readPublicArticle(db: Database, id: number) {
  const row = await findVisibleArticle(db, PUBLIC_SCOPE, id);
  await q.countView(db, row.id);
  return row;
}

/** The saved versions of an article the reader can see, newest first. */
export async function listArticleVersions(db: Database, scope: ArticleScope, id: number) {
  await findVisibleArticle(db, scope, id);
  return q.listVersions(db, id);
}

/** One saved version of an article the reader can see. */
export async function findArticleVersion(db: Database, scope: ArticleScope, id: number, version: number) {
  await findVisibleArticle(db, scope, id);
  const row = await q.findVersion(db, id, version);
  if (!row) throw notFound();
  return row;
}

/** What the audit trail keeps of an article (the content itself is in kb_article_version). */
function auditView(a: q.StoredArticle) {
  return {
    title: a.title,
    categoryId: a.category_id,
    kind: a.kind,
    visibility: a.visibility,
    status: a.status,
    language: a.language,
    tags: a.tags,
    version: a.version,
  };
}

async function checkCategory(db: Database, categoryId: number | null | undefined) {
  if (categoryId && !(await findCategory(db, categoryId))) throw invalid('VALIDATION_FAILED', 'categoryId');
}

async function saveVersion(db: Database, ctx: RequestContext, a: q.StoredArticle, note?: string | null) {
  await q.insertVersion(db, {
    article_id: a.id,
    version: a.version,
    category_id: a.category_id,
    kind: a.kind,
    visibility: a.visibility,
    language: a.language,
    title: a.title,
    body_html: a.body_html,
    tags: a.tags,
    note: note ?? null,
    author_user_id: ctx.actor.userId,
  });
}

export async function createArticle(
  db: Database,
  ctx: RequestContext,
  input: z.output<typeof kbArticleCreate>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await checkCategory(trx, input.categoryId);
    const bodyHtml = sanitiseArticleHtml(input.bodyHtml);
    const bodyText = htmlToText(bodyHtml);
    const id = await q.insertArticle(trx, {
      category_id: input.categoryId ?? null,
      kind: input.kind,
      visibility: input.visibility,
      language: input.language,
      title: input.title,
      body_html: bodyHtml,
      body_text: bodyText,
      tags: input.tags,
      version: 1,
      author_user_id: ctx.actor.userId,
      updated_by_user_id: ctx.actor.userId,
      search_terms: q.articleSearchTerms({ title: input.title, tags: input.tags, bodyText }),
    });
    const after = (await q.lockArticle(trx, id))!;
    await saveVersion(trx, ctx, after, input.note);
    await recordAudit(trx, ctx, {
      action: 'kb.article.create',
      entityType: 'kb_article',
      entityId: id,
      entityLabel: after.title,
      after: auditView(after),
    });
    return id;
  });
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/** Saves a new version of the article (a save that changes nothing is not a new version). */
export async function updateArticle(db: Database, ctx: RequestContext, id: number, input: KbArticleUpdate) {
  await db.transaction().execute(async (trx) => {
    const current = requireVisible(scopeOf(ctx.actor), await q.lockArticle(trx, id));
    // Editing a live article changes what readers see: that is a publisher's call.
    requireMay(mayEdit(ctx.actor, current));
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
      throw new AppError('KB_VERSION_CONFLICT', { currentVersion: current.version });
    if (input.categoryId !== undefined) await checkCategory(trx, input.categoryId);

    const bodyHtml = input.bodyHtml === undefined ? current.body_html : sanitiseArticleHtml(input.bodyHtml);
    const next = {
      category_id: input.categoryId === undefined ? current.category_id : input.categoryId,
      kind: input.kind ?? current.kind,
      visibility: input.visibility ?? current.visibility,
      language: input.language ?? current.language,
      title: input.title ?? current.title,
      body_html: bodyHtml,
      tags: input.tags ?? current.tags,
    };
    const unchanged =
      next.category_id === current.category_id &&
      next.kind === current.kind &&
      next.visibility === current.visibility &&
      next.language === current.language &&
      next.title === current.title &&
      next.body_html === current.body_html &&
      sameTags(next.tags, current.tags);
    if (unchanged) return;

    const bodyText = bodyHtml === current.body_html ? current.body_text : htmlToText(bodyHtml);
    await q.updateArticleRow(trx, id, {
      ...next,
      body_text: bodyText,
      version: current.version + 1,
      updated_by_user_id: ctx.actor.userId,
      search_terms: q.articleSearchTerms({ title: next.title, tags: next.tags, bodyText }),
    });
    const after = (await q.lockArticle(trx, id))!;
    await saveVersion(trx, ctx, after, input.note);
    await recordAudit(trx, ctx, {
      action: 'kb.article.update',
      entityType: 'kb_article',
      entityId: id,
      entityLabel: after.title,
      before: auditView(current),
      after: auditView(after),
    });
  });
}

export type StatusAction = 'publish' | 'unpublish' | 'archive';

const TRANSITIONS: Record<StatusAction, { from: readonly string[]; to: 'published' | 'draft' | 'archived' }> =
  {
    publish: { from: ['draft', 'archived'], to: 'published' },
    unpublish: { from: ['published'], to: 'draft' },
    archive: { from: ['draft', 'published'], to: 'archived' },
  };

export async function changeArticleStatus(
  db: Database,
  ctx: RequestContext,
  id: number,
  action: StatusAction,
) {
  await db.transaction().execute(async (trx) => {
    const current = requireVisible(scopeOf(ctx.actor), await q.lockArticle(trx, id));
    const { from, to } = TRANSITIONS[action];
    if (!from.includes(current.status))
      throw new AppError('INVALID_TRANSITION', { from: current.status, to });
    if (to === 'published' && !current.body_text.trim() && !current.body_html.includes('<img'))
      throw new AppError('KB_ARTICLE_EMPTY');
    const now = new Date();
    await q.updateArticleRow(
      trx,
      id,
      to === 'published'
        ? { status: to, published_at: now, published_by_user_id: ctx.actor.userId }
        : { status: to },
    );
    const after = (await q.lockArticle(trx, id))!;
    await recordAudit(trx, ctx, {
      action: `kb.article.${action}`,
      entityType: 'kb_article',
      entityId: id,
      entityLabel: after.title,
      before: auditView(current),
      after: auditView(after),
    });
  });
}

/**
 * Who is voting: a signed-in user by id; anyone else by a hash of their address and the article
 * (pseudonymous, one vote per article per address; a second vote replaces the first).
 */
export function voterKey(actor: Actor | null, ip: string, articleId: number): string {
  if (actor) return `u:${actor.userId}`;
  return `a:${createHash('sha256').update(`kb-feedback|${articleId}|${ip}`).digest('hex').slice(0, 32)}`;
}

export async function recordFeedback(
  db: Database,
  scope: ArticleScope,
  id: number,
  voter: string,
  helpful: boolean,
) {
  return db.transaction().execute(async (trx) => {
    const article = await q.lockArticle(trx, id);
    if (!article || !mayGiveFeedback(scope, article)) throw notFound();
    const previous = await q.findVote(trx, id, voter);
    let totals = { helpful_count: article.helpful_count, unhelpful_count: article.unhelpful_count };
    if (previous?.helpful !== helpful) {
      await q.saveVote(trx, id, voter, helpful);
      // A changed vote moves one from the other counter.
      const undo = previous ? -1 : 0;
      totals = await q.adjustVotes(trx, id, helpful ? 1 : undo, helpful ? undo : 1);
    }
    return {
      helpfulCount: totals.helpful_count,
      unhelpfulCount: totals.unhelpful_count,
      yourVote: helpful ? ('helpful' as const) : ('unhelpful' as const),
    };
  });
}
