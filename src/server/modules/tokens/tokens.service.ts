import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ApiToken, DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from '../auth/tokens.ts';

function present(row: Selectable<ApiToken>) {
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export async function listOwnApiTokens(db: Kysely<DB>, userId: number) {
  const rows = await db
    .selectFrom('api_token')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(present);
}

export async function createApiToken(
  db: Database,
  ctx: RequestContext,
  input: { name: string; expiresInDays?: number | null | undefined },
) {
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_token')
      .values({
        user_id: ctx.actor.userId,
        name: input.name,
        token_hash: hashSecret(token),
        token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
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
    const row = await trx
      .updateTable('api_token')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', ctx.actor.userId)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    // Someone else's token, or an unknown one, is simply not found.
    if (!row) throw notFound();
    await recordAudit(trx, ctx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      entityLabel: row.name,
      changes: [{ field: 'revokedAt', before: null, after: row.revoked_at }],
    });
  });
}
