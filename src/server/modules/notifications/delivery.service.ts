import type { Kysely } from 'kysely';
import { open } from '../../crypto/secret-box.ts';
import type { DB } from '../../db/schema.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import * as q from './notifications.queries.ts';

export interface OutboundMessage {
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
}

/** A way out for email or SMS. `logged` providers keep the message in the log without sending it. */
export interface Provider {
  name: string;
  kind: 'sent' | 'logged';
  send(message: OutboundMessage): Promise<void>;
}

export const SMTP_DEFAULTS = { host: '', port: 587, secure: false, user: '', password: '', from: '' };

const logProvider = (name: string): Provider => ({ name, kind: 'logged', send: async () => {} });

/** SMTP when configured in settings (mail.smtp), otherwise the log. SMS: the log until a gateway provider is configured. */
export async function providersFor(db: Kysely<DB>): Promise<Record<'email' | 'sms', Provider>> {
  const smtp = await readSetting(db, 'mail.smtp', SMTP_DEFAULTS);
  const email: Provider = smtp.host
    ? {
        name: `smtp:${smtp.host}`,
        kind: 'sent',
        async send(m) {
          // Loaded on first send: a Qiao without SMTP settings never needs nodemailer.
          const { default: nodemailer } = await import('nodemailer');
          const transport = nodemailer.createTransport({
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
          });
          await transport.sendMail({
            from: smtp.from || smtp.user,
            to: m.recipient,
            subject: m.subject ?? '',
            text: m.body,
          });
        },
      }
    : logProvider('email-log');
  return { email, sms: logProvider('sms-log') };
}

/** The message as it goes out: the sealed copy (with its one-time link) where the log shows it hidden. */
function asSent(m: OutboundMessage & { sealed_content: string | null }): OutboundMessage {
  const content = m.sealed_content
    ? (JSON.parse(open(m.sealed_content)) as { subject: string | null; body: string })
    : { subject: m.subject, body: m.body };
  return { channel: m.channel, recipient: m.recipient, ...content };
}

/** Sends what is queued (and retries failures up to 5 times); several nodes may run it at once. */
export async function deliverPending(
  db: Kysely<DB>,
  providers?: Record<'email' | 'sms', Provider>,
  limit = 50,
): Promise<number> {
  const chosen = providers ?? (await providersFor(db));
  let handled = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const message = await q.claimNextOutbound(trx);
      if (!message) return false;
      const provider = chosen[message.channel as 'email' | 'sms'];
      try {
        await provider.send(asSent(message));
        await q.recordDeliveryAttempt(trx, message.id, {
          status: provider.kind,
          provider: provider.name,
          attempts: message.attempts + 1,
          sent_at: new Date(),
          error: null,
          // Gone out: the one-time link no longer needs keeping (a logged message was never sent).
          ...(provider.kind === 'sent' ? { sealed_content: null } : {}),
        });
      } catch (error) {
        await q.recordDeliveryAttempt(trx, message.id, {
          status: 'failed',
          provider: provider.name,
          attempts: message.attempts + 1,
          error: String(error).slice(0, 1000),
        });
      }
      return true;
    });
    if (!done) return handled;
    handled++;
    if (handled >= limit) return handled;
  }
}
