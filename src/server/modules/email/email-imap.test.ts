import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailView, MailboxPollResult, MailboxView } from '../../../shared/schemas/email.ts';
import { type Dovecot, startDovecot } from '../../test/dovecot.ts';
import { buildContact, buildMailbox } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { rawMail, uniqueId } from './email.fixtures.ts';
import { allowMailHosts } from './outbound-target.ts';

const t = setupTestApp();
let dovecot: Dovecot;
let n = 0;

beforeAll(async () => {
  dovecot = await startDovecot();
  // The private Dovecot listens on loopback, which mailboxes may reach only when allowed by name.
  allowMailHosts([dovecot.host]);
});
afterAll(async () => {
  await dovecot?.stop();
});

/** A fresh IMAP account and a Qiao mailbox polling it. */
async function mailbox(extra: Record<string, unknown> = {}) {
  n++;
  const user = `support${n}`;
  await dovecot.addUser(user, 'imap-secret');
  const admin = await t().admin();
  const box = await buildMailbox(t(), {
    address: `${user}@qiao.example`,
    imapHost: dovecot.host,
    imapPort: dovecot.port,
    imapUser: user,
    imapPassword: 'imap-secret',
    ...extra,
  });
  const deliver = (raw: string, folder?: string) => dovecot.append(user, 'imap-secret', raw, folder);
  const poll = async () => (await admin.post<MailboxPollResult>(`/api/v1/mailboxes/${box.id}/poll`)).body;
  return { admin, box, user, deliver, poll };
}

const ticketsWithSubject = (subject: string) =>
  t()
    .db.selectFrom('ticket')
    .leftJoin('contact', 'contact.id', 'ticket.contact_id')
    .select([
      'ticket.id',
      'ticket.channel',
      'ticket.status',
      'ticket.description',
      'ticket.contact_id',
      'contact.name as contact_name',
      'contact.email as contact_email',
    ])
    .where('ticket.subject', '=', subject)
    .execute();

