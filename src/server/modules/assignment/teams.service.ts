import type { Kysely } from 'kysely';
import type { TeamView } from '../../../shared/schemas/assignment.ts';
import { OPEN_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';

export interface TeamInput {
  name?: string | undefined;
  description?: string | null | undefined;
  leadUserId?: number | null | undefined;
  members?: { userId: number; skills: string[]; languages: string[]; isAway: boolean }[] | undefined;
}

/** Teams with their members and each member's open workload (a few dozen teams at most). */
export async function listTeams(db: Kysely<DB>, onlyId?: number): Promise<TeamView[]> {
  let teams = db.selectFrom('team').selectAll().orderBy('id').limit(500);
  if (onlyId) teams = teams.where('id', '=', onlyId);
  const rows = await teams.execute();
  if (!rows.length) return [];
  const members = await db
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
    .where(
      'team_member.team_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('team_member.user_id')
    .execute();
  return rows.map((team) => ({
    id: team.id,
    name: team.name,
    description: team.description,
    leadUserId: team.lead_user_id,
    members: members
      .filter((m) => m.team_id === team.id)
      .map((m) => ({
        userId: m.user_id,
        displayName: m.display_name,
        skills: m.skills,
        languages: m.languages,
        isAway: m.is_away,
        openTickets: Number(m.open_tickets ?? 0),
      })),
  }));
}

async function checkUsers(db: Kysely<DB>, ids: number[]) {
  if (!ids.length) return;
  const found = await db.selectFrom('app_user').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw invalid('VALIDATION_FAILED', 'members');
}

async function replaceMembers(db: Kysely<DB>, teamId: number, members: NonNullable<TeamInput['members']>) {
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

export async function saveTeam(
  db: Database,
  ctx: RequestContext,
  id: number | null,
  input: TeamInput,
): Promise<TeamView> {
  return db.transaction().execute(async (trx) => {
    const before = id ? (await listTeams(trx, id))[0] : undefined;
    if (id && !before) throw notFound();
    await checkUsers(trx, [
      ...(input.members ?? []).map((m) => m.userId),
      ...(input.leadUserId ? [input.leadUserId] : []),
    ]);
    let teamId = id;
    if (teamId) {
      await trx
        .updateTable('team')
        .set({
          name: input.name,
          description: input.description,
          lead_user_id: input.leadUserId,
          updated_at: new Date(),
        })
        .where('id', '=', teamId)
        .execute();
    } else {
      teamId = (
        await trx
          .insertInto('team')
          .values({
            name: input.name ?? '',
            description: input.description ?? null,
            lead_user_id: input.leadUserId ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    if (input.members) await replaceMembers(trx, teamId, input.members);
    const after = (await listTeams(trx, teamId))[0]!;
    await recordAudit(trx, ctx, {
      action: id ? 'team.update' : 'team.create',
      entityType: 'team',
      entityId: teamId,
      entityLabel: after.name,
      before: before ?? {},
      after,
    });
    return after;
  });
}

/** An agent marks themself away (or back): rules skip away agents. */
export async function setAway(db: Database, ctx: RequestContext, isAway: boolean) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('team_member')
      .set({ is_away: isAway })
      .where('user_id', '=', ctx.actor.userId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'team.away',
      entityType: 'user',
      entityId: ctx.actor.userId,
      changes: [{ field: 'isAway', before: !isAway, after: isAway }],
    });
  });
}
