import { type InsertObject, type Kysely, sql, type UpdateObject } from 'kysely';
import { OPEN_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { DB } from '../../db/schema.ts';

export function activeRules(db: Kysely<DB>) {
  return db
    .selectFrom('assignment_rule')
    .selectAll()
    .where('is_active', '=', true)
    .orderBy('position')
    .orderBy('id')
    .limit(500)
    .execute();
}

export function listRules(db: Kysely<DB>) {
  return db.selectFrom('assignment_rule').selectAll().orderBy('position').orderBy('id').limit(500).execute();
}

export function findRule(db: Kysely<DB>, id: number) {
  return db.selectFrom('assignment_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRule(db: Kysely<DB>, row: InsertObject<DB, 'assignment_rule'>) {
  return (await db.insertInto('assignment_rule').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRuleRow(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'assignment_rule'>) {
  await db
    .updateTable('assignment_rule')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteRuleRow(db: Kysely<DB>, id: number) {
  await db.deleteFrom('assignment_rule').where('id', '=', id).execute();
}

/** Members who can take work now: active users, not marked away. */
export function availableMembers(db: Kysely<DB>, teamId: number) {
  return db
    .selectFrom('team_member')
    .innerJoin('app_user', 'app_user.id', 'team_member.user_id')
    .select(['team_member.user_id', 'team_member.skills', 'team_member.languages'])
    .where('team_member.team_id', '=', teamId)
    .where('team_member.is_away', '=', false)
    .where('app_user.status', '=', 'active')
    .orderBy('team_member.user_id')
    .execute();
}

export async function isAvailable(db: Kysely<DB>, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select([
      'status',
      sql<boolean>`EXISTS (SELECT 1 FROM team_member WHERE user_id = app_user.id AND is_away)`.as('away'),
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
  return !!row && row.status === 'active' && !row.away;
}

export async function openLoad(db: Kysely<DB>, userIds: number[]): Promise<Map<number, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom('ticket')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'in', userIds)
    .where('status', 'in', [...OPEN_STATUSES])
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.assignee_id), Number(r.n)]));
}

/** The team row locked, so concurrent requests take turns fairly in round-robin. */
export function lockTeam(db: Kysely<DB>, teamId: number) {
  return db
    .selectFrom('team')
    .select(['id', 'last_assigned_user_id'])
    .where('id', '=', teamId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setLastAssigned(db: Kysely<DB>, teamId: number, userId: number) {
  await db.updateTable('team').set({ last_assigned_user_id: userId }).where('id', '=', teamId).execute();
}

/** Teams in id order (a few dozen at most), or the one team. */
export function listTeamRows(db: Kysely<DB>, onlyId?: number) {
  let teams = db.selectFrom('team').selectAll().orderBy('id').limit(500);
  if (onlyId) teams = teams.where('id', '=', onlyId);
  return teams.execute();
}

/** Members of the teams, each with their number of open requests. */
export function membersWithLoad(db: Kysely<DB>, teamIds: number[]) {
  return db
    .selectFrom('team_member')
    .innerJoin('app_user', 'app_user.id', 'team_member.user_id')
    .select([
      'team_member.team_id',
      'team_member.user_id',
      'team_member.skills',
      'team_member.languages',
      'team_member.is_away',
      'app_user.display_name',
      (eb) =>
        eb
          .selectFrom('ticket')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('ticket.assignee_id', '=', 'team_member.user_id')
          .where('ticket.status', 'in', [...OPEN_STATUSES])
          .as('open_tickets'),
    ])
    .where('team_member.team_id', 'in', teamIds)
    .orderBy('team_member.user_id')
    .execute();
}

/** Of `ids`, the users that exist. */
export function existingUsers(db: Kysely<DB>, ids: number[]) {
  return db.selectFrom('app_user').select('id').where('id', 'in', ids).execute();
}

export async function insertTeam(db: Kysely<DB>, row: InsertObject<DB, 'team'>) {
  return (await db.insertInto('team').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTeamRow(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'team'>) {
  await db
    .updateTable('team')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function replaceTeamMembers(
  db: Kysely<DB>,
  teamId: number,
  members: { userId: number; skills: string[]; languages: string[]; isAway: boolean }[],
) {
  await db.deleteFrom('team_member').where('team_id', '=', teamId).execute();
  if (members.length) {
    await db
      .insertInto('team_member')
      .values(
        members.map((m) => ({
          team_id: teamId,
          user_id: m.userId,
          skills: m.skills,
          languages: m.languages,
          is_away: m.isAway,
        })),
      )
      .execute();
  }
}

/** Marks the user away (or back) in every team they belong to. */
export async function setAwayInTeams(db: Kysely<DB>, userId: number, isAway: boolean) {
  await db.updateTable('team_member').set({ is_away: isAway }).where('user_id', '=', userId).execute();
}
