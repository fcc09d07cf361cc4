import { describe, expect, it } from 'vitest';
import type {
  ApprovalInboxItem,
  ApprovalRequestView,
  ApprovalRouteView,
} from '../../../shared/schemas/approvals.ts';
import type { CreditChangeDetail, CreditChangeView } from '../../../shared/schemas/credit-changes.ts';
import { buildCustomer, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

type Inbox = { items: ApprovalInboxItem[]; nextCursor: string | null };

async function customerCredit(id: number) {
  return t()
    .db.selectFrom('customer')
    .select(['credit_level', 'credit_limit', 'credit_period_days'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('credit-level changes through the two-step approval', () => {
  it('seeds the default routes of 001 §4.2 at start', async () => {
    const admin = await t().admin();
    const res = await admin.get<ApprovalRouteView[]>('/api/v1/approval-routes');
    expect(res.status).toBe(200);
    const admission = res.body.filter((r) => r.flow === 'customer_admission');
    expect(admission.map((r) => [r.condition.creditLevels, r.approverRoleName])).toEqual(
      expect.arrayContaining([
        [['III'], '执行副总助理'],
        [['I', 'II'], '总经理/厂长/执行副总'],
      ]),
    );
    const credit = res.body.filter((r) => r.flow === 'credit_change');
    expect(credit.map((r) => r.name)).toEqual(['初审', '批准']);
  });

  it('changes the credit only after the assistant and then the executive approved, in that order', async () => {
    const customer = await buildCustomer(t(), {
      creditLevel: 'II',
      creditLimit: 100000,
      creditPeriodDays: 45,
    });
    const seller = await buildUser(t(), { roles: ['sales'] });
    const first = await buildUser(t(), { roles: ['executive_assistant'] });
    const boss = await buildUser(t(), { roles: ['executive'] });

    const created = await seller.client.post<CreditChangeView>(
      `/api/v1/customers/${customer.id}/credit-changes`,
      { toLevel: 'III', toLimit: 500000, reason: '年度合作协议已签订' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fromLevel: 'II',
      toLevel: 'III',
      fromLimit: 100000,
      toLimit: 500000,
      toPeriodDays: 45,
      status: 'pending',
    });
    const detail = await seller.client.get<CreditChangeDetail>(`/api/v1/credit-changes/${created.body.id}`);
    const [step1, step2] = detail.body.approval!.steps;
    expect(step1).toMatchObject({ name: '初审', status: 'pending' });
    expect(step2).toMatchObject({ name: '批准', status: 'waiting' });

    // The executive cannot skip the assistant's review, nor decide the assistant's step.
    const skip = await boss.client.post(`/api/v1/approvals/steps/${step2!.id}/decide`, {
      decision: 'approve',
    });
    expect(skip.status).toBe(409);
    expect(errorCode(skip.body)).toBe('APPROVAL_STEP_NOT_PENDING');
    const wrongStep = await boss.client.post(`/api/v1/approvals/steps/${step1!.id}/decide`, {
      decision: 'approve',
    });
    expect(wrongStep.status).toBe(403);

    const reviewed = await first.client.post<ApprovalRequestView>(
      `/api/v1/approvals/steps/${step1!.id}/decide`,
      {
        decision: 'approve',
        comment: '回款记录良好',
      },
    );
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('pending');
    expect((await customerCredit(customer.id)).credit_level).toBe('II');
    // Deciding twice is refused.
    const again = await first.client.post(`/api/v1/approvals/steps/${step1!.id}/decide`, {
      decision: 'approve',
    });
    expect(errorCode(again.body)).toBe('APPROVAL_STEP_NOT_PENDING');

    const approved = await boss.client.post<ApprovalRequestView>(
      `/api/v1/approvals/steps/${step2!.id}/decide`,
      {
        decision: 'approve',
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.steps.map((s) => [s.status, s.decidedByName, s.comment])).toEqual([
      ['approved', first.username, '回款记录良好'],
      ['approved', boss.username, null],
    ]);
    expect(await customerCredit(customer.id)).toEqual({
      credit_level: 'III',
      credit_limit: '500000.00',
      credit_period_days: 45,
    });
    const after = await seller.client.get<CreditChangeDetail>(`/api/v1/credit-changes/${created.body.id}`);
    expect(after.body.status).toBe('approved');
    const audit = await t()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'customer')
      .where('entity_id', '=', String(customer.id))
      .execute();
    expect(audit).toContainEqual({ action: 'customer.credit', actor_user_id: boss.userId });
    const told = await t()
      .db.selectFrom('notification')
      .select('title')
      .where('user_id', '=', seller.userId)
      .execute();
    expect(told.some((n) => n.title.includes('已批准'))).toBe(true);
  });

  it('keeps the reason of a rejection and changes nothing', async () => {
    const customer = await buildCustomer(t(), { creditLevel: 'I', creditLimit: 20000, creditPeriodDays: 20 });
    const seller = await buildUser(t(), { roles: ['sales'] });
    const first = await buildUser(t(), { roles: ['executive_assistant'] });
    const created = await seller.client.post<CreditChangeView>(
      `/api/v1/customers/${customer.id}/credit-changes`,
      { toLevel: 'II', toPeriodDays: 60, reason: '客户要求延长账期' },
    );
    const request = await seller.client.get<ApprovalRequestView>(
      `/api/v1/approvals/${created.body.approvalRequestId}`,
    );
    expect(request.body.canCancel).toBe(true);
    const stepId = request.body.steps[0]!.id;
    const bare = await first.client.post(`/api/v1/approvals/steps/${stepId}/decide`, { decision: 'reject' });
    expect(bare.status).toBe(400);
    expect(errorCode(bare.body)).toBe('APPROVAL_COMMENT_REQUIRED');
    const rejected = await first.client.post<ApprovalRequestView>(
      `/api/v1/approvals/steps/${stepId}/decide`,
      {
        decision: 'reject',
        comment: '近三个月有逾期',
      },
    );
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.steps.map((s) => s.status)).toEqual(['rejected', 'skipped']);
    const change = await seller.client.get<CreditChangeDetail>(`/api/v1/credit-changes/${created.body.id}`);
    expect(change.body).toMatchObject({ status: 'rejected', decisionComment: '近三个月有逾期' });
    expect(await customerCredit(customer.id)).toEqual({
      credit_level: 'I',
      credit_limit: '20000.00',
      credit_period_days: 20,
    });
  });

  it('allows one pending change per customer and lets the requester cancel it', async () => {
    const customer = await buildCustomer(t());
    const seller = await buildUser(t(), { roles: ['sales'] });
    const other = await buildUser(t(), { roles: ['sales'] });
    const body = { toLevel: 'III', reason: '升级为年度客户' };
    const created = await seller.client.post<CreditChangeView>(
      `/api/v1/customers/${customer.id}/credit-changes`,
      body,
    );
    expect(created.status).toBe(201);
    const second = await other.client.post(`/api/v1/customers/${customer.id}/credit-changes`, body);
    expect(second.status).toBe(409);
    expect(errorCode(second.body)).toBe('CREDIT_CHANGE_PENDING');

    const approvalId = created.body.approvalRequestId!;
    const notMine = await other.client.post(`/api/v1/approvals/${approvalId}/cancel`, {});
    expect(notMine.status).toBe(404);
    const cancelled = await seller.client.post<ApprovalRequestView>(
      `/api/v1/approvals/${approvalId}/cancel`,
      {
        comment: '客户暂缓',
      },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.steps.every((s) => s.status === 'skipped')).toBe(true);
    const twice = await seller.client.post(`/api/v1/approvals/${approvalId}/cancel`, {});
    expect(errorCode(twice.body)).toBe('APPROVAL_NOT_PENDING');
    const list = await seller.client.get<{ items: CreditChangeView[] }>(
      `/api/v1/customers/${customer.id}/credit-changes`,
    );
    expect(list.body.items[0]).toMatchObject({ id: created.body.id, status: 'withdrawn' });
    // A new request is possible once the old one is closed.
    const third = await other.client.post(`/api/v1/customers/${customer.id}/credit-changes`, body);
    expect(third.status).toBe(201);
    const pending = await other.client.get<{ items: CreditChangeView[] }>(
      '/api/v1/credit-changes?status=pending',
    );
    expect(pending.body.items.map((c) => c.customerId)).toContain(customer.id);
    expect(pending.body.items.every((c) => c.status === 'pending')).toBe(true);
  });

  it('refuses changes that change nothing and customers not yet admitted', async () => {
    const seller = await buildUser(t(), { roles: ['sales'] });
    const same = await buildCustomer(t(), { creditLevel: 'II', creditLimit: 1000, creditPeriodDays: 30 });
    const nothing = await seller.client.post(`/api/v1/customers/${same.id}/credit-changes`, {
      toLevel: 'II',
      toLimit: 1000,
      reason: 'x',
    });
    expect(errorCode(nothing.body)).toBe('CREDIT_CHANGE_NO_CHANGE');
    const prospect = await buildCustomer(t(), { lifecycle: 'prospect' });
    const early = await seller.client.post(`/api/v1/customers/${prospect.id}/credit-changes`, {
      toLevel: 'III',
      reason: 'x',
    });
    expect(errorCode(early.body)).toBe('CREDIT_CHANGE_NOT_ACTIVE');
    const missing = await seller.client.post('/api/v1/customers/99999999/credit-changes', {
      toLevel: 'III',
      reason: 'x',
    });
    expect(missing.status).toBe(404);
  });
});

describe('approval inbox, visibility and own requests', () => {
  it('shows each approver only the steps they may decide now', async () => {
    const customer = await buildCustomer(t());
    const seller = await buildUser(t(), { roles: ['sales'] });
    const first = await buildUser(t(), { roles: ['executive_assistant'] });
    const boss = await buildUser(t(), { roles: ['executive'] });
    const nobody = await buildUser(t(), { permissions: ['customer.read'] });
    const created = await seller.client.post<CreditChangeView>(
      `/api/v1/customers/${customer.id}/credit-changes`,
      { toLevel: 'III', reason: '年度客户' },
    );
    const requestId = created.body.approvalRequestId!;
    const inboxOf = async (c: typeof seller) =>
      (await c.client.get<Inbox>('/api/v1/approvals/inbox')).body.items.filter(
        (i) => i.requestId === requestId,
      );

    const mine = await inboxOf(first);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      flow: 'credit_change',
      entityType: 'customer',
      entityId: customer.id,
      stepName: '初审',
      stepPosition: 1,
      stepCount: 2,
      requestedByName: seller.username,
    });
    expect(mine[0]!.title).toContain(customer.name);
    expect(await inboxOf(boss)).toHaveLength(0);
    expect(await inboxOf(seller)).toHaveLength(0);
    expect(await inboxOf(nobody)).toHaveLength(0);
    const pinged = await t()
      .db.selectFrom('notification')
      .select('link')
      .where('user_id', '=', first.userId)
      .execute();
    expect(pinged.map((n) => n.link)).toContain(`/approvals/${requestId}`);

    await first.client.post(`/api/v1/approvals/steps/${mine[0]!.stepId}/decide`, { decision: 'approve' });
    expect(await inboxOf(first)).toHaveLength(0);
    expect(await inboxOf(boss)).toHaveLength(1);

    // Visible to requester and approvers; a user with nothing to do with it gets a 404.
    expect((await nobody.client.get(`/api/v1/approvals/${requestId}`)).status).toBe(404);
    const forBoss = await boss.client.get<ApprovalRequestView>(`/api/v1/approvals/${requestId}`);
    expect(forBoss.body.decidableStepId).toBe(forBoss.body.steps[1]!.id);
    expect(forBoss.body.canCancel).toBe(false);
  });

  it('pages the inbox with a cursor', async () => {
    const first = await buildUser(t(), { roles: ['executive_assistant'] });
    const seller = await buildUser(t(), { roles: ['sales'] });
    for (let i = 0; i < 3; i++) {
      const c = await buildCustomer(t());
      await seller.client.post(`/api/v1/customers/${c.id}/credit-changes`, { toLevel: 'III', reason: 'r' });
    }
    const one = await first.client.get<Inbox>('/api/v1/approvals/inbox?limit=2');
    expect(one.body.items).toHaveLength(2);
    expect(one.body.nextCursor).toBeTruthy();
    const two = await first.client.get<Inbox>(
      `/api/v1/approvals/inbox?limit=2&cursor=${one.body.nextCursor}`,
    );
    const seen = [...one.body.items, ...two.body.items].map((i) => i.stepId);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('does not let an approver decide their own request', async () => {
    const customer = await buildCustomer(t());
    const both = await buildUser(t(), { roles: ['executive_assistant'], permissions: ['credit.request'] });
    const created = await both.client.post<CreditChangeView>(
      `/api/v1/customers/${customer.id}/credit-changes`,
      {
        toLevel: 'III',
        reason: '自己申请',
      },
    );
    const request = await both.client.get<ApprovalRequestView>(
      `/api/v1/approvals/${created.body.approvalRequestId}`,
    );
    expect(request.body.decidableStepId).toBeNull();
    const res = await both.client.post(`/api/v1/approvals/steps/${request.body.steps[0]!.id}/decide`, {
      decision: 'approve',
    });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('APPROVAL_OWN_REQUEST');
  });
});

describe('approval routes administration', () => {
  it('changes who approves new requests; requests under way keep their approvers', async () => {
    const admin = await t().admin();
    const seller = await buildUser(t(), { roles: ['sales'] });
    const named = await buildUser(t(), { permissions: ['customer.read'] });
    const boss = await buildUser(t(), { roles: ['executive'] });
    const routes = (await admin.get<ApprovalRouteView[]>('/api/v1/approval-routes?flow=credit_change')).body;
    const second = routes.find((r) => r.name === '批准')!;

    const before = await buildCustomer(t());
    const old = await seller.client.post<CreditChangeView>(`/api/v1/customers/${before.id}/credit-changes`, {
      toLevel: 'III',
      reason: 'r',
    });

    const patched = await admin.patch<ApprovalRouteView>(`/api/v1/approval-routes/${second.id}`, {
      approverUserId: named.userId,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ approverRoleId: null, approverUserId: named.userId });

    const after = await buildCustomer(t());
    const fresh = await seller.client.post<CreditChangeView>(`/api/v1/customers/${after.id}/credit-changes`, {
      toLevel: 'III',
      reason: 'r',
    });
    const freshSteps = (
      await admin.get<ApprovalRequestView>(`/api/v1/approvals/${fresh.body.approvalRequestId}`)
    ).body.steps;
    expect(freshSteps[1]).toMatchObject({ approverUserId: named.userId, approverRoleId: null });
    const oldSteps = (await admin.get<ApprovalRequestView>(`/api/v1/approvals/${old.body.approvalRequestId}`))
      .body.steps;
    expect(oldSteps[1]!.approverRoleName).toBe('总经理/厂长/执行副总');

    // The named user can open the request addressed to them; the executive no longer approves new ones.
    expect((await named.client.get(`/api/v1/approvals/${fresh.body.approvalRequestId}`)).status).toBe(200);
    const first = await buildUser(t(), { roles: ['executive_assistant'] });
    await first.client.post(`/api/v1/approvals/steps/${freshSteps[0]!.id}/decide`, { decision: 'approve' });
    const denied = await boss.client.post(`/api/v1/approvals/steps/${freshSteps[1]!.id}/decide`, {
      decision: 'approve',
    });
    expect(denied.status).toBe(403);
    const ok = await named.client.post<ApprovalRequestView>(
      `/api/v1/approvals/steps/${freshSteps[1]!.id}/decide`,
      {
        decision: 'approve',
      },
    );
    expect(ok.body.status).toBe('approved');

    const restore = await admin.patch(`/api/v1/approval-routes/${second.id}`, {
      approverRoleId: second.approverRoleId,
    });
    expect(restore.status).toBe(200);
  });

  it('validates routes and says clearly when no route applies', async () => {
    const admin = await t().admin();
    const both = await admin.post('/api/v1/approval-routes', {
      flow: 'credit_change',
      name: 'x',
      approverRoleId: 1,
      approverUserId: 1,
    });
    expect(both.status).toBe(400);
    const unknownRole = await admin.post('/api/v1/approval-routes', {
      flow: 'credit_change',
      name: 'x',
      approverRoleId: 999999,
    });
    expect(unknownRole.status).toBe(400);
    const created = await admin.post<ApprovalRouteView>('/api/v1/approval-routes', {
      flow: 'credit_change',
      name: '大额复核',
      position: 30,
      condition: { minAmount: 10_000_000 },
      approverRoleId: (
        await t().db.selectFrom('role').select('id').where('code', '=', 'admin').executeTakeFirstOrThrow()
      ).id,
    });
    expect(created.status).toBe(201);
    // Below the threshold the extra step does not apply.
    const seller = await buildUser(t(), { roles: ['sales'] });
    const small = await buildCustomer(t());
    const res = await seller.client.post<CreditChangeView>(`/api/v1/customers/${small.id}/credit-changes`, {
      toLevel: 'III',
      toLimit: 5000,
      reason: 'r',
    });
    const steps = (await admin.get<ApprovalRequestView>(`/api/v1/approvals/${res.body.approvalRequestId}`))
      .body.steps;
    expect(steps.map((s) => s.name)).toEqual(['初审', '批准']);
    const big = await buildCustomer(t());
    const large = await seller.client.post<CreditChangeView>(`/api/v1/customers/${big.id}/credit-changes`, {
      toLevel: 'III',
      toLimit: 20_000_000,
      reason: 'r',
    });
    const bigSteps = (
      await admin.get<ApprovalRequestView>(`/api/v1/approvals/${large.body.approvalRequestId}`)
    ).body.steps;
    expect(bigSteps.map((s) => s.name)).toEqual(['初审', '批准', '大额复核']);
    expect((await admin.delete(`/api/v1/approval-routes/${created.body.id}`)).status).toBe(200);

    const all = (await admin.get<ApprovalRouteView[]>('/api/v1/approval-routes?flow=credit_change')).body;
    for (const r of all) await admin.patch(`/api/v1/approval-routes/${r.id}`, { isActive: false });
    const none = await seller.client.post(
      `/api/v1/customers/${(await buildCustomer(t())).id}/credit-changes`,
      {
        toLevel: 'III',
        reason: 'r',
      },
    );
    expect(none.status).toBe(409);
    expect(errorCode(none.body)).toBe('APPROVAL_NO_ROUTE');
    for (const r of all) await admin.patch(`/api/v1/approval-routes/${r.id}`, { isActive: true });

    const reader = await buildUser(t(), { permissions: ['settings.read'] });
    expect((await reader.client.get('/api/v1/approval-routes')).status).toBe(200);
    expect((await reader.client.post('/api/v1/approval-routes', {})).status).toBe(403);
  });
});
