import type { ParsedMail } from 'mailparser';
import type { Locale } from '../../../shared/locale.ts';
import { localise } from '../../../shared/localise.ts';
import type { Database } from '../../db/database.ts';
import { createContactWithCustomer, findContactByAddress } from '../customers/contacts.queries.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { createTicket } from '../tickets/tickets.service.ts';
import { addCustomerMessage, REOPEN_DEFAULTS } from '../tickets/tickets-messages.service.ts';
import * as q from './email.queries.ts';
import { EMAIL_TEXTS } from './email.texts.ts';
import { type SkipReason, skipReason } from './loop-guard.ts';
import { htmlToText, sanitiseEmailHtml } from './sanitise.ts';
import {
  cleanSubject,
  newThreadToken,
  normaliseMessageId,
  referenceList,
  syntheticMessageId,
  threadClaims,
} from './threading.ts';

export type InboundResult =
  | { status: 'imported'; emailId: number; ticketId: number; created: boolean; reopened: boolean }
  | { status: 'skipped'; emailId: number; reason: SkipReason }
  | { status: 'duplicate' }
  | { status: 'failed'; emailId: number; error: string };

/** Flood guard: one sender writing more than this within the window is a loop or a script, not a person. */
export const INBOUND_DEFAULTS = { floodLimit: 30, floodWindowMinutes: 10, maxBodyChars: 100_000 };
const FALLBACK_TYPE = 'inquiry';
/** Notes written onto requests from mail have no actor: they are in the organisation's default language. */
const NOTE_LOCALE: Locale = 'zh-CN';

function addressesOf(field: ParsedMail['to']): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}

/**
 * One inbound mail, from IMAP polling or the SMTP listener: recorded once per mailbox and Message-ID,
 * dropped when it is automatic (never answered), threaded into its request only with the right token,
 * otherwise registered as a new request from the sender (matched to a contact, or a new one).
 */
