import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/schemas/customers.ts';
import { buildCustomer, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { remindRevisits } from './key-accounts.jobs.ts';

const t = setupTestApp();

interface Card {
  id: number;
  status: string;
  approvalRequestId: number | null;
  nextRevisitOn: string | null;
  revisitDue: boolean;
  decisionMakers: { name: string }[];
  openMeasures: number;
  measures: { id: number; issue: string; status: string; overdue: boolean }[];
}

describe('key accounts', () => {
  it('a specialist applies, the service manager designates: the customer becomes class A with a revisit plan', async () => {
    const c = await buildCustomer(t(), { name: '长江重工集团', class: 'B' });
    const specialist = await buildUser(t(), { roles: ['key_account_specialist'] });
    const manager = await buildUser(t(), { roles: ['service_manager'] });
    const applied = await specialist.client.post<Card>(`/api/v1/customers/${c.id}/key-account`, {
      reason: '年采购额超过 800 万，战略合作客户',
      specialistUserId: specialist.userId,
      decisionMakers: [{ name: '周总', title: '采购总监', role: 'decision' }],
      revisitIntervalDays: 14,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body.status).toBe('applied');
    // A second application while one is pending is refused.
    const again = await specialist.client.post(`/api/v1/customers/${c.id}/key-account`, { reason: '重复' });
    expect(errorCode(again.body)).toBe('KEY_ACCOUNT_EXISTS');

    const inbox = await manager.client.get<{ items: { stepId: number; entityId: number }[] }>(
      '/api/v1/approvals/inbox?flow=key_account',
    );
    const item = inbox.body.items.find((i) => i.entityId === applied.body.id);
    expect(item).toBeTruthy();
    const decided = await manager.client.post(`/api/v1/approvals/steps/${item!.stepId}/decide`, {
      decision: 'approve',
      comment: '同意',
    });
    expect(decided.status).toBe(200);

    const card = (await specialist.client.get<Card>(`/api/v1/customers/${c.id}/key-account`)).body;
    expect(card.status).toBe('designated');
    expect(card.nextRevisitOn).toBeTruthy();
    expect(card.decisionMakers.map((d) => d.name)).toEqual(['周总']);
    const after = (await specialist.client.get<CustomerDetail>(`/api/v1/customers/${c.id}`)).body;
    expect(after).toMatchObject({ class: 'A', classReason: '大客户设定' });
    const listed = await specialist.client.get<{ items: { customerId: number }[] }>(
      '/api/v1/key-accounts?status=designated',
    );
    expect(listed.body.items.map((k) => k.customerId)).toContain(c.id);
  });

  it('keeps a countermeasure list with owners and due dates; overdue measures show; a visit counts as the revisit', async () => {
    const c = await buildCustomer(t(), { name: '珠江电子股份', class: 'B' });
    const admin = await t().admin();
    const manager = await buildUser(t(), { roles: ['service_manager'] });
    const applied = (
      await admin.post<Card>(`/api/v1/customers/${c.id}/key-account`, {
        reason: '重点客户',
        revisitIntervalDays: 30,
      })
    ).body;
    const approval = await manager.client.get<{ steps: { id: number; status: string }[] }>(
      `/api/v1/approvals/${applied.approvalRequestId}`,
    );
    await manager.client.post(`/api/v1/approvals/steps/${approval.body.steps[0]!.id}/decide`, {
      decision: 'approve',
    });

    const owner = await buildUser(t(), { roles: ['key_account_specialist'] });
    const withMeasure = await admin.post<Card>(`/api/v1/key-accounts/${applied.id}/measures`, {
      issue: '交货准时率下降',
      measure: '每周与物流部核对发货计划',
      ownerUserId: owner.userId,
      dueOn: '2020-01-31',
    });
    expect(withMeasure.status).toBe(201);
    expect(withMeasure.body.measures[0]).toMatchObject({
      issue: '交货准时率下降',
      status: 'open',
      overdue: true,
    });
    expect(withMeasure.body.openMeasures).toBe(1);
    const notified = await t()
      .db.selectFrom('notification')
      .select('title')
      .where('user_id', '=', owner.userId)
      .execute();
    expect(notified.map((n) => n.title)).toContain('大客户对策分派给您：交货准时率下降');
    const done = await admin.patch<Card>(`/api/v1/key-account-measures/${withMeasure.body.measures[0]!.id}`, {
      status: 'done',
      result: '准时率恢复到 98%',
    });
    expect(done.body.measures[0]).toMatchObject({ status: 'done', overdue: false });
    expect(done.body.openMeasures).toBe(0);

    // Revisit overdue → the daily reminder goes to the specialist; a visit sets the next date.
    await admin.patch(`/api/v1/key-accounts/${applied.id}`, { specialistUserId: owner.userId });
    await sql`UPDATE key_account SET next_revisit_on = current_date - 3 WHERE id = ${applied.id}`.execute(
      t().db,
    );
    expect((await admin.get<Card>(`/api/v1/key-accounts/${applied.id}`)).body.revisitDue).toBe(true);
    expect(await remindRevisits(t().db)).toBeGreaterThanOrEqual(1);
    expect(await remindRevisits(t().db)).toBe(0);
    await admin.post(`/api/v1/customers/${c.id}/activities`, {
      kind: 'visit',
      subject: '季度回访，确认明年合作计划',
    });
    const revisited = (await admin.get<Card>(`/api/v1/key-accounts/${applied.id}`)).body;
    expect(revisited.revisitDue).toBe(false);
    expect(revisited.nextRevisitOn! > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('refuses prospects and people without the permission; revoking needs a designated account', async () => {
    const admin = await t().admin();
    const prospect = await buildCustomer(t(), { name: '潜在客户甲', lifecycle: 'prospect' });
    expect(
      errorCode((await admin.post(`/api/v1/customers/${prospect.id}/key-account`, { reason: '试试' })).body),
    ).toBe('KEY_ACCOUNT_NOT_ELIGIBLE');
    const agent = await buildUser(t(), { permissions: ['customer.read'] });
    const c = await buildCustomer(t(), { name: '普通客户乙', class: 'B' });
    expect((await agent.client.post(`/api/v1/customers/${c.id}/key-account`, { reason: 'x' })).status).toBe(
      403,
    );
    const applied = (await admin.post<Card>(`/api/v1/customers/${c.id}/key-account`, { reason: '增长快' }))
      .body;
    expect(
      errorCode((await admin.post(`/api/v1/key-accounts/${applied.id}/revoke`, { reason: '未批准' })).body),
    ).toBe('KEY_ACCOUNT_NOT_DESIGNATED');
    expect((await admin.get(`/api/v1/customers/${prospect.id}/key-account`)).status).toBe(404);
  });
});
