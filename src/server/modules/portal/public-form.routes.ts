import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Locale } from '../../../shared/locale.ts';
import { publicRequest } from '../../../shared/schemas/portal.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../http/app-error.ts';
import { ipKey, isLocked, recordFailure } from '../auth/throttle.ts';
import { queueMessage } from '../notifications/notifications.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { createTicket } from '../tickets/tickets.service.ts';

export const PUBLIC_FORM_DEFAULTS = { maxPerHourPerIp: 5, minSecondsToFill: 3 };

/**
 * The public request form for people without an account. Abuse checks: a honeypot field, a minimum
 * time to fill the form, and a per-IP hourly limit kept in the database (so every node shares it).
 * Bots that fill the honeypot get a normal-looking answer and nothing is stored.
 */
export function publicFormRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/public/requests',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['portal'],
          body: publicRequest,
          response: { 202: z.object({ number: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        if (b.website) return reply.status(202).send({ number: null });
        const limits = await readSetting(deps.db, 'security.public_form', PUBLIC_FORM_DEFAULTS);
        const age = Date.now() - b.shownAt;
        if (age < limits.minSecondsToFill * 1000) {
          throw new AppError('SUBMISSION_REJECTED', {
            retryAfterSeconds: Math.ceil((limits.minSecondsToFill * 1000 - age) / 1000),
          });
        }
        // A form left open for more than a day is reloaded (fresh shownAt) rather than trusted.
        if (age > 24 * 3600_000) throw new AppError('SUBMISSION_REJECTED', { reload: true });
        const key = `form:${ipKey(request.ip)}`;
        if (await isLocked(deps.db, [key])) throw new AppError('RATE_LIMITED');
        // Every accepted submission counts towards the hourly limit.
        await recordFailure(deps.db, key, {
          limit: limits.maxPerHourPerIp,
          windowMinutes: 60,
          lockMinutes: 60,
        });
        const typeId = (
          await deps.db
            .selectFrom('ticket_type')
            .select('id')
            .where('code', '=', 'inquiry')
            .executeTakeFirstOrThrow()
        ).id;
        const id = await createTicket(deps.db, null, {
          channel: 'web',
          typeId,
          subject: b.subject,
          description: b.description,
          newContact: { name: b.name, email: b.email, phone: b.phone ?? null, company: b.company ?? null },
          language: b.locale,
        });
        const ticket = await deps.db
          .selectFrom('ticket')
          .select(['number', 'subject'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const org = await readOrganisation(deps.db);
        await queueMessage(deps.db, {
          channel: 'email',
          to: b.email,
          key: 'ticket.received',
          locale: b.locale as Locale,
          vars: {
            'contact.name': b.name,
            'ticket.number': ticket.number,
            'ticket.subject': ticket.subject,
            'organisation.name': org.name,
          },
        });
        void deps.live.publish({ topic: 'tickets', id });
        return reply.status(202).send({ number: ticket.number });
      },
    );
  };
}
