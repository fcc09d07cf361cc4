import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import { buildContact, buildPortalContact, linkTokenSentTo, portalSignIn } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { issueFormToken } from './public-form.service.ts';

const t = setupTestApp();

/** Customers of this file sign up for 宁波海达贸易有限公司. */
const registeredCustomer = { company: '宁波海达贸易有限公司' };

describe('portal accounts', () => {
  it('self-signup needs email verification, where the password is chosen; the link works once; the portal is separate from staff sign-in', async () => {
    const client = t().client();
    await client.post('/api/portal/register', { name: '李先生', email: 'li@example.com' });
    const mail = await t()
      .db.selectFrom('outbound_message')
      .selectAll()
      .where('recipient', '=', 'li@example.com')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('请验证您的邮箱');
    // The log shows the link hidden; the sealed copy that is sent carries it.
    expect(mail.body).toContain('[一次性链接已隐藏]');
    expect(mail.body).not.toContain('token=');
    const token = await linkTokenSentTo(t(), 'li@example.com');
    // Until the link is opened the account has no password at all.
    expect(
      (await client.post('/api/portal/login', { email: 'li@example.com', password: 'Kehu-2026!' })).status,
    ).toBe(401);
    expect((await client.post('/api/portal/verify', { token, password: 'Kehu-2026!' })).status).toBe(200);
    expect(errorCode((await client.post('/api/portal/verify', { token, password: 'Kehu-2026!' })).body)).toBe(
      'TOKEN_INVALID',
    );
    expect((await portalSignIn(client, 'li@example.com', 'Kehu-2026!')).status).toBe(200);
    const me = await client.get<{ contact: { name: string } }>('/api/portal/me');
    expect(me.body.contact.name).toBe('李先生');
    // A portal session opens no staff API, and a staff session opens no portal API.
    expect((await client.get('/api/v1/tickets')).status).toBe(401);
    expect((await (await t().admin()).get('/api/portal/me')).status).toBe(401);
  });

  it('registering a known address reveals nothing and sends the owner a reset link instead', async () => {
    await buildPortalContact(t(), { ...registeredCustomer, email: 'known@example.com' });
    const before = await t()
      .db.selectFrom('outbound_message')
      .select('id')
      .where('recipient', '=', 'known@example.com')
      .execute();
    const again = await t()
      .client()
      .post('/api/portal/register', { name: '冒充者', email: 'known@example.com', password: 'Other-2026!' });
    expect(again.status).toBe(202);
    const after = await t()
      .db.selectFrom('outbound_message')
      .select(['id', 'subject'])
      .where('recipient', '=', 'known@example.com')
      .orderBy('id')
      .execute();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.subject).toContain('重置密码');
    expect(
      (await t().client().post('/api/portal/login', { email: 'known@example.com', password: 'Other-2026!' }))
        .status,
    ).toBe(401);
  });

  it('password reset by email ends open sessions; staff can invite a contact', async () => {
    const { client } = await buildPortalContact(t(), { ...registeredCustomer, email: 'reset@example.com' });
    await t().client().post('/api/portal/password/forgot', { email: 'reset@example.com' });
    await t().client().post('/api/portal/password/forgot', { email: 'nobody@example.com' });
    expect(
      await t()
        .db.selectFrom('outbound_message')
        .select('id')
        .where('recipient', '=', 'nobody@example.com')
        .executeTakeFirst(),
    ).toBeUndefined();
    const res = await t()
      .client()
      .post('/api/portal/password/reset', {
        token: await linkTokenSentTo(t(), 'reset@example.com'),
        password: 'Neue-2026!x',
      });
    expect(res.status).toBe(200);
    expect((await client.get('/api/portal/me')).status).toBe(401);
    expect((await portalSignIn(t().client(), 'reset@example.com', 'Neue-2026!x')).status).toBe(200);

    const admin = await t().admin();
    const contact = await buildContact(t(), { customerId: null, name: '赵总', email: 'zhao@example.com' });
    expect((await admin.post(`/api/v1/contacts/${contact.id}/portal-invitation`)).status).toBe(201);
    const invite = await t()
      .db.selectFrom('outbound_message')
      .selectAll()
      .where('recipient', '=', 'zhao@example.com')
      .executeTakeFirstOrThrow();
    expect(invite.subject).toContain('邀请您使用客户服务门户');
    await t()
      .client()
      .post('/api/portal/password/reset', {
        token: await linkTokenSentTo(t(), 'zhao@example.com'),
        password: 'Zhao-2026!!',
      });
    expect((await portalSignIn(t().client(), 'zhao@example.com', 'Zhao-2026!!')).status).toBe(200);
  });
});

