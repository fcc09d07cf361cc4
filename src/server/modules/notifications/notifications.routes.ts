import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { LOCALES } from '../../../shared/locale.ts';
import { okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { templateText } from './notifications.service.ts';

const notificationView = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
const templateKey = z.object({
  key: z.string().max(100),
  channel: z.enum(['email', 'sms', 'in_app']),
  locale: z.enum(LOCALES),
});

export function notificationsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    app.get(
      '/api/v1/notifications',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          querystring: z.object({
            cursor: z.string().max(30).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: {
            200: z.object({
              items: z.array(notificationView),
              unread: z.number(),
              nextCursor: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const userId = request.actor!.userId;
        let query = deps.db
          .selectFrom('notification')
          .selectAll()
          .where('user_id', '=', userId)
          .orderBy('id', 'desc')
          .limit(request.query.limit + 1);
        if (request.query.cursor) query = query.where('id', '<', Number(request.query.cursor));
        const [rows, unread] = await Promise.all([
          query.execute(),
          deps.db
            .selectFrom('notification')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', userId)
            .where('read_at', 'is', null)
            .executeTakeFirstOrThrow(),
        ]);
        const page = rows.slice(0, request.query.limit);
        return {
          items: page.map((n) => ({
            id: n.id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link,
            readAt: n.read_at?.toISOString() ?? null,
            createdAt: n.created_at.toISOString(),
          })),
          unread: Number(unread.n),
          nextCursor: rows.length > request.query.limit ? String(page.at(-1)?.id) : null,
        };
      },
    );
    app.post(
      '/api/v1/notifications/read',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        let update = deps.db
          .updateTable('notification')
          .set({ read_at: new Date() })
          .where('user_id', '=', request.actor!.userId)
          .where('read_at', 'is', null);
        if (request.body.ids)
          update = update.where('id', 'in', request.body.ids.length ? request.body.ids : [0]);
        await update.execute();
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/message-templates',
      {
        config: { permission: 'settings.read' },
        schema: {
          tags,
          response: {
            200: z.array(
              templateKey.extend({
                subject: z.string().nullable(),
                body: z.string(),
                customised: z.boolean(),
              }),
            ),
          },
        },
      },
      async () => {
        const overrides = await deps.db.selectFrom('message_template').selectAll().limit(1000).execute();
        const result = [];
        for (const [key, channels] of Object.entries(DEFAULT_TEMPLATES)) {
          for (const channel of ['email', 'sms', 'in_app'] as const) {
            if (!channels[channel]) continue;
            for (const locale of LOCALES) {
              const text = await templateText(deps.db, key, channel, locale);
              const customised = overrides.some(
                (o) => o.key === key && o.channel === channel && o.locale === locale,
              );
              result.push({
                key,
                channel,
                locale,
                subject: text.subject ?? null,
                body: text.body,
                customised,
              });
            }
          }
        }
        return result;
      },
    );
    app.put(
      '/api/v1/message-templates',
      {
        config: { permission: 'settings.manage' },
        schema: {
          tags,
          body: templateKey.extend({
            subject: z.string().max(300).nullish(),
            body: z.string().min(1).max(20_000),
          }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const { key, channel, locale, subject, body } = request.body;
        if (!DEFAULT_TEMPLATES[key]?.[channel]) throw notFound();
        const ctx = contextOf(request);
        await deps.db.transaction().execute(async (trx) => {
          const before = await templateText(trx, key, channel, locale);
          await trx
            .insertInto('message_template')
            .values({ key, channel, locale, subject: subject ?? null, body })
            .onConflict((oc) =>
              oc
                .columns(['key', 'channel', 'locale'])
                .doUpdateSet({ subject: subject ?? null, body, updated_at: sql`now()` }),
            )
            .execute();
          await recordAudit(trx, ctx, {
            action: 'template.update',
            entityType: 'message_template',
            entityId: `${key}/${channel}/${locale}`,
            before,
            after: { subject, body },
          });
        });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/outbound-messages',
      {
        config: { permission: 'settings.read' },
        schema: {
          tags,
          querystring: z.object({
            recipient: z.string().max(200).optional(),
            cursor: z.string().max(30).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.number(),
                  channel: z.string(),
                  recipient: z.string(),
                  subject: z.string().nullable(),
                  body: z.string(),
                  status: z.string(),
                  provider: z.string().nullable(),
                  error: z.string().nullable(),
                  createdAt: z.string(),
                }),
              ),
              nextCursor: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        let query = deps.db
          .selectFrom('outbound_message')
          .selectAll()
          .orderBy('id', 'desc')
          .limit(request.query.limit + 1);
        if (request.query.recipient) query = query.where('recipient', '=', request.query.recipient);
        if (request.query.cursor) query = query.where('id', '<', Number(request.query.cursor));
        const rows = await query.execute();
        const page = rows.slice(0, request.query.limit);
        return {
          items: page.map((m) => ({
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            status: m.status,
            provider: m.provider,
            error: m.error,
            createdAt: m.created_at.toISOString(),
          })),
          nextCursor: rows.length > request.query.limit ? String(page.at(-1)?.id) : null,
        };
      },
    );
  };
}
