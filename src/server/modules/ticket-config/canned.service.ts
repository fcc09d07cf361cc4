import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CannedResponse, DB } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './canned.queries.ts';
import { cannedScopeOf, mayManageCanned, requireMay, requireVisibleCanned } from './ticket-config.policy.ts';
export interface CannedInput {
  title?: string | undefined;
  body?: string | undefined;
  category?: string | null | undefined;
  language?: string | null | undefined;
  shared?: boolean | undefined;
}

export const presentCanned = (r: Selectable<CannedResponse>) => ({
  id: r.id,
  title: r.title,
  body: r.body,
  category: r.category,
  language: r.language,
  shared: r.owner_user_id === null,
  ownerUserId: r.owner_user_id,
});

/** The responses the actor sees (shared and own), optionally searched; at most `limit`. */
export function listCanned(db: Kysely<DB>, actor: Actor, tsQuery: string | null, limit = 100) {
  return q.listCanned(db, cannedScopeOf(actor), tsQuery, limit);
}

/** A response the actor may see (shared or own); 404 otherwise. */
export async function findVisibleCanned(db: Kysely<DB>, actor: Actor, id: number) {
  return requireVisibleCanned(actor, await q.findCanned(db, id));
}

export async function saveCanned(db: Database, ctx: RequestContext, id: number | null, input: CannedInput) {
  return db.transaction().execute(async (trx) => {
    const current = id ? await findVisibleCanned(trx, ctx.actor, id) : undefined;
    const shared = input.shared ?? (current ? current.owner_user_id === null : false);
    requireMay(mayManageCanned(ctx.actor, shared || current?.owner_user_id === null));
    const title = input.title ?? current?.title ?? '';
    const body = input.body ?? current?.body ?? '';
    const values = {
      title,
      body,
      category: input.category === undefined ? (current?.category ?? null) : input.category,
      language: input.language === undefined ? (current?.language ?? null) : input.language,
      owner_user_id: shared ? null : ctx.actor.userId,
      search_terms: q.cannedTerms(title, body),
      updated_at: new Date(),
    };
    const saved = current ? await q.updateCanned(trx, current.id, values) : await q.insertCanned(trx, values);
    await recordAudit(trx, ctx, {
      action: current ? 'canned_response.update' : 'canned_response.create',
      entityType: 'canned_response',
      entityId: saved.id,
      entityLabel: saved.title,
      before: current ? presentCanned(current) : {},
      after: presentCanned(saved),
    });
    return presentCanned(saved);
  });
}

export async function deleteCanned(db: Database, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const current = await findVisibleCanned(trx, ctx.actor, id);
    requireMay(mayManageCanned(ctx.actor, current.owner_user_id === null));
    await q.deleteCannedRow(trx, id);
    await recordAudit(trx, ctx, {
      action: 'canned_response.delete',
      entityType: 'canned_response',
      entityId: id,
      entityLabel: current.title,
      before: presentCanned(current),
    });
  });
}

/** Fills {{variables}} from the request; unknown variables are left visible so the agent notices them. */
export function renderCanned(body: string, vars: Record<string, string | null | undefined>): string {
  return body.replace(/\{\{\s*([a-zA-Z.]+)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : (value ?? '');
  });
}
