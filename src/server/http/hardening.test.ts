import { describe, expect, it } from 'vitest';
import { buildPortalContact, buildUser, ticketTypeId, unique } from '../test/factories.ts';
import { errorCode, setupTestApp } from '../test/test-app.ts';

const t = setupTestApp();

describe('who may choose what on a new request', () => {
  it('an agent without ticket.assign cannot name an assignee; the queue rules decide', async () => {
    const { client, userId } = await buildUser(t(), { permissions: ['ticket.read', 'ticket.create'] });
    const typeId = await ticketTypeId(t());
    const chosen = await client.post('/api/v1/tickets', {
      typeId,
      subject: '指定处理人',
      assigneeId: userId,
    });
    expect(chosen.status).toBe(403);
    expect(errorCode(chosen.body)).toBe('FORBIDDEN');
    expect(
      await t().db.selectFrom('ticket').select('id').where('subject', '=', '指定处理人').execute(),
    ).toEqual([]);
    expect((await client.post('/api/v1/tickets', { typeId, subject: '不指定处理人' })).status).toBe(201);
    const assigner = await buildUser(t(), { permissions: ['ticket.read', 'ticket.create', 'ticket.assign'] });
    const assigned = await assigner.client.post<{ assigneeId: number }>('/api/v1/tickets', {
      typeId,
      subject: '分派者指定',
      assigneeId: userId,
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body.assigneeId).toBe(userId);
  });

  it('the portal creates only the request types it offers', async () => {
    const { client } = await buildPortalContact(t());
    const offered = await client.get<{ id: number; code: string }[]>('/api/portal/ticket-types');
    expect(offered.body.map((type) => type.code)).not.toContain('care_visit');
    const careVisit = await ticketTypeId(t(), 'care_visit');
    const res = await client.post('/api/portal/tickets', {
      typeId: careVisit,
      subject: '想要一次关怀回访',
      description: '门户不该能选这个类型',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'typeId' }] } } });
    const ok = await client.post('/api/portal/tickets', {
      typeId: offered.body[0]?.id,
      subject: '普通咨询',
      description: '门户提供的类型',
    });
    expect(ok.status).toBe(201);
  });
});

describe('mailbox names', () => {
  it('refuses line breaks and other control characters', async () => {
    const admin = await t().admin();
    for (const name of ['售后\r\nBcc: x@example.com', '售后\n邮箱', 'tab\there', 'bell\u0007']) {
      const res = await admin.post('/api/v1/mailboxes', { name, address: `box${unique()}@example.com` });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body).toMatchObject({ error: { details: { issues: [{ field: 'body.name' }] } } });
    }
  });
});

describe('metrics and browser policies', () => {
  it('/api/metrics needs a signed-in administrator or an API token with settings.read', async () => {
    expect((await fetch(`${t().url}/api/metrics`)).status).toBe(401);
    const { client } = await buildUser(t(), { permissions: ['api_token.use'] });
    expect((await client.get('/api/metrics')).status).toBe(403);
    const admin = await t().admin();
    const created = await admin.post<{ token: string }>('/api/v1/me/api-tokens', { name: 'prometheus' });
    const scraper = await fetch(`${t().url}/api/metrics`, {
      headers: { authorization: `Bearer ${created.body.token}` },
    });
    expect(scraper.status).toBe(200);
    expect(await scraper.text()).toContain('qiao_http_requests_total');
  });

  it('turns off camera, microphone and location, and loads no remote images', async () => {
    const res = await fetch(`${t().url}/api/health`);
    const policy = res.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) {
      expect(policy).toContain(feature);
    }
    const csp = res.headers.get('content-security-policy') ?? '';
    const imgSrc = csp.split(';').find((d) => d.trim().startsWith('img-src')) ?? '';
    expect(imgSrc.trim()).toBe("img-src 'self' data: blob:");
  });
});
