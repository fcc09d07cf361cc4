import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import {
  type AssignmentRuleView,
  assignmentRuleCreate,
  assignmentRuleUpdate,
  assignmentRuleView,
  type RuleConditions,
  teamCreate,
  teamUpdate,
  teamView,
} from '../../../shared/schemas/assignment.ts';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { AssignmentRule } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './assignment.queries.ts';
import { listTeams, saveTeam, setAway } from './teams.service.ts';

function presentRule(r: Selectable<AssignmentRule>): AssignmentRuleView {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    isActive: r.is_active,
    conditions: r.conditions as RuleConditions,
    strategy: r.strategy as AssignmentRuleView['strategy'],
    teamId: r.team_id,
    requiredSkills: r.required_skills,
    setPriority: r.set_priority,
    setComplexity: r.set_complexity,
  };
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

export function assignmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/teams',
      {
        config: { permission: 'ticket.read' },
        schema: { tags: ['assignment'], response: { 200: z.array(teamView) } },
      },
      async () => listTeams(deps.db),
    );
    app.post(
      '/api/v1/teams',
      {
        config: { permission: 'ticket.configure' },
        schema: { tags: ['assignment'], body: teamCreate, response: { 201: teamView } },
      },
      async (request, reply) =>
        reply.status(201).send(await saveTeam(deps.db, contextOf(request), null, request.body)),
    );
    app.patch(
      '/api/v1/teams/:id',
      {
        config: { permission: 'ticket.configure' },
        schema: { tags: ['assignment'], params: idParam, body: teamUpdate, response: { 200: teamView } },
      },
      async (request) => saveTeam(deps.db, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/me/away',
      {
        config: { permission: 'ticket.update' },
        schema: {
          tags: ['assignment'],
          body: z.object({ isAway: z.boolean() }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await setAway(deps.db, contextOf(request), request.body.isAway);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/assignment-rules',
      {
        config: { permission: 'ticket.configure' },
        schema: { tags: ['assignment'], response: { 200: z.array(assignmentRuleView) } },
      },
      async () => (await q.listRules(deps.db)).map(presentRule),
    );
    app.post(
      '/api/v1/assignment-rules',
      {
        config: { permission: 'ticket.configure' },
        schema: { tags: ['assignment'], body: assignmentRuleCreate, response: { 201: assignmentRuleView } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const rule = await deps.db.transaction().execute(async (trx) => {
          const row = ruleRow(request.body);
          const id = await q.insertRule(trx, {
            ...row,
            name: request.body.name,
            strategy: request.body.strategy,
          });
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
        return reply.status(201).send(rule);
      },
    );
    app.patch(
      '/api/v1/assignment-rules/:id',
      {
        config: { permission: 'ticket.configure' },
        schema: {
          tags: ['assignment'],
          params: idParam,
          body: assignmentRuleUpdate,
          response: { 200: assignmentRuleView },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return deps.db.transaction().execute(async (trx) => {
          const current = await q.findRule(trx, request.params.id);
          if (!current) throw notFound();
          await q.updateRuleRow(trx, current.id, ruleRow(request.body));
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
      },
    );
    app.delete(
      '/api/v1/assignment-rules/:id',
      {
        config: { permission: 'ticket.configure' },
        schema: { tags: ['assignment'], params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        const ctx = contextOf(request);
        await deps.db.transaction().execute(async (trx) => {
          const current = await q.findRule(trx, request.params.id);
          if (!current) throw notFound();
          await q.deleteRuleRow(trx, current.id);
          await recordAudit(trx, ctx, {
            action: 'assignment_rule.delete',
            entityType: 'assignment_rule',
            entityId: current.id,
            entityLabel: current.name,
            before: presentRule(current),
          });
        });
        return { ok: true as const };
      },
    );
  };
}
