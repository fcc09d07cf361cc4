import type { Kysely } from 'kysely';
import type { TeamView } from '../../../shared/schemas/assignment.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { invalid } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireVisible } from './assignment.policy.ts';
import * as q from './assignment.queries.ts';

export interface TeamInput {
  name?: string | undefined;
  description?: string | null | undefined;
  leadUserId?: number | null | undefined;
  members?: { userId: number; skills: string[]; languages: string[]; isAway: boolean }[] | undefined;
}

/** Teams with their members and each member's open workload (a few dozen teams at most). */
export async function listTeams(db: Kysely<DB>, onlyId?: number): Promise<TeamView[]> {
  const rows = await q.listTeamRows(db, onlyId);
  if (!rows.length) return [];
  const members = await q.membersWithLoad(
    db,
    rows.map((r) => r.id),
  );
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
  const found = await q.existingUsers(db, ids);
  if (found.length !== new Set(ids).size) throw invalid('VALIDATION_FAILED', 'members');
}

export async function saveTeam(
  db: Database,
  ctx: RequestContext,
  id: number | null,
  input: TeamInput,
): Promise<TeamView> {
  return db.transaction().execute(async (trx) => {
    const before = id ? requireVisible(ctx.actor, (await listTeams(trx, id))[0]) : undefined;
    await checkUsers(trx, [
      ...(input.members ?? []).map((m) => m.userId),
      ...(input.leadUserId ? [input.leadUserId] : []),
    ]);
    let teamId = id;
    if (teamId) {
      await q.updateTeamRow(trx, teamId, {
        name: input.name,
        description: input.description,
        lead_user_id: input.leadUserId,
      });
    } else {
      teamId = await q.insertTeam(trx, {
        name: input.name ?? '',
        description: input.description ?? null,
        lead_user_id: input.leadUserId ?? null,
      });
    }
    if (input.members) await q.replaceTeamMembers(trx, teamId, input.members);
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
    await q.setAwayInTeams(trx, ctx.actor.userId, isAway);
    await recordAudit(trx, ctx, {
      action: 'team.away',
      entityType: 'user',
      entityId: ctx.actor.userId,
      changes: [{ field: 'isAway', before: !isAway, after: isAway }],
    });
  });
}