describe('inbound mail over IMAP (real Dovecot)', () => {
  it('registers a new mail as an email request from a new contact, and matches a known contact by address', async () => {
    const { deliver, poll, user } = await mailbox();
    await deliver(
      rawMail({
        from: '"王女士" <Wang.New@customer.example>',
        subject: '打印机无法开机',
        text: '按电源键没有反应。',
      }),
    );
    expect(await poll()).toMatchObject({ fetched: 1, imported: 1, skipped: 0, failed: 0, error: null });
    const [ticket] = await ticketsWithSubject('打印机无法开机');
    expect(ticket).toMatchObject({
      channel: 'email',
      status: 'new',
      contact_name: '王女士',
      contact_email: 'wang.new@customer.example',
    });
    expect(ticket?.description).toContain('按电源键没有反应');
    const thread = await t()
      .db.selectFrom('ticket_email_thread')
      .select('token')
      .where('ticket_id', '=', ticket!.id)
      .executeTakeFirstOrThrow();
    expect(thread.token).toMatch(/^[a-z2-7]{16}$/);

    // Processed mail is marked \Seen on the server.
    const client = await dovecot.connect(user, 'imap-secret');
    const lock = await client.getMailboxLock('INBOX');
    expect(await client.search({ seen: false })).toEqual([]);
    lock.release();
    await client.logout();

    const known = await buildContact(t(), {
      customerId: null,
      name: '李工',
      email: 'li.known@customer.example',
    });
    await deliver(rawMail({ from: 'LI.Known@Customer.example', subject: '已有联系人的来信' }));
    await poll();
    const [matched] = await ticketsWithSubject('已有联系人的来信');
    expect(matched?.contact_id).toBe(known.id);
  });

  it('imports a mail delivered twice only once, and a second poll fetches nothing new', async () => {
    const { deliver, poll } = await mailbox();
    const mail = rawMail({ subject: '重复投递的邮件', messageId: uniqueId() });
    await deliver(mail);
    await deliver(mail);
    expect(await poll()).toMatchObject({ fetched: 2, imported: 1 });
    expect(await poll()).toMatchObject({ fetched: 0, imported: 0 });
    expect(await ticketsWithSubject('重复投递的邮件')).toHaveLength(1);
  });

  it('keeps HTML mail only in sanitised form: no scripts, handlers, frames, styles or remote images', async () => {
    const { admin, deliver, poll } = await mailbox();
    await deliver(
      rawMail({
        subject: 'HTML 邮件',
        html:
          '<html><head><style>body{display:none}</style></head><body onload="steal()">' +
          '<p style="color:red">您好，<b>设备</b>故障<script>alert(1)</script></p>' +
          '<img src="https://tracker.example/pixel.gif" onerror="alert(2)">' +
          '<iframe src="https://evil.example"></iframe>' +
          '<a href="javascript:alert(3)">点我</a> <a href="https://help.example/faq" onclick="x()">常见问题</a>' +
          '</body></html>',
      }),
    );
    await poll();
    const [ticket] = await ticketsWithSubject('HTML 邮件');
    expect(ticket?.description).toContain('设备');
    expect(ticket?.description).not.toContain('alert');
    const emails = (await admin.get<EmailView[]>(`/api/v1/tickets/${ticket!.id}/emails`)).body;
    const html = emails[0]?.html ?? '';
    expect(html).toContain('<b>设备</b>');
    expect(html).toContain('href="https://help.example/faq"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    for (const bad of [
      '<script',
      'alert',
      'onerror',
      'onload',
      'onclick',
      '<iframe',
      'style',
      'javascript:',
      'tracker.example',
    ])
      expect(html).not.toContain(bad);
  });

  it('skips auto-replies, bulk mail and bounces: no request, nothing sent back', async () => {
    const { admin, box, deliver, poll } = await mailbox();
    const before = await t().db.selectFrom('ticket').select('id').execute();
    await deliver(rawMail({ subject: '自动回复：休假中', headers: { 'Auto-Submitted': 'auto-replied' } }));
    await deliver(rawMail({ subject: 'Out of office', headers: { 'X-Autoreply': 'yes' } }));
    await deliver(rawMail({ subject: 'OOF', headers: { 'X-Auto-Response-Suppress': 'All' } }));
    await deliver(rawMail({ subject: 'Newsletter', headers: { Precedence: 'bulk' } }));
    await deliver(rawMail({ subject: 'Null sender', headers: { 'Return-Path': '<>' } }));
    await deliver(
      rawMail({
        from: 'MAILER-DAEMON@mx.customer.example',
        subject: 'Undelivered Mail Returned to Sender',
        text: 'This is the mail system.',
      }),
    );
    await deliver(rawMail({ from: box.address, subject: '来自本邮箱' }));
    expect(await poll()).toMatchObject({ fetched: 7, imported: 0, skipped: 7 });
    expect(await t().db.selectFrom('ticket').select('id').execute()).toHaveLength(before.length);
    const log = (await admin.get<EmailView[]>(`/api/v1/mailboxes/${box.id}/log?status=skipped`)).body;
    expect(log.map((e) => e.skipReason).sort()).toEqual(
      ['auto_reply', 'auto_reply', 'auto_submitted', 'bounce', 'bounce', 'bulk', 'own_mailbox'].sort(),
    );
    const outbound = await t()
      .db.selectFrom('ticket_email')
      .select('id')
      .where('direction', '=', 'out')
      .execute();
    expect(outbound).toHaveLength(0);
  });

  it('reads a folder again when its UIDVALIDITY changes, without importing old mail twice', async () => {
    const { deliver, poll, user, box } = await mailbox({ imapFolder: 'Support' });
    const client = await dovecot.connect(user, 'imap-secret');
    await client.mailboxCreate('Support');
    const first = rawMail({ subject: 'UIDVALIDITY 之前' });
    await deliver(first, 'Support');
    expect(await poll()).toMatchObject({ imported: 1 });
    const before = await t()
      .db.selectFrom('mailbox')
      .select(['uidvalidity', 'last_uid'])
      .where('id', '=', box.id)
      .executeTakeFirstOrThrow();
    expect(before.last_uid).toBe(1);

    // The folder is recreated: UIDs restart at 1 under a new UIDVALIDITY.
    await client.mailboxDelete('Support');
    await client.mailboxCreate('Support');
    await client.logout();
    await deliver(rawMail({ subject: 'UIDVALIDITY 之后' }), 'Support');
    await deliver(first, 'Support');
    expect(await poll()).toMatchObject({ fetched: 2, imported: 1 });
    const after = await t()
      .db.selectFrom('mailbox')
      .select(['uidvalidity', 'last_uid'])
      .where('id', '=', box.id)
      .executeTakeFirstOrThrow();
    expect(after.uidvalidity).not.toBe(before.uidvalidity);
    expect(after.last_uid).toBe(2);
    expect(await ticketsWithSubject('UIDVALIDITY 之后')).toHaveLength(1);
    expect(await ticketsWithSubject('UIDVALIDITY 之前')).toHaveLength(1);
  });

  // Last in the file: after a failed login Dovecot slows further logins from the same IP (auth penalty).
  it('records wrong IMAP credentials on the mailbox and reports them from the connection test', async () => {
    const { admin, box } = await mailbox();
    await admin.patch(`/api/v1/mailboxes/${box.id}`, { imapPassword: 'wrong' });
    const result = await admin.post<MailboxPollResult>(`/api/v1/mailboxes/${box.id}/poll`);
    expect(result.body.error).toMatch(/auth/i);
    const saved = (await admin.get<MailboxView>(`/api/v1/mailboxes/${box.id}`)).body;
    expect(saved.lastError).toMatch(/auth/i);
    expect(saved.lastErrorAt).not.toBeNull();

    const test = await admin.post<{ error: { details: { imap: string | null } } }>(
      `/api/v1/mailboxes/${box.id}/test`,
    );
    expect(test.status).toBe(400);
    expect(errorCode(test.body)).toBe('MAILBOX_CONNECTION_FAILED');
    expect(test.body.error.details.imap).toMatch(/auth/i);

    await admin.patch(`/api/v1/mailboxes/${box.id}`, { imapPassword: 'imap-secret' });
    const ok = await admin.post(`/api/v1/mailboxes/${box.id}/test`);
    expect(ok).toMatchObject({ status: 200, body: { ok: true, imap: 'ok', smtp: 'skipped' } });
    await admin.post(`/api/v1/mailboxes/${box.id}/poll`);
    expect((await admin.get<MailboxView>(`/api/v1/mailboxes/${box.id}`)).body.lastError).toBeNull();
  });
});
