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
import { notFound } from '../../http/app-error.ts';
import { can, contextOf } from '../../http/context.ts';
import { findTicket } from '../tickets/tickets.queries.ts';
import { presentEmail, presentMailbox } from './email.presenter.ts';
import { findMailbox, listMailboxes, listMailboxLog, listTicketEmails } from './email.queries.ts';
import { pollMailbox } from './imap-poller.ts';
import { createMailbox, deleteMailbox, testMailboxConnection, updateMailbox } from './mailbox.service.ts';

const tags = ['email'];

export function emailRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const changed = (id: number) => void deps.live.publish({ topic: 'mailboxes', id });

    app.get(
      '/api/v1/mailboxes',
      { config: { permission: 'mailbox.manage' }, schema: { tags, response: { 200: z.array(mailboxView) } } },
      async () => (await listMailboxes(deps.db)).map(presentMailbox),
    );

    app.post(
      '/api/v1/mailboxes',
      {
        config: { permission: 'mailbox.manage' },
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
      async (request) => {
        const row = await findMailbox(deps.db, request.params.id);
        if (!row) throw notFound();
        return presentMailbox(row);
      },
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
      async (request) => testMailboxConnection(deps.db, request.params.id),
    );

    app.post(
      '/api/v1/mailboxes/:id/poll',
      {
        config: { permission: 'mailbox.manage' },
        schema: { tags, params: idParam, response: { 200: mailboxPollResult } },
      },
      async (request) => {
        if (!(await findMailbox(deps.db, request.params.id))) throw notFound();
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
      async (request) => {
        if (!(await findMailbox(deps.db, request.params.id))) throw notFound();
        const rows = await listMailboxLog(
          deps.db,
          request.params.id,
          request.query.limit,
          request.query.status,
        );
        return rows.map(presentEmail);
      },
    );

    // The mail of one request (sanitised HTML, addresses, delivery state), for the conversation view.
    app.get(
      '/api/v1/tickets/:id/emails',
      {
        config: { permission: 'ticket.read' },
        schema: { tags, params: idParam, response: { 200: z.array(emailView) } },
      },
      async (request) => {
        const scope = { all: can(request.actor, 'ticket.read_all'), userId: request.actor?.userId ?? 0 };
        if (!(await findTicket(deps.db, request.params.id, scope))) throw notFound();
        return (await listTicketEmails(deps.db, request.params.id)).map(presentEmail);
      },
    );
  };
}
