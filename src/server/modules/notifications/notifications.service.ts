import { type Kysely, sql } from 'kysely';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { renderTemplate } from '../../../shared/template.ts';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_TEMPLATES, type TemplateText } from './default-templates.ts';

type Vars = Record<string, string | number | null | undefined>;
type Channel = 'email' | 'sms' | 'in_app';

/** The template text for a key, channel and language: the administrator's override, else the built-in one. */
export async function templateText(
  db: Kysely<DB>,
  key: string,
  channel: Channel,
  locale: Locale,
): Promise<TemplateText> {
  const row = await db
    .selectFrom('message_template')
    .select(['subject', 'body'])
    .where('key', '=', key)
    .where('channel', '=', channel)
    .where('locale', '=', locale)
    .executeTakeFirst();
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
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'locale'])
    .where('id', 'in', unique)
    .where('status', '=', 'active')
    .execute();
  for (const user of users) {
    const text = await templateText(db, key, 'in_app', isLocale(user.locale) ? user.locale : 'zh-CN');
    await db
      .insertInto('notification')
      .values({
        user_id: user.id,
        kind: key,
        title: renderTemplate(text.subject ?? key, vars),
        body: renderTemplate(text.body, vars),
        link,
      })
      .execute();
  }
  await sql`SELECT pg_notify('qiao_live', ${JSON.stringify({ topic: 'notifications' })})`.execute(db);
}

/**
 * Queues an email or SMS in the outbound log (same transaction as the business change); the delivery job
 * sends it through the configured provider and records the outcome.
 */
export async function queueMessage(
  db: Kysely<DB>,
  input: { channel: 'email' | 'sms'; to: string; key: string; locale: Locale; vars: Vars },
): Promise<number> {
  const text = await templateText(db, input.key, input.channel, input.locale);
  const row = await db
    .insertInto('outbound_message')
    .values({
      channel: input.channel,
      recipient: input.to,
      subject: text.subject ? renderTemplate(text.subject, input.vars) : null,
      body: renderTemplate(text.body, input.vars),
      template_key: input.key,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`SELECT pg_notify('qiao_outbound', ${String(row.id)})`.execute(db);
  return row.id;
}

/** @username mentions in a note, resolved to active staff users. */
export async function mentionedUsers(db: Kysely<DB>, text: string): Promise<number[]> {
  const names = [
    ...new Set([...text.matchAll(/@([\p{L}\p{N}._-]{2,50})/gu)].map((m) => m[1]!.toLowerCase())),
  ];
  if (!names.length) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where(sql<string>`lower(username)`, 'in', names)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}
