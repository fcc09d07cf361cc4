import type { Kysely } from 'kysely';
import { isLocale, LOCALES, type Locale } from '../../../shared/locale.ts';
import { localise } from '../../../shared/localise.ts';
import { renderTemplate } from '../../../shared/template.ts';
import { seal } from '../../crypto/secret-box.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DEFAULT_TEMPLATES, type TemplateText } from './default-templates.ts';
import { requireVisible, scopeOf } from './notifications.policy.ts';
import { presentNotification, presentOutboundMessage } from './notifications.presenter.ts';
import * as q from './notifications.queries.ts';
import { NOTIFICATION_TEXTS } from './notifications.texts.ts';

type Vars = Record<string, string | number | null | undefined>;
type Channel = 'email' | 'sms' | 'in_app';
const CHANNELS = ['email', 'sms', 'in_app'] as const satisfies readonly Channel[];

/** The template text for a key, channel and language: the administrator's override, else the built-in one. */
export async function templateText(
  db: Kysely<DB>,
  key: string,
  channel: Channel,
  locale: Locale,
): Promise<TemplateText> {
  const row = await q.findTemplateOverride(db, key, channel, locale);
  if (row) return { ...(row.subject ? { subject: row.subject } : {}), body: row.body };
  const builtIn = DEFAULT_TEMPLATES[key]?.[channel]?.[locale];
  if (!builtIn) throw new Error(`no template ${key}/${channel}/${locale}`);
  return builtIn;
}

/**
 * In-app notifications for staff, written in the caller's transaction; browsers hear of them through
 * pg_notify, which PostgreSQL delivers only if the transaction commits.
 */
export async function notifyUsers(
  db: Kysely<DB>,
  userIds: number[],
  key: string,
  vars: Vars,
  link: string | null = null,
) {
  const unique = [...new Set(userIds)].filter((id) => id > 0);
  if (!unique.length) return;
  const users = await q.activeUsersWithLocale(db, unique);
  for (const user of users) {
    const text = await templateText(db, key, 'in_app', isLocale(user.locale) ? user.locale : 'zh-CN');
    await q.insertNotification(db, {
      user_id: user.id,
      kind: key,
      title: renderTemplate(text.subject ?? key, vars),
      body: renderTemplate(text.body, vars),
      link,
    });
  }
  await q.announceNotifications(db);
}

/**
 * Queues an email or SMS in the outbound log (same transaction as the business change); the delivery job
 * sends it through the configured provider and records the outcome. Variables named in `secrets` (one-time
 * links and codes) never reach the log: its subject and body show them hidden, and the message as sent is
 * kept only sealed with the instance key (`sealed_content`) until it has gone out — so a retry after a
 * restart still carries the link, and nobody reading the log can use it.
 */
export async function queueMessage(
  db: Kysely<DB>,
  input: {
    channel: 'email' | 'sms';
    to: string;
    key: string;
    locale: Locale;
    vars: Vars;
    secrets?: readonly string[];
  },
): Promise<number> {
  const text = await templateText(db, input.key, input.channel, input.locale);
  const render = (vars: Vars) => ({
    subject: text.subject ? renderTemplate(text.subject, vars) : null,
    body: renderTemplate(text.body, vars),
  });
  const secrets = input.secrets ?? [];
  const hidden = localise(NOTIFICATION_TEXTS, 'hiddenLink', input.locale);
  const shown = render({ ...input.vars, ...Object.fromEntries(secrets.map((name) => [name, hidden])) });
  const id = await q.insertOutboundMessage(db, {
    channel: input.channel,
    recipient: input.to,
    ...shown,
    sealed_content: secrets.length ? seal(JSON.stringify(render(input.vars))) : null,
    template_key: input.key,
  });
  await q.announceOutbound(db, id);
  return id;
}

/** @username mentions in a note, resolved to active staff users. */
export async function mentionedUsers(db: Kysely<DB>, text: string): Promise<number[]> {
  const names = [
    ...new Set([...text.matchAll(/@([\p{L}\p{N}._-]{2,50})/gu)].map((m) => m[1]!.toLowerCase())),
  ];
  if (!names.length) return [];
  return q.activeUserIdsByUsername(db, names);
}

/** The actor's own notifications, newest first, with how many are unread. */
export async function listOwnNotifications(
  db: Kysely<DB>,
  actor: Actor,
  page: { cursor?: string | undefined; limit: number },
) {
  const scope = scopeOf(actor);
  const [rows, unread] = await Promise.all([q.listNotifications(db, scope, page), q.countUnread(db, scope)]);
  return { ...pageOf(rows, page.limit, presentNotification), unread };
}

/**
 * Marks the given notifications read, or all of the actor's without ids. Every id must be one of the
 * actor's own notifications: another user's (or an unknown) id is a 404 and nothing is marked.
 */
export async function markNotificationsRead(db: Kysely<DB>, actor: Actor, ids?: number[]) {
  if (ids) {
    const unique = [...new Set(ids)];
    const owners = new Map((await q.notificationOwners(db, unique)).map((n) => [n.id, n]));
    for (const id of unique) requireVisible(actor, owners.get(id));
    await q.markRead(db, scopeOf(actor), unique);
    return;
  }
  await q.markRead(db, scopeOf(actor));
}

/** Every template the system sends, per channel and language, with whether an administrator changed it. */
export async function listTemplates(db: Kysely<DB>) {
  const overrides = await q.listTemplateOverrides(db);
  const result = [];
  for (const [key, channels] of Object.entries(DEFAULT_TEMPLATES)) {
    for (const channel of CHANNELS) {
      if (!channels[channel]) continue;
      for (const locale of LOCALES) {
        const text = await templateText(db, key, channel, locale);
        const customised = overrides.some(
          (o) => o.key === key && o.channel === channel && o.locale === locale,
        );
        result.push({ key, channel, locale, subject: text.subject ?? null, body: text.body, customised });
      }
    }
  }
  return result;
}

/** An administrator's wording of a template (only templates the system has can be overridden). */
export async function saveTemplate(
  db: Database,
  ctx: RequestContext,
  input: { key: string; channel: Channel; locale: Locale; subject?: string | null | undefined; body: string },
) {
  const { key, channel, locale, subject, body } = input;
  if (!DEFAULT_TEMPLATES[key]?.[channel]) throw notFound();
  await db.transaction().execute(async (trx) => {
    const before = await templateText(trx, key, channel, locale);
    await q.upsertTemplate(trx, { key, channel, locale, subject: subject ?? null, body });
    await recordAudit(trx, ctx, {
      action: 'template.update',
      entityType: 'message_template',
      entityId: `${key}/${channel}/${locale}`,
      before,
      after: { subject, body },
    });
  });
}

/** The log of queued and sent email and SMS, newest first; holders of its permission see all of it. */
export async function listOutbound(
  db: Kysely<DB>,
  query: { recipient?: string | undefined; cursor?: string | undefined; limit: number },
) {
  return pageOf(await q.listOutboundMessages(db, query), query.limit, presentOutboundMessage);
}