export async function processInboundMail(
  db: Database,
  mailboxId: number,
  raw: Buffer,
  options: { envelopeFrom?: string | null; now?: Date } = {},
): Promise<InboundResult> {
  const now = options.now ?? new Date();
  const mailbox = await q.findMailbox(db, mailboxId);
  if (!mailbox) throw new Error(`mailbox ${mailboxId} not found`);
  // mailparser is loaded with the first mail, not at start: many installs take no mail at all.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const messageId = normaliseMessageId(mail.messageId) ?? syntheticMessageId(raw);
  const references = referenceList(mail.references);
  const inReplyTo = normaliseMessageId(typeof mail.inReplyTo === 'string' ? mail.inReplyTo : null);
  const sender = mail.from?.value[0];
  const subject = (mail.subject ?? '').slice(0, 1000);

  // Our own outbound mail coming back (a Bcc to the support address, a forwarding rule).
  if (await q.isOurOutboundMessage(db, messageId)) return { status: 'duplicate' };
  const emailId = await q.claimInbound(db, {
    mailbox_id: mailboxId,
    message_id: messageId,
    in_reply_to: inReplyTo,
    references,
    from_address: sender?.address?.toLowerCase() ?? null,
    from_name: sender?.name || null,
    to_addresses: addressesOf(mail.to),
    cc_addresses: addressesOf(mail.cc),
    subject,
    raw_size: raw.length,
    created_at: now,
  });
  if (!emailId) return { status: 'duplicate' };

  try {
    const settings = await readSetting(db, 'email.inbound', INBOUND_DEFAULTS);
    let reason = skipReason(mail, {
      ownAddresses: await q.allMailboxAddresses(db),
      envelopeFrom: options.envelopeFrom,
    });
    if (!reason && sender?.address) {
      const since = new Date(now.getTime() - settings.floodWindowMinutes * 60_000);
      if ((await q.countRecentFrom(db, sender.address, since)) > settings.floodLimit) reason = 'flood';
    }
    if (reason || !sender?.address) {
      const why = reason ?? 'no_sender';
      await q.updateEmail(db, emailId, { status: 'skipped', skip_reason: why });
      return { status: 'skipped', emailId, reason: why };
    }

    const html = mail.html ? sanitiseEmailHtml(mail.html) : null;
    const plain = mail.text?.trim() || (html ? htmlToText(html) : '');
    const text = plain.slice(0, settings.maxBodyChars) || localise(EMAIL_TEXTS, 'noText', NOTE_LOCALE);
    const attachments = mail.attachments.map((a) => ({
      filename: a.filename ?? (a.cid ? `inline-${a.cid}` : 'attachment'),
      contentType: a.contentType,
      size: a.size,
    }));
    await q.updateEmail(db, emailId, { html_sanitised: html, attachments: JSON.stringify(attachments) });

    const contact =
      (await findContactByAddress(db, sender.address, null)) ??
      (await createContactWithCustomer(db, {
        name: (sender.name || sender.address.split('@')[0] || sender.address).slice(0, 100),
        email: sender.address.toLowerCase(),
      }));

    const thread = await findThread(db, { inReplyTo, references, subject });
    if (thread) {
      const { reopenWindowDays } = await readSetting(db, 'tickets.reopen', REOPEN_DEFAULTS);
      const finishedAt = thread.closed_at ?? thread.resolved_at;
      const finished = ['resolved', 'revisited', 'closed'].includes(thread.status);
      const tooLate =
        finished && !!finishedAt && now.getTime() - finishedAt.getTime() > reopenWindowDays * 86_400_000;
      if (!tooLate) {
        const added = await addCustomerMessage(
          db,
          { ticketId: thread.ticket_id, contactId: contact.id, body: text, channel: 'email' },
          now,
        );
        await q.updateEmail(db, emailId, {
          status: 'imported',
          ticket_id: thread.ticket_id,
          ticket_message_id: added.messageId,
        });
        await q.notifyTicketChanged(db, thread.ticket_id);
        return {
          status: 'imported',
          emailId,
          ticketId: thread.ticket_id,
          created: false,
          reopened: added.reopened,
        };
      }
    }

    const typeId = mailbox.default_type_id ?? (await q.defaultTicketTypeId(db, FALLBACK_TYPE));
    if (!typeId) throw new Error('no active request type for new email requests');
    const followUp = thread
      ? `\n\n${localise(EMAIL_TEXTS, 'followUp', NOTE_LOCALE, { number: thread.number })}`
      : '';
    const ticketId = await createTicket(
      db,
      null,
      {
        channel: 'email',
        typeId,
        subject: (
          cleanSubject(subject) ||
          thread?.subject ||
          localise(EMAIL_TEXTS, 'noSubject', NOTE_LOCALE)
        ).slice(0, 200),
        description: `${text}${followUp}`,
        contactId: contact.id,
        teamId: mailbox.default_team_id,
      },
      now,
    );
    await q.insertThread(db, { ticket_id: ticketId, token: newThreadToken(), mailbox_id: mailboxId });
    await q.updateEmail(db, emailId, { status: 'imported', ticket_id: ticketId });
    await q.notifyTicketChanged(db, ticketId);
    return { status: 'imported', emailId, ticketId, created: true, reopened: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await q.updateEmail(db, emailId, { status: 'failed', last_error: message.slice(0, 2000) });
    return { status: 'failed', emailId, error: message };
  }
}

/**
 * The request a reply belongs to: only through a token that is the request's own. A request number in
 * the subject must agree with the token beside it; references without a valid token count for nothing.
 */
async function findThread(
  db: Database,
  mail: { inReplyTo: string | null; references: string[]; subject: string },
) {
  const claims = threadClaims(mail);
  const threads = await q.findThreadsByTokens(db, [...new Set(claims.map((c) => c.token))]);
  for (const claim of claims) {
    const thread = threads.find((t) => t.token === claim.token);
    if (!thread) continue;
    if (claim.number !== null && claim.number.toLowerCase() !== thread.number.toLowerCase()) continue;
    // A merged request hands its conversation on to the one it was merged into.
    if (thread.merged_into_id) {
      const target = await q.findThread(db, thread.merged_into_id);
      const next = target ? (await q.findThreadsByTokens(db, [target.token]))[0] : undefined;
      if (next) return next;
    }
    return thread;
  }
  return null;
}
