import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  AssignmentRuleView,
  assignmentRuleCreate,
  assignmentRuleUpdate,
  RuleConditions,
} from '../../../shared/schemas/assignment.ts';
import type { Database } from '../../db/database.ts';
import type { AssignmentRule, DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireVisible } from './assignment.policy.ts';
import { presentRule } from './assignment.presenter.ts';
import * as q from './assignment.queries.ts';

export interface AssignmentSubject {
  typeId: number;
  categoryId: number | null;
  channel: string;
  priority: string;
  customerClass: string | null;
  advisorUserId: number | null;
  tags: string[];
  language: string | null;
}

export interface AssignmentOutcome {
  ruleId: number;
  ruleName: string;
  assigneeId: number | null;
  teamId: number | null;
  priority: string | null;
  complexity: string | null;
}

const anyOf = <T>(list: readonly T[] | undefined, value: T | null) =>
  !list?.length || (value !== null && list.includes(value));

export function ruleMatches(c: RuleConditions, s: AssignmentSubject): boolean {
  return (
    anyOf(c.typeIds, s.typeId) &&
    anyOf(c.categoryIds, s.categoryId) &&
    anyOf(c.channels as string[] | undefined, s.channel) &&
    anyOf(c.priorities as string[] | undefined, s.priority) &&
    anyOf(c.customerClasses as string[] | undefined, s.customerClass) &&
    anyOf(c.languages as string[] | undefined, s.language) &&
    (!c.tags?.length || c.tags.some((tag) => s.tags.includes(tag)))
  );
}

async function roundRobin(db: Kysely<DB>, teamId: number, candidates: number[]): Promise<number | null> {
  if (!candidates.length) return null;
  const team = await q.lockTeam(db, teamId);
  const last = team?.last_assigned_user_id ?? 0;
  const next = candidates.find((id) => id > last) ?? candidates[0]!;
  await q.setLastAssigned(db, teamId, next);
  return next;
}

async function leastLoaded(db: Kysely<DB>, teamId: number, candidates: number[]): Promise<number | null> {
  if (!candidates.length) return null;
  const load = await q.openLoad(db, candidates);
  const lowest = Math.min(...candidates.map((id) => load.get(id) ?? 0));
  const tied = candidates.filter((id) => (load.get(id) ?? 0) === lowest);
  // Among equally loaded agents, take turns.
  return tied.length === 1 ? tied[0]! : roundRobin(db, teamId, tied);
}

async function pick(
  db: Kysely<DB>,
  rule: Selectable<AssignmentRule>,
  s: AssignmentSubject,
): Promise<number | null> {
  if (rule.strategy === 'advisor_first' && s.advisorUserId && (await q.isAvailable(db, s.advisorUserId))) {
    return s.advisorUserId;
  }
  if (!rule.team_id) return null;
  const members = await q.availableMembers(db, rule.team_id);
  let candidates = members.map((m) => m.user_id);
  switch (rule.strategy) {
    case 'skills': {
      const skilled = members.filter(
        (m) =>
          rule.required_skills.every((skill) => m.skills.includes(skill)) &&
          (!s.language || m.languages.length === 0 || m.languages.includes(s.language)),
      );
      candidates = skilled.map((m) => m.user_id);
      return leastLoaded(db, rule.team_id, candidates);
    }
    case 'least_loaded':
      return leastLoaded(db, rule.team_id, candidates);
    default:
      // round_robin, and advisor_first when the customer has no available advisor.
      return roundRobin(db, rule.team_id, candidates);
  }
}

/**
 * The first active rule (by position) whose conditions match decides: who takes the request, which team
 * queue it joins, and optionally its priority and complexity. No available agent → the team's queue.
 */
export async function evaluateAssignment(
  db: Kysely<DB>,
  s: AssignmentSubject,
): Promise<AssignmentOutcome | null> {
  for (const rule of await q.activeRules(db)) {
    if (!ruleMatches(rule.conditions as RuleConditions, s)) continue;
    const effective = { ...s, priority: rule.set_priority ?? s.priority };
    return {
      ruleId: rule.id,
      ruleName: rule.name,
      assigneeId: await pick(db, rule, effective),
      teamId: rule.team_id,
      priority: rule.set_priority,
      complexity: rule.set_complexity,
    };
  }
  return null;
}

type RuleInput = z.infer<typeof assignmentRuleUpdate>;
const ruleRow = (b: RuleInput) => ({
  name: b.name,
  position: b.position,
  is_active: b.isActive,
  conditions: b.conditions ? JSON.stringify(b.conditions) : undefined,
  strategy: b.strategy,
  team_id: b.teamId,
  required_skills: b.requiredSkills,
  set_priority: b.setPriority,
  set_complexity: b.setComplexity,
});

export const listRules = async (db: Kysely<DB>) => (await q.listRules(db)).map(presentRule);

export async function createRule(
  db: Database,
  ctx: RequestContext,
  input: z.infer<typeof assignmentRuleCreate>,
): Promise<AssignmentRuleView> {
  return db.transaction().execute(async (trx) => {
    const id = await q.insertRule(trx, { ...ruleRow(input), name: input.name, strategy: input.strategy });
    const after = presentRule((await q.findRule(trx, id))!);
    await recordAudit(trx, ctx, {
      action: 'assignment_rule.create',
      entityType: 'assignment_rule',
      entityId: id,
      entityLabel: after.name,
      after,
    });
    return after;
  });
}

export async function updateRule(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: RuleInput,
): Promise<AssignmentRuleView> {
  return db.transaction().execute(async (trx) => {
    const current = requireVisible(ctx.actor, await q.findRule(trx, id));
    await q.updateRuleRow(trx, current.id, ruleRow(input));
    const before = presentRule(current);
    const after = presentRule((await q.findRule(trx, current.id))!);
    await recordAudit(trx, ctx, {
      action: 'assignment_rule.update',
      entityType: 'assignment_rule',
      entityId: current.id,
      entityLabel: after.name,
      before,
      after,
    });
    return after;
  });
}

export async function deleteRule(db: Database, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const current = requireVisible(ctx.actor, await q.findRule(trx, id));
    await q.deleteRuleRow(trx, current.id);
    await recordAudit(trx, ctx, {
      action: 'assignment_rule.delete',
      entityType: 'assignment_rule',
      entityId: current.id,
      entityLabel: current.name,
      before: presentRule(current),
    });
  });
}
