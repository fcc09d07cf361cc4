import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import {
  emailLogQuery,
  emailView,
  mailboxCreate,
  mailboxPollResult,
  mailboxTestResult,
  mailboxUpdate,
  mailboxView,
} from '../../../shared/schemas/email.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { presentMailbox } from './email.presenter.ts';
import { pollMailbox } from './imap-poller.ts';
import {
  createMailbox,
  deleteMailbox,
  findVisibleMailbox,
  listMailboxViews,
  mailboxLog,
  testMailboxConnection,
  ticketEmails,
  updateMailbox,
} from './mailbox.service.ts';

const tags = ['email'];

export function emailRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const changed = (id: number) => void deps.live.publish({ topic: 'mailboxes', id });

    app.get(
      '/api/v1/mailboxes',
      { config: { permission: 'mailbox.manage' }, schema: { tags, response: { 200: z.array(mailboxView) } } },
      async (request) => listMailboxViews(deps.db, request.actor!),
    );

    app.post(
      '/api/v1/mailboxes',
      {
        config: { permission: 'mailbox.manage', idempotent: true },
        schema: { tags, body: mailboxCreate, response: { 201: mailboxView } },
      },
      async (request, reply) => {
        const mailbox = await createMailbox(deps.db, contextOf(request), request.body);
        changed(mailbox.id);
        return reply.status(201).send(mailbox);
      },
    );

    app.get(
      '/api/v1/mailboxes/:id',
      {
        config: { permission: 'mailbox.manage' },
        schema: { tags, params: idParam, response: { 200: mailboxView } },
      },
      async (request) => presentMailbox(await findVisibleMailbox(deps.db, request.actor!, request.params.id)),
    );

    app.patch(
      '/api/v1/mailboxes/:id',
      {
        config: { permission: 'mailbox.manage' },
        schema: { tags, params: idParam, body: mailboxUpdate, response: { 200: mailboxView } },
      },
      async (request) => {
        const mailbox = await updateMailbox(deps.db, contextOf(request), request.params.id, request.body);
        changed(mailbox.id);
        return mailbox;
      },
    );

    app.delete(
      '/api/v1/mailboxes/:id',
      {
        config: { permission: 'mailbox.manage' },
        schema: { tags, params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await deleteMailbox(deps.db, contextOf(request), request.params.id);
        changed(request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/mailboxes/:id/test',
      {
        config: { permission: 'mailbox.manage' },
        schema: { tags, params: idParam, response: { 200: mailboxTestResult } },
      },
      async (request) => testMailboxConnection(deps.db, request.actor!, request.params.id),
    );

    app.post(
      '/api/v1/mailboxes/:id/poll',
      {
        config: { permission: 'mailbox.manage' },
        schema: { tags, params: idParam, response: { 200: mailboxPollResult } },
      },
      async (request) => {
        await findVisibleMailbox(deps.db, request.actor!, request.params.id);
        const result = await pollMailbox(deps.db, request.params.id);
        changed(request.params.id);
        return result;
      },
    );

    app.get(
      '/api/v1/mailboxes/:id/log',
      {
        config: { permission: 'mailbox.manage' },
        schema: { tags, params: idParam, querystring: emailLogQuery, response: { 200: z.array(emailView) } },
      },
      async (request) => mailboxLog(deps.db, request.actor!, request.params.id, request.query),
    );

    // The mail of one request (sanitised HTML, addresses, delivery state), for the conversation view.
    app.get(
      '/api/v1/tickets/:id/emails',
      {
        config: { permission: 'ticket.read' },
        schema: { tags, params: idParam, response: { 200: z.array(emailView) } },
      },
      async (request) => ticketEmails(deps.db, request.actor!, request.params.id),
    );
  };
}
