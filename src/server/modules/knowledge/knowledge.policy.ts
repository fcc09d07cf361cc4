import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Record scope of the knowledge base (知识库). Decision: an article has two gates, its status (draft,
 * published, archived) and its audience (internal or public).
 * - Staff holding `kb.read` see published articles, internal and public; drafts and the archive only with
 *   `kb.write` or `kb.publish` (the people who write and release articles).
 * - Everyone else — the customer portal and the public knowledge base, signed in or not — sees published
 *   public articles only; a draft, an archived or an internal article is a 404 there, never a 403.
 * - Suggestions while writing a reply offer published articles only, internal scripts included.
 * - Feedback (helpful / not helpful) is taken on published articles the reader can see.
 * - Editing a published article changes what readers see, so it needs `kb.publish` (403 for a writer who
 *   can see the article); status changes need `kb.publish`, which their routes ask for.
 * This file decides which scope a caller gets; the SQL that applies it is `visible()` in articles.queries.ts.
 */
export interface ArticleScope {
  /** Internal articles too, not only public ones. */
  internal: boolean;
  /** Drafts and archived articles too, not only published ones. */
  drafts: boolean;
}

/** The portal and the public knowledge base: published public articles only. */
export const PUBLIC_SCOPE: ArticleScope = { internal: false, drafts: false };

/** A staff reader's scope; without an actor, the public one. */
export function scopeOf(actor: Actor | null): ArticleScope {
  if (!actor) return PUBLIC_SCOPE;
  return { internal: true, drafts: can(actor, 'kb.write') || can(actor, 'kb.publish') };
}

/** What an agent is offered while writing a reply: released articles, internal ones included. */
export function suggestionScopeOf(_actor: Actor | null): ArticleScope {
  return { internal: true, drafts: false };
}

/** The article when the scope lets its reader see it; a missing or hidden article is the same 404. */
export function requireVisible<T extends { status: string; visibility: string }>(
  scope: ArticleScope,
  article: T | null | undefined,
): T {
  if (!article) throw notFound();
  if (!scope.drafts && article.status !== 'published') throw notFound();
  if (!scope.internal && article.visibility !== 'public') throw notFound();
  return article;
}

/** Votes are taken on released articles the reader can see. */
export const mayGiveFeedback = (scope: ArticleScope, article: { status: string; visibility: string }) =>
  article.status === 'published' && (scope.internal || article.visibility === 'public');

/** A draft or archived article any writer may change; a published one only a publisher. */
export const mayEdit = (actor: Actor, article: { status: string }) =>
  article.status !== 'published' || can(actor, 'kb.publish');

/** Throws 403 when the actor may not take this action on an article they can see. */
export function requireMay(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
