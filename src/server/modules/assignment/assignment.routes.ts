import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentRuleCreate,
  assignmentRuleUpdate,
  assignmentRuleView,
  teamCreate,
  teamUpdate,
  teamView,
} from '../../../shared/schemas/assignment.ts';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { createRule, deleteRule, listRules, updateRule } from './assignment.service.ts';
import { listTeams, saveTeam, setAway } from './teams.service.ts';

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
        config: { permission: 'ticket.configure', idempotent: true },
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
      async () => listRules(deps.db),
    );
    app.post(
      '/api/v1/assignment-rules',
      {
        config: { permission: 'ticket.configure', idempotent: true },
        schema: { tags: ['assignment'], body: assignmentRuleCreate, response: { 201: assignmentRuleView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createRule(deps.db, contextOf(request), request.body)),
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
      async (request) => updateRule(deps.db, contextOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/assignment-rules/:id',
      {
        config: { permission: 'ticket.configure' },
        schema: { tags: ['assignment'], params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await deleteRule(deps.db, contextOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
