import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CannedResponse, DB } from '../../db/schema.ts';
import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can, type RequestContext } from '../../http/context.ts';
import { indexTerms } from '../../search/text-search.ts';
import { recordAudit } from '../audit/audit.service.ts';

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

/** Shared responses and the caller's own, optionally searched; at most `limit`. */
export function listCanned(db: Kysely<DB>, userId: number, tsQuery: string | null, limit = 100) {
  let query = db
    .selectFrom('canned_response')
    .selectAll()
    .where((eb) => eb.or([eb('owner_user_id', 'is', null), eb('owner_user_id', '=', userId)]))
    .orderBy('title')
    .limit(limit);
  if (tsQuery) query = query.where(sql<boolean>`search_terms @@ ${tsQuery}::tsquery`);
  return query.execute();
}

/** Shared responses are managed by configurers; personal ones by their owner only (others get 404). */
function guard(actor: Actor, row: Selectable<CannedResponse> | undefined, wantShared: boolean) {
  if (row && row.owner_user_id !== null && row.owner_user_id !== actor.userId) throw notFound();
  if ((wantShared || (row && row.owner_user_id === null)) && !can(actor, 'ticket.configure'))
    throw forbidden();
}

export async function saveCanned(db: Database, ctx: RequestContext, id: number | null, input: CannedInput) {
  return db.transaction().execute(async (trx) => {
    const current = id
      ? await trx.selectFrom('canned_response').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
    if (id && !current) throw notFound();
    const shared = input.shared ?? (current ? current.owner_user_id === null : false);
    guard(ctx.actor, current, shared);
    const title = input.title ?? current?.title ?? '';
    const body = input.body ?? current?.body ?? '';
    const values = {
      title,
      body,
      category: input.category === undefined ? (current?.category ?? null) : input.category,
      language: input.language === undefined ? (current?.language ?? null) : input.language,
      owner_user_id: shared ? null : ctx.actor.userId,
      search_terms: sql<string>`array_to_tsvector(${indexTerms(`${title} ${body}`)}::text[])`,
      updated_at: new Date(),
    };
    const saved = current
      ? await trx
          .updateTable('canned_response')
          .set(values)
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx.insertInto('canned_response').values(values).returningAll().executeTakeFirstOrThrow();
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
    const current = await trx
      .selectFrom('canned_response')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound();
    guard(ctx.actor, current, false);
    await trx.deleteFrom('canned_response').where('id', '=', id).execute();
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
