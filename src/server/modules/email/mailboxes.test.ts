import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxView } from '../../../shared/schemas/email.ts';
import { open } from '../../crypto/secret-box.ts';
import { buildMailbox, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { rawMail } from './email.fixtures.ts';
import { type SmtpListener, startSmtpListener } from './smtp-listener.ts';

const t = setupTestApp();

describe('mailbox administration', () => {
  it('keeps passwords write-only and encrypted at rest, and audits changes without them', async () => {
    const admin = await t().admin();
    const box = await buildMailbox(t(), {
      address: 'Service@Qiao.example',
      imapHost: 'imap.qiao.example',
      imapUser: 'service',
      imapPassword: 'imap-pa55',
      smtpHost: 'smtp.qiao.example',
      smtpPassword: 'smtp-pa55',
    });
    expect(box).toMatchObject({
      address: 'service@qiao.example',
      hasImapPassword: true,
      hasSmtpPassword: true,
    });
    expect(JSON.stringify(box)).not.toContain('pa55');
    const list = await admin.get<MailboxView[]>('/api/v1/mailboxes');
    expect(JSON.stringify(list.body)).not.toMatch(/pa55|password_enc|imapPassword/);

    const row = await t()
      .db.selectFrom('mailbox')
      .select(['imap_password_enc', 'smtp_password_enc'])
      .where('id', '=', box.id)
      .executeTakeFirstOrThrow();
    expect(row.imap_password_enc).toMatch(/^v1\./);
    expect(row.imap_password_enc).not.toContain('pa55');
    expect(open(row.imap_password_enc!)).toBe('imap-pa55');
    expect(open(row.smtp_password_enc!)).toBe('smtp-pa55');

    // Leaving a password out keeps it; null clears it.
    const renamed = await admin.patch<MailboxView>(`/api/v1/mailboxes/${box.id}`, { name: '售后邮箱' });
    expect(renamed.body).toMatchObject({ name: '售后邮箱', hasImapPassword: true });
    const cleared = await admin.patch<MailboxView>(`/api/v1/mailboxes/${box.id}`, { smtpPassword: null });
    expect(cleared.body).toMatchObject({ hasImapPassword: true, hasSmtpPassword: false });

    const audit = await t()
      .db.selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'mailbox')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['mailbox.create', 'mailbox.update', 'mailbox.update']);
    expect(JSON.stringify(audit)).not.toContain('pa55');

    const again = await admin.post('/api/v1/mailboxes', { name: 'x', address: 'SERVICE@qiao.example' });
    expect(again.status).toBe(409);
    expect(errorCode(again.body)).toBe('MAILBOX_ADDRESS_TAKEN');

    expect((await admin.delete(`/api/v1/mailboxes/${box.id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/mailboxes/${box.id}`)).status).toBe(404);
  });

  it('is closed to users without mailbox.manage', async () => {
    const box = await buildMailbox(t(), { address: 'closed@qiao.example' });
    const { client } = await buildUser(t(), {
      permissions: ['ticket.read', 'ticket.update', 'ticket.reply'],
    });
    for (const [method, path] of [
      ['GET', '/api/v1/mailboxes'],
      ['POST', '/api/v1/mailboxes'],
      ['GET', `/api/v1/mailboxes/${box.id}`],
      ['PATCH', `/api/v1/mailboxes/${box.id}`],
      ['DELETE', `/api/v1/mailboxes/${box.id}`],
      ['POST', `/api/v1/mailboxes/${box.id}/test`],
      ['POST', `/api/v1/mailboxes/${box.id}/poll`],
      ['GET', `/api/v1/mailboxes/${box.id}/log`],
    ] as const) {
      const res = await client.request(
        method,
        path,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }
  });

  it('npm test installs Dovecot for these tests', () => {
    expect(readFileSync('scripts/system-packages.ts', 'utf8')).toMatch(/apt: 'dovecot-imapd'/);
  });
});

describe('SMTP listener', () => {
  let listener: SmtpListener;
  beforeAll(async () => {
    listener = await startSmtpListener(t().db, { port: 0, host: '127.0.0.1', maxBytes: 20_000 });
    await buildMailbox(t(), { address: 'intake@qiao.example' });
  });
  afterAll(async () => {
    await listener?.close();
  });
  const send = (envelope: { from: string; to: string[] }, raw: string) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true })
      .sendMail({ envelope, raw });

  it('accepts mail for configured mailboxes only, within the size limit, through the same intake', async () => {
    const raw = rawMail({
      from: 'smtp.sender@customer.example',
      to: 'intake@qiao.example',
      subject: 'SMTP 来信',
    });
    await send({ from: 'smtp.sender@customer.example', to: ['intake@qiao.example'] }, raw);
    const ticket = await t()
      .db.selectFrom('ticket')
      .select(['channel'])
      .where('subject', '=', 'SMTP 来信')
      .executeTakeFirstOrThrow();
    expect(ticket.channel).toBe('email');

    await expect(
      send({ from: 'a@customer.example', to: ['nobody@qiao.example'] }, raw),
    ).rejects.toMatchObject({
      responseCode: 550,
    });
    const big = rawMail({ subject: '太大', text: 'x'.repeat(40_000) });
    await expect(
      send({ from: 'a@customer.example', to: ['intake@qiao.example'] }, big),
    ).rejects.toMatchObject({
      responseCode: 552,
    });
  });

  it('takes a bounce (null sender) without making a request of it', async () => {
    const raw = rawMail({ from: 'someone@customer.example', subject: 'Delivery Status Notification' });
    await send({ from: '', to: ['intake@qiao.example'] }, raw);
    const row = await t()
      .db.selectFrom('ticket_email')
      .select(['status', 'skip_reason', 'ticket_id'])
      .where('subject', '=', 'Delivery Status Notification')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'skipped', skip_reason: 'bounce', ticket_id: null });
  });
});