describe('requests in the portal', () => {
  it('a customer submits, follows, replies and rates; sees only public replies and only their own requests', async () => {
    const { client: customer } = await buildPortalContact(t(), {
      ...registeredCustomer,
      email: 'wang@example.com',
    });
    const { client: other } = await buildPortalContact(t(), {
      ...registeredCustomer,
      email: 'zhou@example.com',
      name: '周先生',
    });
    const created = await customer.post<{ id: number; number: string; status: string }>(
      '/api/portal/tickets',
      {
        subject: '快递显示签收但未收到',
        description: '运单 SF1234567890 显示已签收，但我没有收到货。',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('new');
    expect((await other.get(`/api/portal/tickets/${created.body.id}`)).status).toBe(404);
    expect((await other.get(`/api/portal/tickets/${created.body.id}/messages`)).status).toBe(404);
    expect((await other.post(`/api/portal/tickets/${created.body.id}/messages`, { body: 'x' })).status).toBe(
      404,
    );

    const admin = await t().admin();
    const staffView = await admin.get<TicketView>(`/api/v1/tickets/${created.body.id}`);
    expect(staffView.body).toMatchObject({
      channel: 'web',
      contactName: '王女士',
      customerName: '宁波海达贸易有限公司',
    });
    await admin.post(`/api/v1/tickets/${created.body.id}/messages`, {
      kind: 'internal',
      body: '内部：联系顺丰核实签收人',
    });
    await admin.post(`/api/v1/tickets/${created.body.id}/messages`, {
      kind: 'public',
      body: '您好，我们正在与顺丰核实签收情况。',
    });
    const seen = await customer.get<{ body: string; fromCustomer: boolean }[]>(
      `/api/portal/tickets/${created.body.id}/messages`,
    );
    expect(seen.body.map((m) => m.body)).toEqual(['您好，我们正在与顺丰核实签收情况。']);

    expect(
      errorCode((await customer.post(`/api/portal/tickets/${created.body.id}/rating`, { score: 5 })).body),
    ).toBe('NOT_RATEABLE');
    await customer.post(`/api/portal/tickets/${created.body.id}/messages`, { body: '好的，谢谢' });
    await admin.post(`/api/v1/tickets/${created.body.id}/transition`, { status: 'resolved' });
    const rated = await customer.post(`/api/portal/tickets/${created.body.id}/rating`, {
      score: 4,
      comment: '处理及时',
    });
    expect(rated.status).toBe(200);
    const list = await customer.get<{ items: { id: number; satisfaction: number; canRate: boolean }[] }>(
      '/api/portal/tickets',
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, satisfaction: 4, canRate: false }),
    ]);
    const messages = await admin.get<{ body: string; authorName: string }[]>(
      `/api/v1/tickets/${created.body.id}/messages`,
    );
    expect(messages.body.at(-1)).toMatchObject({ body: '好的，谢谢', authorName: '王女士' });
  });

  it('portal writes need the CSRF token', async () => {
    const { client: customer } = await buildPortalContact(t(), {
      ...registeredCustomer,
      email: 'csrf@example.com',
    });
    customer.csrfToken = undefined;
    const res = await customer.post('/api/portal/tickets', { subject: 'x', description: 'y' });
    expect(errorCode(res.body)).toBe('CSRF_INVALID');
  });
});

describe('the public request form', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    name: '陈先生',
    email: 'chen.public@example.com',
    subject: '咨询冷链运输报价',
    description: '上海到成都，冷藏 2 吨，每周一次。',
    // The token the page fetched when a person opened the form half a minute ago.
    formToken: issueFormToken(new Date(Date.now() - 30_000)),
    ...over,
  });

  it('creates a request and acknowledges it by email; rejects bots and floods', async () => {
    const client = t().client();
    const ok = await client.post<{ number: string }>('/api/public/requests', form());
    expect(ok.status).toBe(202);
    expect(ok.body.number).toMatch(/^SR-/);
    const ack = await t()
      .db.selectFrom('outbound_message')
      .selectAll()
      .where('recipient', '=', 'chen.public@example.com')
      .executeTakeFirstOrThrow();
    expect(ack.subject).toBe(`您的服务请求 ${ok.body.number} 已受理，请确认`);

    const bot = await client.post<{ number: null }>(
      '/api/public/requests',
      form({ website: 'http://spam.example', subject: '机器人' }),
    );
    expect(bot.body.number).toBeNull();
    expect(
      await t().db.selectFrom('ticket').select('id').where('subject', '=', '机器人').executeTakeFirst(),
    ).toBeUndefined();
    const shown = await client.get<{ formToken: string }>('/api/public/requests/form');
    const fast = await client.post('/api/public/requests', form({ formToken: shown.body.formToken }));
    expect(errorCode(fast.body)).toBe('SUBMISSION_REJECTED');

    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await client.post('/api/public/requests', form({ subject: `第 ${i} 次` }))).status);
    expect(statuses.slice(0, 4)).toEqual([202, 202, 202, 202]);
    expect(statuses.at(-1)).toBe(429);
  });
});
