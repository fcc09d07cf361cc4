import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ApiToken, DB } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { iso } from '../../http/present.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from '../auth/tokens.ts';
import { requireVisible, scopeOf } from './tokens.policy.ts';
import * as q from './tokens.queries.ts';

/** How long a token lives when its owner does not say. */
export const API_TOKEN_DEFAULT_DAYS = 90;

function present(row: Selectable<ApiToken>) {
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  };
}

export async function listOwnApiTokens(db: Kysely<DB>, actor: Actor) {
  return (await q.listApiTokens(db, scopeOf(actor))).map(present);
}

export async function createApiToken(
  db: Database,
  ctx: RequestContext,
  input: { name: string; expiresInDays?: number | null | undefined },
) {
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  return db.transaction().execute(async (trx) => {
    const row = await q.insertApiToken(trx, {
      user_id: ctx.actor.userId,
      name: input.name,
      token_hash: hashSecret(token),
      token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      // Omitted: the default lifetime; null: never expires, only when the owner chose so.
      expires_at:
        input.expiresInDays === null
          ? null
          : new Date(Date.now() + (input.expiresInDays ?? API_TOKEN_DEFAULT_DAYS) * 86_400_000),
    });
    await recordAudit(trx, ctx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      entityLabel: row.name,
      after: { name: row.name, tokenPrefix: row.token_prefix, expiresAt: row.expires_at },
    });
    return { ...present(row), token };
  });
}

export async function revokeApiToken(db: Database, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    // Someone else's token, an unknown or an already revoked one, is simply not found.
    const row = requireVisible(ctx.actor, await q.revokeApiTokenRow(trx, id, scopeOf(ctx.actor)));
    await recordAudit(trx, ctx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      entityLabel: row.name,
      changes: [{ field: 'revokedAt', before: null, after: row.revoked_at }],
    });
  });
}
