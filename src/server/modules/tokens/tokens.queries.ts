import type { Insertable, Kysely } from 'kysely';
import type { ApiToken, DB } from '../../db/schema.ts';
import type { TokenScope } from './tokens.policy.ts';

export function listApiTokens(db: Kysely<DB>, scope: TokenScope) {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('user_id', '=', scope.userId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export function insertApiToken(db: Kysely<DB>, row: Insertable<ApiToken>) {
  return db.insertInto('api_token').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Revokes a live token within the scope; undefined when there is none (unknown, another's, or revoked). */
export function revokeApiTokenRow(db: Kysely<DB>, id: number, scope: TokenScope) {
  return db
    .updateTable('api_token')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', scope.userId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
