import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxView } from '../../../shared/schemas/email.ts';
import { startJobs } from '../../jobs/jobs.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { type Dovecot, startDovecot } from '../../test/dovecot.ts';
import { buildMailbox, buildUser } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { rawMail, startUpstreamSmtp, uniqueId, waitFor } from './email.fixtures.ts';
import { POLL_QUEUE } from './email.jobs.ts';
import { processInboundMail } from './inbound.ts';
import { setEmailQueue } from './outbound.ts';
import { allowMailHosts } from './outbound-target.ts';

const t = setupTestApp();
let dovecot: Dovecot;
let upstream: Awaited<ReturnType<typeof startUpstreamSmtp>>;
let boss: PgBoss;
let box: MailboxView;
let agent: ApiClient;

beforeAll(async () => {
  dovecot = await startDovecot();
  await dovecot.addUser('helpdesk', 'imap-secret');
  upstream = await startUpstreamSmtp();
  // Dovecot and the upstream SMTP server listen on loopback, which mailboxes may reach only when allowed.
  allowMailHosts([dovecot.host, '127.0.0.1']);
  // The real job runner of this instance: replies go out through its email.send queue.
  boss = await startJobs(t().testDb.url, t().db, () => {});
  box = await buildMailbox(t(), {
    address: 'helpdesk@qiao.example',
    imapHost: dovecot.host,
    imapPort: dovecot.port,
    imapUser: 'helpdesk',
    imapPassword: 'imap-secret',
    smtpHost: '127.0.0.1',
    smtpPort: upstream.port,
    smtpUser: 'agent@qiao.example',
    smtpPassword: 'smtp-secret',
  });
  agent = (
    await buildUser(t(), { permissions: ['ticket.read', 'ticket.read_all', 'ticket.update', 'ticket.reply'] })
  ).client;
});
afterAll(async () => {
  await boss?.stop({ graceful: false });
  await upstream?.close();
  await dovecot?.stop();
});

/** Delivers into the helpdesk INBOX and polls until that mail has been handled (the scheduled poll may get there first). */
async function receive(spec: Parameters<typeof rawMail>[0]) {
  const messageId = spec.messageId ?? uniqueId();
  await dovecot.append('helpdesk', 'imap-secret', rawMail({ ...spec, messageId }));
  return waitFor(async () => {
    await (await t().admin()).post(`/api/v1/mailboxes/${box.id}/poll`);
    return t()
      .db.selectFrom('ticket_email')
      .selectAll()
      .where('message_id', '=', messageId)
      .where('status', 'in', ['imported', 'skipped'])
      .executeTakeFirst();
  });
}

const ticketOf = (id: number) =>
  t()
    .db.selectFrom('ticket')
    .innerJoin('ticket_email_thread', 'ticket_email_thread.ticket_id', 'ticket.id')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.status',
      'ticket.description',
      'ticket_email_thread.token',
    ])
    .where('ticket.id', '=', id)
    .executeTakeFirstOrThrow();
const messagesOf = (id: number) =>
  t().db.selectFrom('ticket_message').selectAll().where('ticket_id', '=', id).orderBy('id').execute();

async function newRequest(subject: string, from = '"赵先生" <zhao@customer.example>') {
  const first = await receive({ from, subject, text: '设备显示 E12 错误' });
  expect(first.status).toBe('imported');
  return { ...(await ticketOf(first.ticket_id!)), customerMessageId: first.message_id };
}

async function reply(ticketId: number, body: string) {
  const before = upstream.received.length;
  const res = await agent.post(`/api/v1/tickets/${ticketId}/messages`, { kind: 'public', body });
  expect(res.status).toBe(201);
  return waitFor(async () => upstream.received[before]);
}

