import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import type { ApiClient } from '../../test/api-client.ts';
import {
  buildCustomer,
  buildTeam,
  buildUser,
  buildUsers,
  ticketTypeId,
  type UserSpec,
} from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

const agent = { permissions: ['ticket.read', 'ticket.update', 'ticket.reply'] } satisfies UserSpec;

async function clearRules(admin: ApiClient) {
  const rules = await admin.get<{ id: number }[]>('/api/v1/assignment-rules');
  for (const r of rules.body) await admin.delete(`/api/v1/assignment-rules/${r.id}`);
}

describe('assignment rules', () => {
  it('round-robin shares concurrent requests evenly and skips agents marked away', async () => {
    const admin = await t().admin();
    await clearRules(admin);
    const [a, b, c, away] = await buildUsers(t(), 4, agent);
    const hotline = await buildTeam(t(), {
      name: '热线组',
      members: [
        { userId: a!.userId },
        { userId: b!.userId },
        { userId: c!.userId },
        { userId: away!.userId, isAway: true },
      ],
    });
    await admin.post('/api/v1/assignment-rules', {
      name: '热线轮流分配',
      strategy: 'round_robin',
      teamId: hotline.id,
      conditions: { channels: ['phone'] },
    });
    const inquiry = await ticketTypeId(t(), 'inquiry');
    const created = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        admin.post<TicketView>('/api/v1/tickets', {
          channel: 'phone',
          typeId: inquiry,
          subject: `来电 ${i}`,
        }),
      ),
    );
    const counts = new Map<number, number>();
    for (const res of created) {
      expect(res.body.status).toBe('assigned');
      expect(res.body.teamId).toBe(hotline.id);
      counts.set(res.body.assigneeId!, (counts.get(res.body.assigneeId!) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([3, 3, 3]);
    expect(counts.has(away!.userId)).toBe(false);

    // A rule for phone does not catch email.
    const email = await admin.post<TicketView>('/api/v1/tickets', {
      channel: 'email',
      typeId: inquiry,
      subject: '邮件咨询',
    });
    expect(email.body.assigneeId).toBeNull();
    expect(email.body.status).toBe('new');

    // An agent going away is skipped from then on.
    await a!.client.post('/api/v1/me/away', { isAway: true });
    const next = await Promise.all(
      Array.from({ length: 4 }, () =>
        admin.post<TicketView>('/api/v1/tickets', { channel: 'phone', typeId: inquiry, subject: '午间来电' }),
      ),
    );
    expect(next.map((r) => r.body.assigneeId)).not.toContain(a!.userId);
  });

  it("assigns the customer's exclusive advisor first, else the team", async () => {
    const admin = await t().admin();
    await clearRules(admin);
    const [advisor, fallback] = await buildUsers(t(), 2, agent);
    const vip = await buildTeam(t(), {
      name: '大客户组',
      members: [{ userId: fallback!.userId }],
    });
    await admin.post('/api/v1/assignment-rules', {
      name: 'A 类客户找专属顾问',
      strategy: 'advisor_first',
      teamId: vip.id,
      conditions: { customerClasses: ['A'] },
    });
    const customer = await buildCustomer(t(), {
      code: 'KH-A-001',
      name: '上海宏达机械有限公司',
      class: 'A',
      advisorUserId: advisor!.userId,
    });
    const res = await admin.post<TicketView>('/api/v1/tickets', {
      typeId: await ticketTypeId(t(), 'repair'),
      subject: '设备异响',
      customerId: customer.id,
    });
    expect(res.body.assigneeId).toBe(advisor!.userId);

    await t()
      .db.insertInto('team_member')
      .values({ team_id: vip.id, user_id: advisor!.userId, is_away: true })
      .execute();
    const whileAway = await admin.post<TicketView>('/api/v1/tickets', {
      typeId: await ticketTypeId(t(), 'repair'),
      subject: '设备漏油',
      customerId: customer.id,
    });
    expect(whileAway.body.assigneeId).toBe(fallback!.userId);
  });

  it('least-loaded and skills strategies, and rules that raise priority (and so the SLA)', async () => {
    const admin = await t().admin();
    await clearRules(admin);
    const [busy, idle, english] = await buildUsers(t(), 3, agent);
    const tech = await buildTeam(t(), {
      name: '技术支持组',
      members: [
        { userId: busy!.userId, skills: ['冷链'] },
        { userId: idle!.userId, skills: ['冷链'], languages: ['zh-CN'] },
        { userId: english!.userId, skills: ['冷链'], languages: ['en'] },
      ],
    });
    const support = await ticketTypeId(t(), 'technical_support');
    for (let i = 0; i < 2; i++) {
      await admin.post('/api/v1/tickets', {
        typeId: support,
        subject: `积压 ${i}`,
        assigneeId: busy!.userId,
      });
    }
    await admin.post('/api/v1/assignment-rules', {
      name: '冷链英文客户',
      position: 1,
      strategy: 'skills',
      teamId: tech.id,
      requiredSkills: ['冷链'],
      conditions: { languages: ['en'] },
      setPriority: 'urgent',
    });
    await admin.post('/api/v1/assignment-rules', {
      name: '技术支持按负载',
      position: 2,
      strategy: 'least_loaded',
      teamId: tech.id,
      conditions: { typeIds: [support] },
    });

    const en = await admin.post<TicketView>('/api/v1/tickets', {
      typeId: support,
      subject: 'Reefer alarm',
      language: 'en',
      priority: 'low',
    });
    expect(en.body.assigneeId).toBe(english!.userId);
    expect(en.body.priority).toBe('urgent');
    // Urgent: first response within 15 business minutes (default policy) — not the low-priority 120.
    const created = new Date(en.body.createdAt).getTime();
    expect(new Date(en.body.firstResponse.dueAt!).getTime()).toBeGreaterThan(created);

    const zh = await admin.post<TicketView>('/api/v1/tickets', {
      typeId: support,
      subject: '温度记录仪无数据',
    });
    expect([idle!.userId, english!.userId]).toContain(zh.body.assigneeId);
    expect(zh.body.assigneeId).not.toBe(busy!.userId);
  });

  it('only configurers may change teams and rules', async () => {
    const { client } = await buildUser(t(), { permissions: ['ticket.read'] });
    expect((await client.get('/api/v1/teams')).status).toBe(200);
    const res = await client.post('/api/v1/teams', { name: 'x' });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('FORBIDDEN');
    expect((await client.get('/api/v1/assignment-rules')).status).toBe(403);
  });
});
