import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../shared/locale.ts';
import { okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  listOutbound,
  listOwnNotifications,
  listTemplates,
  markNotificationsRead,
  saveTemplate,
} from './notifications.service.ts';

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
      async (request) => listOwnNotifications(deps.db, request.actor!, request.query),
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
        await markNotificationsRead(deps.db, request.actor!, request.body.ids);
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
      async () => listTemplates(deps.db),
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
        await saveTemplate(deps.db, contextOf(request), request.body);
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
      async (request) => listOutbound(deps.db, request.query),
    );
  };
}
