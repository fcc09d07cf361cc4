import { describe, expect, it } from 'vitest';
import { buildComplaint, buildDepartment, buildUser } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { checkComplaintClocks } from './complaint-clocks.service.ts';
import { complaintTeam, step, tomorrow } from './complaints.fixtures.ts';

const t = setupTestApp();

describe('complaint step clocks', () => {
  it('run on the business calendar: warned before the due time, escalated to the service managers once when it passes', async () => {
    const { specialist, manager } = await complaintTeam(t());
    // Friday 17:30 in Shanghai: 30 working minutes are left that day, the other 90 fall on Monday morning.
    const c = await buildComplaint(t(), {
      client: specialist.client,
      receivedAt: '2026-11-20T17:30:00+08:00',
    });
    const ack = c.steps[0]!;
    expect(ack.startedAt).toBe('2026-11-20T09:30:00.000Z');
    expect(ack.dueAt).toBe('2026-11-23T02:30:00.000Z'); // Monday 10:30
    const row = await t()
      .db.selectFrom('complaint_step')
      .select('warn_at')
      .where('id', '=', ack.id)
      .executeTakeFirstOrThrow();
    expect(row.warn_at?.toISOString()).toBe('2026-11-23T02:06:00.000Z'); // 80 % = 96 working minutes

    // Over the weekend nothing happens.
    expect(await checkComplaintClocks(t().db, new Date('2026-11-22T12:00:00Z'))).toEqual({
      warned: 0,
      breached: 0,
    });
    expect(await checkComplaintClocks(t().db, new Date('2026-11-23T02:10:00Z'))).toEqual({
      warned: 1,
      breached: 0,
    });
    const warning = await t()
      .db.selectFrom('notification')
      .select(['title'])
      .where('user_id', '=', specialist.userId)
      .where('kind', '=', 'complaint.warning')
      .execute();
    expect(warning).toEqual([{ title: `投诉 ${c.number} 即将超时` }]);

    expect(await checkComplaintClocks(t().db, new Date('2026-11-23T02:31:00Z'))).toEqual({
      warned: 0,
      breached: 1,
    });
    expect(await checkComplaintClocks(t().db, new Date('2026-11-23T05:00:00Z'))).toEqual({
      warned: 0,
      breached: 0,
    });
    const escalated = await t()
      .db.selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'complaint.overdue')
      .execute();
    expect(escalated.map((n) => n.user_id)).toEqual(
      expect.arrayContaining([specialist.userId, manager.userId]),
    );
    const detail = await specialist.client.get<{ stepBreached: boolean }>(`/api/v1/complaints/${c.id}`);
    expect(detail.body.stepBreached).toBe(true);
  });
});

describe('complaint settings', () => {
  it('an administrator changes a step limit: new steps run on it, readers cannot change it', async () => {
    const admin = await t().admin();
    const current = (await admin.get<{ stepMinutes: Record<string, number> }>('/api/v1/complaint-settings'))
      .body;
    expect(current.stepMinutes.acknowledge).toBe(120);
    const saved = await admin.put<{ stepMinutes: Record<string, number> }>('/api/v1/complaint-settings', {
      ...current,
      stepMinutes: { ...current.stepMinutes, acknowledge: 60 },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.stepMinutes.acknowledge).toBe(60);
    const { specialist } = await complaintTeam(t());
    // Monday 09:00 in Shanghai: one working hour later.
    const c = await buildComplaint(t(), {
      client: specialist.client,
      receivedAt: '2026-11-23T09:00:00+08:00',
    });
    expect(c.steps[0]!.dueAt).toBe('2026-11-23T02:00:00.000Z');
    const reader = await buildUser(t(), { permissions: ['complaint.read'] });
    expect((await reader.client.put('/api/v1/complaint-settings', current)).status).toBe(403);
    const invalid = await admin.put('/api/v1/complaint-settings', { ...current, warningPercent: 150 });
    expect(invalid.status).toBe(400);
  });
});

describe('escalation to the department head', () => {
  it('an overdue analysis is escalated to the head of the responsible department (部门负责人)', async () => {
    const { specialist, quality } = await complaintTeam(t());
    const head = await buildUser(t(), { permissions: ['complaint.read'], name: '生产部经理' });
    const dept = await buildDepartment(t(), { name: '生产二部', headUserId: head.userId });
    expect(dept.headName).toBe('生产部经理');
    const c = await buildComplaint(t(), { client: specialist.client });
    await step(specialist.client, c.id, 'acknowledge', { message: '抱歉', promisedAt: tomorrow() });
    await step(quality.client, c.id, 'investigate', { findings: 'f', responsibility: 'company' });
    const reviewed = await step(quality.client, c.id, 'review', {
      participants: ['品质部'],
      conclusions: 'c',
      responsibleDepartmentId: dept.id,
    });
    const analysis = reviewed.body.steps.at(-1)!;
    expect(analysis.step).toBe('analyse');
    const late = new Date(new Date(analysis.dueAt!).getTime() + 60_000);
    expect((await checkComplaintClocks(t().db, late)).breached).toBeGreaterThanOrEqual(1);
    const told = await t()
      .db.selectFrom('notification')
      .select('title')
      .where('user_id', '=', head.userId)
      .where('kind', '=', 'complaint.overdue')
      .execute();
    expect(told).toEqual([{ title: `投诉 ${c.number} 已超时` }]);
  });
});
