import type { PgBoss } from 'pg-boss';
import type { Database } from '../../db/database.ts';
import { escapeHtml } from '../../http/print-kit.ts';
import { describeMailError, MailSetupError, smtpTransport } from './connections.ts';
import * as q from './email.queries.ts';
import { LOOP_HEADER } from './loop-guard.ts';
import { cleanSubject, newThreadToken, outboundMessageId, subjectTag } from './threading.ts';

export const SEND_QUEUE = 'email.send';
/** Attempts before an outbound mail is given up as failed (pg-boss retries with backoff in between). */
export const SEND_ATTEMPTS = 6;
export const SEND_QUEUE_OPTIONS = {
  retryLimit: SEND_ATTEMPTS - 1,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 3600,
};

/**
 * The job queue of this node, set when its background jobs start (jobs.ts). Without one (a process that
 * runs no jobs) mail stays queued in the table and the next node's sweep sends it.
 */
let boss: PgBoss | null = null;
export function setEmailQueue(queue: PgBoss | null): void {
  boss = queue;
}

export async function enqueueSend(db: Database, emailId: number): Promise<void> {
  if (!boss) return;
  const jobId = await boss.send(SEND_QUEUE, { emailId }, SEND_QUEUE_OPTIONS);
  if (jobId) await q.updateEmail(db, emailId, { job_id: jobId });
}

export type QueueReplyResult =
  | { queued: true; emailId: number }
  | { queued: false; reason: 'not_email' | 'no_address' | 'no_mailbox' };

/**
 * After an agent's public reply on an email request has committed: records the outgoing mail (its
 * Message-ID carries the request's token) and hands it to the `email.send` queue.
 */
export async function queueReplyEmail(
  db: Database,
  ticketId: number,
  ticketMessageId: number,
): Promise<QueueReplyResult> {
  const ticket = await q.ticketForReply(db, ticketId);
  if (ticket?.channel !== 'email') return { queued: false, reason: 'not_email' };
  let thread = await q.findThread(db, ticketId);
  // The mailbox the conversation runs through, or (inactive, deleted, receive-only) the first that can send.
  const own = thread?.mailbox_id ? await q.findMailbox(db, thread.mailbox_id) : undefined;
  const mailbox = own?.is_active && own.smtp_host ? own : await q.firstSendingMailbox(db);
  const base = {
    direction: 'out',
    ticket_id: ticketId,
    ticket_message_id: ticketMessageId,
    to_addresses: ticket.contact_email ? [ticket.contact_email] : [],
  };
  if (!mailbox) {
    await q.insertEmail(db, {
      ...base,
      status: 'failed',
      message_id: `<unsent.${ticketMessageId}@qiao.invalid>`,
      last_error: 'no active mailbox with an SMTP server',
    });
    return { queued: false, reason: 'no_mailbox' };
  }
  thread ??= await q.insertThread(db, {
    ticket_id: ticketId,
    token: newThreadToken(),
    mailbox_id: mailbox.id,
  });
  const previous = await q.threadMessageIds(db, ticketId);
  const lastInbound = previous.filter((m) => m.direction === 'in').at(-1) ?? previous.at(-1);
  const messageId = outboundMessageId(thread.token, mailbox.address);
  const subject = `Re: ${cleanSubject(ticket.subject) || ticket.number} ${subjectTag(ticket.number, thread.token)}`;
  const row = {
    ...base,
    mailbox_id: mailbox.id,
    message_id: messageId,
    in_reply_to: lastInbound?.message_id ?? null,
    references: previous.map((m) => m.message_id).slice(-20),
    from_address: mailbox.address.toLowerCase(),
    from_name: mailbox.name,
    subject,
  };
  if (!ticket.contact_email) {
    await q.insertEmail(db, { ...row, status: 'failed', last_error: 'the contact has no email address' });
    return { queued: false, reason: 'no_address' };
  }
  const emailId = await q.insertEmail(db, { ...row, status: 'queued' });
  await enqueueSend(db, emailId);
  return { queued: true, emailId };
}

/**
 * Sends one queued mail. Throws while attempts remain so the queue retries it later; after the last
 * attempt the mail is marked failed (and the error kept) instead.
 */
export async function sendQueuedEmail(db: Database, emailId: number): Promise<'sent' | 'failed' | 'noop'> {
  const email = await q.findEmail(db, emailId);
  if (email?.direction !== 'out' || email.status !== 'queued') return 'noop';
  const attempts = email.attempts + 1;
  try {
    const mailbox = email.mailbox_id ? await q.findMailbox(db, email.mailbox_id) : undefined;
    if (!mailbox) throw new MailSetupError('the mailbox was deleted');
    const message = email.ticket_message_id ? await q.messageBody(db, email.ticket_message_id) : undefined;
    if (!message) throw new MailSetupError('the reply was deleted');
    const transport = await smtpTransport(mailbox);
    const signature = `\n\n-- \n${mailbox.name}`;
    try {
      await transport.sendMail({
        messageId: email.message_id,
        from: { name: mailbox.name, address: mailbox.address },
        to: email.to_addresses,
        replyTo: mailbox.address,
        subject: email.subject ?? '',
        text: `${message.body}${signature}`,
        html: `<div>${escapeHtml(message.body).replace(/\r?\n/g, '<br>')}</div><p>-- <br>${escapeHtml(mailbox.name)}</p>`,
        ...(email.in_reply_to ? { inReplyTo: email.in_reply_to } : {}),
        ...(email.references.length ? { references: email.references } : {}),
        // A person wrote this: no Auto-Submitted / X-Auto-Response-Suppress (receivers, us included,
        // treat those as automatic mail). The marker lets us recognise this mail if it ever comes back in.
        headers: { [LOOP_HEADER]: mailbox.address },
      });
    } finally {
      transport.close();
    }
    await q.updateEmail(db, emailId, { status: 'sent', sent_at: new Date(), attempts, last_error: null });
    return 'sent';
  } catch (error) {
    const last = attempts >= SEND_ATTEMPTS;
    await q.updateEmail(db, emailId, {
      attempts,
      last_error: describeMailError(error),
      ...(last ? { status: 'failed' } : {}),
    });
    if (last) return 'failed';
    throw error;
  }
}

/** Queued mail no job picked up (enqueueing failed after the commit, or no node ran jobs then). */
export async function sweepQueuedEmail(db: Database, now = new Date()): Promise<number> {
  const stale = await q.staleQueuedOutbound(db, new Date(now.getTime() - 60_000));
  for (const { id } of stale) await enqueueSend(db, id);
  return stale.length;
}