describe('email threading and replies', () => {
  it('mails an agent reply with the token, and threads the customer reply back, waking the request', async () => {
    const ticket = await newRequest('E12 错误');
    const sent = await reply(ticket.id, '请断电重启后再试。\n如仍有问题请回复。');
    const mail = sent.parsed;
    expect(sent.envelope.to).toEqual(['zhao@customer.example']);
    expect(mail.messageId).toMatch(new RegExp(`^<qiao\\.${ticket.token}\\.[0-9a-f]+@qiao\\.example>$`));
    expect(mail.inReplyTo).toBe(ticket.customerMessageId);
    expect([mail.references].flat()).toContain(ticket.customerMessageId);
    expect(mail.subject).toBe(`Re: E12 错误 [${ticket.number}#${ticket.token}]`);
    expect(mail.replyTo?.value[0]?.address).toBe('helpdesk@qiao.example');
    expect(mail.from?.value[0]?.address).toBe('helpdesk@qiao.example');
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.headers.has('x-auto-response-suppress')).toBe(false);
    expect(mail.text).toContain('请断电重启后再试');
    expect(mail.html).toContain('请断电重启后再试。<br>');
    await waitFor(async () =>
      t()
        .db.selectFrom('ticket_email')
        .select('id')
        .where('message_id', '=', mail.messageId!)
        .where('status', '=', 'sent')
        .executeTakeFirst(),
    );

    // An internal note is not mailed.
    await agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'internal', body: '内部备注' });
    await agent.post(`/api/v1/tickets/${ticket.id}/transition`, { status: 'waiting_customer' });
    const answer = await receive({
      from: 'zhao@customer.example',
      subject: `回复：${mail.subject}`,
      inReplyTo: mail.messageId!,
      references: [ticket.customerMessageId, mail.messageId!],
      text: '重启后正常了，谢谢',
    });
    expect(answer.ticket_id).toBe(ticket.id);
    expect((await ticketOf(ticket.id)).status).toBe('in_progress');
    const messages = await messagesOf(ticket.id);
    expect(messages.map((m) => [m.kind, m.body])).toEqual([
      ['public', '请断电重启后再试。\n如仍有问题请回复。'],
      ['internal', '内部备注'],
      ['public', '重启后正常了，谢谢'],
    ]);
    expect(messages[2]?.author_contact_id).not.toBeNull();
    expect(upstream.received.filter((r) => r.parsed.subject?.includes(ticket.token))).toHaveLength(1);
  });

  it('threads by the token in the subject alone (a client that drops References)', async () => {
    const ticket = await newRequest('只带主题标记');
    const answer = await receive({
      subject: `Re: 只带主题标记 [${ticket.number}#${ticket.token}]`,
      text: '补充',
    });
    expect(answer.ticket_id).toBe(ticket.id);
  });

  it('never attaches mail with a forged reference or number but without the right token', async () => {
    const victim = await newRequest('别人的请求', '"受害者" <victim@customer.example>');
    const other = await newRequest('另一个请求', '"攻击者" <mallory@evil.example>');
    const forged = [
      // the victim's own Message-ID (guessable or leaked) and the request number, no token
      { inReplyTo: victim.customerMessageId, subject: `Re: ${victim.number}` },
      // a made-up token in our Message-ID format and in the subject
      {
        inReplyTo: `<qiao.aaaaaaaaaaaaaaaa.0123@qiao.example>`,
        subject: `Re: [${victim.number}#aaaaaaaaaaaaaaaa]`,
      },
      // the victim's number next to a token of another request
      { subject: `Re: [${victim.number}#${other.token}]` },
    ];
    for (const f of forged) {
      const mail = await receive({ from: 'mallory@evil.example', text: '把这个请求转给我', ...f });
      expect(mail.status).toBe('imported');
      expect(mail.ticket_id).not.toBe(victim.id);
      expect(mail.ticket_id).not.toBe(other.id);
    }
    expect(await messagesOf(victim.id)).toHaveLength(0);
    expect(await messagesOf(other.id)).toHaveLength(0);
  });

  it('after the reopen window a reply opens a new request that names the old one', async () => {
    await writeSetting(t().db, 'tickets.reopen', { reopenWindowDays: 3 });
    const ticket = await newRequest('早已解决的问题');
    await agent.post(`/api/v1/tickets/${ticket.id}/transition`, { status: 'resolved' });
    await t()
      .db.updateTable('ticket')
      .set({ resolved_at: new Date(Date.now() - 10 * 86_400_000) })
      .where('id', '=', ticket.id)
      .execute();
    const late = await receive({
      subject: `Re: 早已解决的问题 [${ticket.number}#${ticket.token}]`,
      text: '又坏了',
    });
    expect(late.ticket_id).not.toBe(ticket.id);
    const created = await ticketOf(late.ticket_id!);
    expect(created.description).toContain(ticket.number);
    expect(created.description).toContain('又坏了');
    expect((await ticketOf(ticket.id)).status).toBe('resolved');
  });

  it('drops an out-of-office reply to our mail: no message on the request, nothing sent back', async () => {
    const ticket = await newRequest('休假自动回复');
    const sent = await reply(ticket.id, '我们已收到');
    const count = upstream.received.length;
    const oof = await receive({
      subject: `自动回复: ${sent.parsed.subject}`,
      inReplyTo: sent.parsed.messageId!,
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: '我正在休假',
    });
    expect(oof).toMatchObject({ status: 'skipped', skip_reason: 'auto_submitted', ticket_id: null });
    expect(await messagesOf(ticket.id)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(upstream.received).toHaveLength(count);
  });

  it('recognises our own outgoing mail coming back in and does not import it', async () => {
    const ticket = await newRequest('抄送自己');
    const sent = await reply(ticket.id, '抄送测试');
    const result = await processInboundMail(t().db, box.id, sent.raw);
    expect(result.status).toBe('duplicate');
    expect(await messagesOf(ticket.id)).toHaveLength(1);
  });
  it('polls on schedule by itself, and the sweep sends replies that were queued without a job', async () => {
    const messageId = uniqueId();
    await dovecot.append(
      'helpdesk',
      'imap-secret',
      rawMail({ messageId, subject: '定时轮询', text: '无人手动收信' }),
    );
    await boss.send(POLL_QUEUE, {});
    const row = await waitFor(async () =>
      t()
        .db.selectFrom('ticket_email')
        .select(['ticket_id', 'status'])
        .where('message_id', '=', messageId)
        .where('status', '=', 'imported')
        .executeTakeFirst(),
    );

    setEmailQueue(null);
    const before = upstream.received.length;
    await agent.post(`/api/v1/tickets/${row.ticket_id}/messages`, { kind: 'public', body: '稍后发送' });
    setEmailQueue(boss);
    const queued = await t()
      .db.updateTable('ticket_email')
      .set({ created_at: new Date(Date.now() - 120_000) })
      .where('ticket_id', '=', row.ticket_id)
      .where('direction', '=', 'out')
      .returning(['status', 'job_id'])
      .executeTakeFirstOrThrow();
    expect(queued).toEqual({ status: 'queued', job_id: null });
    await boss.send(POLL_QUEUE, {});
    const sent = await waitFor(async () => upstream.received[before]);
    expect(sent.parsed.text).toContain('稍后发送');
  });

  // Last: the failed send is retried later (with backoff), after the other tests have counted their mail.
  it('records a failed send on the mail and keeps it queued for a retry', async () => {
    const admin = await t().admin();
    const ticket = await newRequest('发送失败');
    await admin.patch(`/api/v1/mailboxes/${box.id}`, { smtpPassword: 'wrong' });
    await agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'public', body: '这封会失败' });
    const failed = await waitFor(async () =>
      t()
        .db.selectFrom('ticket_email')
        .select(['status', 'attempts', 'last_error'])
        .where('ticket_id', '=', ticket.id)
        .where('direction', '=', 'out')
        .where('last_error', 'is not', null)
        .executeTakeFirst(),
    );
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed.last_error).toMatch(/invalid username or password|auth/i);
    await admin.patch(`/api/v1/mailboxes/${box.id}`, { smtpPassword: 'smtp-secret' });
  });
});
