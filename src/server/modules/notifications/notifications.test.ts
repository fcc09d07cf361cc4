import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { buildTicket, buildUser } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { deliverPending } from './delivery.service.ts';
import { queueMessage } from './notifications.service.ts';

const t = setupTestApp();

interface Notifications {
  items: { id: number; kind: string; title: string; body: string; link: string; readAt: string | null }[];
  unread: number;
}

describe('in-app notifications', () => {
  it('an @mention in an internal note notifies that colleague, who can mark it read', async () => {
    const admin = await t().admin();
    const colleague = await buildUser(t(), { permissions: ['ticket.read'], name: 'lina' });
    const ticket = await buildTicket(t(), { subject: '运费争议' });
    await admin.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'internal',
      body: '@lina 请帮忙核对运费单',
    });
    const inbox = await colleague.client.get<Notifications>('/api/v1/notifications');
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({
      kind: 'ticket.mention',
      title: `系统管理员 在 ${ticket.number} 中提到了您`,
      body: '@lina 请帮忙核对运费单',
      link: `/tickets/${ticket.id}`,
    });
    await colleague.client.post('/api/v1/notifications/read', {});
    expect((await colleague.client.get<Notifications>('/api/v1/notifications')).body.unread).toBe(0);
    // Nobody else hears of it.
    expect(
      (await admin.get<Notifications>('/api/v1/notifications')).body.items.some(
        (n) => n.kind === 'ticket.mention',
      ),
    ).toBe(false);
  });

  it('assigning a request notifies the new assignee in their language', async () => {
    const admin = await t().admin();
    const agent = await buildUser(t(), { permissions: ['ticket.read', 'ticket.update'] });
    await agent.client.patch('/api/auth/me', { locale: 'en' });
    const ticket = await buildTicket(t(), { type: 'repair', subject: '空调不制冷' });
    await admin.post(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: agent.userId });
    const inbox = await agent.client.get<Notifications>('/api/v1/notifications');
    expect(inbox.body.items[0]?.title).toBe(`${ticket.number} was assigned to you`);
  });
});

describe('email and SMS delivery', () => {
  it('logs messages when no provider is configured, and sends through SMTP once configured', async () => {
    const db = t().db;
    const vars = {
      'contact.name': '陈先生',
      'ticket.number': 'SR-1',
      'ticket.subject': '发票',
      'organisation.name': '华东联运',
    };
    await queueMessage(db, {
      channel: 'sms',
      to: '13800000000',
      key: 'ticket.received',
      locale: 'zh-CN',
      vars,
    });
    await queueMessage(db, {
      channel: 'email',
      to: 'chen@example.com',
      key: 'ticket.received',
      locale: 'zh-CN',
      vars,
    });
    expect(await deliverPending(db)).toBe(2);
    const logged = await db.selectFrom('outbound_message').selectAll().orderBy('id').execute();
    expect(logged.map((m) => m.status)).toEqual(['logged', 'logged']);
    expect(logged[0]?.body).toBe('【华东联运】您的服务请求已受理，编号SR-1。');

    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString();
        });
        stream.on('end', () => {
          received.push(data);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      await writeSetting(db, 'mail.smtp', {
        host: '127.0.0.1',
        port,
        secure: false,
        from: 'service@example.com',
      });
      await queueMessage(db, {
        channel: 'email',
        to: 'chen@example.com',
        key: 'ticket.received',
        locale: 'en',
        vars,
      });
      expect(await deliverPending(db)).toBe(1);
      const sent = await db
        .selectFrom('outbound_message')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(sent).toMatchObject({
        status: 'sent',
        provider: `smtp:127.0.0.1`,
        subject: 'Your request SR-1 has been received',
      });
      expect(received.join('')).toContain('Subject: Your request SR-1 has been received');
      expect(received.join('')).toContain('To: chen@example.com');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    // A dead SMTP server: the failure is recorded and retried later, not lost.
    await writeSetting(db, 'mail.smtp', {
      host: '127.0.0.1',
      port: 1,
      secure: false,
      from: 'service@example.com',
    });
    await queueMessage(db, {
      channel: 'email',
      to: 'x@example.com',
      key: 'ticket.received',
      locale: 'en',
      vars,
    });
    await deliverPending(db, undefined, 1);
    const failed = await db
      .selectFrom('outbound_message')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error).toBeTruthy();
  });

  it('administrators override a template per channel and language', async () => {
    const admin = await t().admin();
    const res = await admin.put('/api/v1/message-templates', {
      key: 'ticket.received',
      channel: 'sms',
      locale: 'zh-CN',
      body: '【{{organisation.name}}】已收到您的请求{{ticket.number}}，客服热线 400-820-8820。',
    });
    expect(res.status).toBe(200);
    await queueMessage(t().db, {
      channel: 'sms',
      to: '13900000000',
      key: 'ticket.received',
      locale: 'zh-CN',
      vars: { 'organisation.name': '华东联运', 'ticket.number': 'SR-2' },
    });
    const msg = await t()
      .db.selectFrom('outbound_message')
      .select('body')
      .where('recipient', '=', '13900000000')
      .executeTakeFirstOrThrow();
    expect(msg.body).toBe('【华东联运】已收到您的请求SR-2，客服热线 400-820-8820。');
    const list =
      await admin.get<{ key: string; channel: string; locale: string; customised: boolean }[]>(
        '/api/v1/message-templates',
      );
    expect(
      list.body.find((x) => x.key === 'ticket.received' && x.channel === 'sms' && x.locale === 'zh-CN')
        ?.customised,
    ).toBe(true);
    expect(
      (await admin.put('/api/v1/message-templates', { key: 'nope', channel: 'sms', locale: 'en', body: 'x' }))
        .status,
    ).toBe(404);
  });
});
