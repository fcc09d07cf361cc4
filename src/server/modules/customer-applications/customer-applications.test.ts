import { describe, expect, it } from 'vitest';
import type { ApprovalInboxItem, ApprovalRequestView } from '../../../shared/schemas/approvals.ts';
import type { ApplicationDetail, ApplicationView } from '../../../shared/schemas/customer-applications.ts';
import { buildUser, pendingStep } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

type Inbox = { items: ApprovalInboxItem[]; nextCursor: string | null };
let seq = 0;

function form(level: 'I' | 'II' | 'III', extra: Record<string, unknown> = {}) {
  seq++;
  return {
    customer: {
      name: `华东精密机械${seq}号有限公司`,
      address: '上海市浦东新区张江路 88 号',
      postalCode: '201203',
      phone: `021-5080 ${String(1000 + seq)}`,
      bankName: '招商银行上海分行',
      bankAccount: '6225 8812 3456 7788',
      taxId: `91310000MA1K${String(seq).padStart(6, '0')}`,
      industry: '机械制造',
      contacts: [{ name: '王经理', title: '采购部经理', mobile: '13800138000', isPrimary: true }],
    },
    requestedClass: 'B',
    requestedCreditLevel: level,
    requestedCreditLimit: 300000,
    requestedCreditPeriodDays: level === 'I' ? 20 : 60,
    expectedAnnualSales: 2_000_000,
    businessScope: '数控机床及配件的生产与销售',
    investigationNotes: '实地走访工厂，注册资本 5000 万，近三年无诉讼记录，银行资信良好。',
    ...extra,
  };
}

async function customerRow(id: number) {
  return t()
    .db.selectFrom('customer')
    .select(['lifecycle', 'class', 'credit_level', 'credit_limit', 'credit_period_days'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('new-customer admission (《新客户申请表》)', () => {
  it('files a draft with the customer pending approval; III is approved by the assistant', async () => {
    const seller = await buildUser(t(), { roles: ['sales'] });
    const created = await seller.client.post<ApplicationDetail>('/api/v1/customer-applications', form('III'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      requestedCreditLevel: 'III',
      customerLifecycle: 'pending_approval',
      applicantUserId: seller.userId,
    });
    expect(created.body.number).toMatch(/^XKH-\d{6}-\d{3}$/);
    expect(created.body.customer.contacts[0]!.name).toBe('王经理');
    expect(created.body.customer.bankAccount).toBe('**** 7788');
    const id = created.body.id;

    const edited = await seller.client.patch<ApplicationDetail>(`/api/v1/customer-applications/${id}`, {
      requestedCreditLimit: 350000,
      customer: { region: '华东' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.requestedCreditLimit).toBe(350000);
    expect(edited.body.customer.region).toBe('华东');

    const submitted = await seller.client.post<ApplicationDetail>(
      `/api/v1/customer-applications/${id}/submit`,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.approvals[0]!.steps.map((s) => s.approverRoleName)).toEqual(['执行副总助理']);
    const late = await seller.client.patch(`/api/v1/customer-applications/${id}`, { businessScope: 'x' });
    expect(errorCode(late.body)).toBe('APPLICATION_NOT_DRAFT');

    const decider = await buildUser(t(), { roles: ['executive_assistant'] });
    const inbox = await decider.client.get<Inbox>('/api/v1/approvals/inbox?flow=customer_admission');
    const item = inbox.body.items.find((i) => i.entityId === id)!;
    expect(item).toMatchObject({ entityType: 'customer_application', flow: 'customer_admission' });
    // The approver reads the application to decide it.
    const read = await decider.client.get<ApplicationDetail>(`/api/v1/customer-applications/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.investigationNotes).toContain('实地走访');
    const decided = await decider.client.post<ApprovalRequestView>(
      `/api/v1/approvals/steps/${item.stepId}/decide`,
      { decision: 'approve', comment: '同意准入' },
    );
    expect(decided.body.status).toBe('approved');

    const after = await seller.client.get<ApplicationDetail>(`/api/v1/customer-applications/${id}`);
    expect(after.body).toMatchObject({
      status: 'approved',
      customerLifecycle: 'active',
      decisionComment: '同意准入',
    });
    expect(await customerRow(after.body.customerId)).toEqual({
      lifecycle: 'active',
      class: 'B',
      credit_level: 'III',
      credit_limit: '350000.00',
      credit_period_days: 60,
    });
  });

  it('sends I and II to the executive; the assistant can neither decide nor see it', async () => {
    const seller = await buildUser(t(), { roles: ['sales'] });
    const decider = await buildUser(t(), { roles: ['executive_assistant'] });
    const boss = await buildUser(t(), { roles: ['executive'] });
    for (const level of ['I', 'II'] as const) {
      const created = await seller.client.post<ApplicationDetail>(
        '/api/v1/customer-applications',
        form(level),
      );
      const submitted = await seller.client.post<ApplicationDetail>(
        `/api/v1/customer-applications/${created.body.id}/submit`,
      );
      const approvalId = submitted.body.approvalRequestId!;
      const step = await pendingStep(seller.client, approvalId);
      expect(step.approverRoleName).toBe('总经理/厂长/执行副总');

      const inbox = await decider.client.get<Inbox>('/api/v1/approvals/inbox');
      expect(inbox.body.items.some((i) => i.requestId === approvalId)).toBe(false);
      const denied = await decider.client.post(`/api/v1/approvals/steps/${step.id}/decide`, {
        decision: 'approve',
      });
      expect([403, 404]).toContain(denied.status);
      expect((await customerRow(created.body.customerId)).lifecycle).toBe('pending_approval');

      const ok = await boss.client.post<ApprovalRequestView>(`/api/v1/approvals/steps/${step.id}/decide`, {
        decision: 'approve',
      });
      expect(ok.body.status).toBe('approved');
      expect(await customerRow(created.body.customerId)).toMatchObject({
        lifecycle: 'active',
        credit_level: level,
      });
    }
  });

  it('keeps the reason of a rejection and leaves the customer a prospect, who may apply again', async () => {
    const seller = await buildUser(t(), { roles: ['sales'] });
    const boss = await buildUser(t(), { roles: ['executive'] });
    const created = await seller.client.post<ApplicationDetail>('/api/v1/customer-applications', form('II'));
    const submitted = await seller.client.post<ApplicationDetail>(
      `/api/v1/customer-applications/${created.body.id}/submit`,
    );
    const step = await pendingStep(seller.client, submitted.body.approvalRequestId!);
    await boss.client.post(`/api/v1/approvals/steps/${step.id}/decide`, {
      decision: 'reject',
      comment: '资信不足，建议先以现款交易',
    });
    const after = await seller.client.get<ApplicationDetail>(
      `/api/v1/customer-applications/${created.body.id}`,
    );
    expect(after.body).toMatchObject({
      status: 'rejected',
      decisionComment: '资信不足，建议先以现款交易',
      customerLifecycle: 'prospect',
    });
    expect(after.body.approvals[0]!.steps[0]).toMatchObject({
      status: 'rejected',
      comment: '资信不足，建议先以现款交易',
    });
    expect((await customerRow(created.body.customerId)).credit_level).toBeNull();

    const again = await seller.client.post<ApplicationDetail>('/api/v1/customer-applications', {
      ...form('I'),
      customer: undefined,
      customerId: created.body.customerId,
    });
    expect(again.status).toBe(201);
    expect(again.body.customerLifecycle).toBe('pending_approval');
    const twice = await seller.client.post('/api/v1/customer-applications', {
      ...form('I'),
      customer: undefined,
      customerId: created.body.customerId,
    });
    expect(errorCode(twice.body)).toBe('CUSTOMER_NOT_PROSPECT');
  });

  it('lets the applicant withdraw, as a draft or while pending', async () => {
    const seller = await buildUser(t(), { roles: ['sales'] });
    const draft = await seller.client.post<ApplicationDetail>('/api/v1/customer-applications', form('III'));
    const gone = await seller.client.post<ApplicationDetail>(
      `/api/v1/customer-applications/${draft.body.id}/withdraw`,
      { comment: '客户暂不合作' },
    );
    expect(gone.body).toMatchObject({ status: 'withdrawn', customerLifecycle: 'prospect' });
    expect(
      errorCode((await seller.client.post(`/api/v1/customer-applications/${draft.body.id}/submit`)).body),
    ).toBe('APPLICATION_NOT_DRAFT');

    const pending = await seller.client.post<ApplicationDetail>('/api/v1/customer-applications', form('III'));
    await seller.client.post(`/api/v1/customer-applications/${pending.body.id}/submit`);
    const pulled = await seller.client.post<ApplicationDetail>(
      `/api/v1/customer-applications/${pending.body.id}/withdraw`,
      {},
    );
    expect(pulled.body).toMatchObject({ status: 'withdrawn', customerLifecycle: 'prospect' });
    expect(pulled.body.approvals[0]!.status).toBe('cancelled');
    const closed = await seller.client.post(`/api/v1/customer-applications/${pending.body.id}/withdraw`, {});
    expect(errorCode(closed.body)).toBe('APPLICATION_CLOSED');
  });

  it('shows applicants only their own applications; approvers with customer.read see all', async () => {
    const one = await buildUser(t(), { roles: ['sales'] });
    const two = await buildUser(t(), { roles: ['sales'] });
    const mine = await one.client.post<ApplicationDetail>('/api/v1/customer-applications', form('III'));
    await two.client.post<ApplicationDetail>('/api/v1/customer-applications', form('II'));
    expect((await two.client.get(`/api/v1/customer-applications/${mine.body.id}`)).status).toBe(404);
    expect((await two.client.get(`/api/v1/customer-applications/${mine.body.id}/print`)).status).toBe(404);
    expect((await two.client.post(`/api/v1/customer-applications/${mine.body.id}/submit`)).status).toBe(404);
    const theirs = await two.client.get<{ items: ApplicationView[] }>('/api/v1/customer-applications');
    expect(theirs.body.items.every((a) => a.applicantUserId === two.userId)).toBe(true);

    const boss = await buildUser(t(), { roles: ['executive'] });
    const all = await boss.client.get<{ items: ApplicationView[] }>(
      `/api/v1/customer-applications?applicantUserId=${one.userId}`,
    );
    expect(all.body.items.map((a) => a.id)).toContain(mine.body.id);
    const byNumber = await boss.client.get<{ items: ApplicationView[] }>(
      `/api/v1/customer-applications?q=${encodeURIComponent(mine.body.number)}`,
    );
    expect(byNumber.body.items.map((a) => a.id)).toEqual([mine.body.id]);
    const drafts = await boss.client.get<{ items: ApplicationView[] }>(
      '/api/v1/customer-applications?status=draft',
    );
    expect(drafts.body.items.every((a) => a.status === 'draft')).toBe(true);

    const nobody = await buildUser(t(), { permissions: ['customer.read'] });
    expect((await nobody.client.post('/api/v1/customer-applications', form('I'))).status).toBe(403);
    expect(
      (await nobody.client.get<{ items: unknown[] }>('/api/v1/customer-applications')).body.items,
    ).toEqual([]);
  });

  it('warns of a possible duplicate customer and needs investigation notes', async () => {
    const seller = await buildUser(t(), { roles: ['sales'] });
    const first = form('III');
    await seller.client.post('/api/v1/customer-applications', first);
    const dup = await seller.client.post('/api/v1/customer-applications', first);
    expect(dup.status).toBe(409);
    expect(errorCode(dup.body)).toBe('CUSTOMER_POSSIBLE_DUPLICATE');
    const noNotes = await seller.client.post(
      '/api/v1/customer-applications',
      form('I', { investigationNotes: '' }),
    );
    expect(noNotes.status).toBe(400);
  });

  it('keeps investigation documents with the application', async () => {
    const seller = await buildUser(t(), { roles: ['sales'] });
    const other = await buildUser(t(), { roles: ['sales'] });
    const created = await seller.client.post<ApplicationDetail>('/api/v1/customer-applications', form('III'));
    const upload = await seller.client.upload<{ id: number; url: string; fileName: string }>(
      `/api/v1/customer-applications/${created.body.id}/attachments`,
      { name: '营业执照.txt', bytes: '营业执照扫描件说明', type: 'text/plain' },
    );
    expect(upload.status).toBe(201);
    const file = upload.body;
    expect(file.fileName).toBe('营业执照.txt');
    const detail = await seller.client.get<ApplicationDetail>(
      `/api/v1/customer-applications/${created.body.id}`,
    );
    expect(detail.body.attachments.map((a) => a.id)).toEqual([file.id]);
    const download = await seller.client.get<string>(file.url);
    expect(download.status).toBe(200);
    expect(download.body).toContain('营业执照');
    expect((await other.client.get(file.url)).status).toBe(404);
    expect((await seller.client.delete(file.url)).status).toBe(204);
  });

  it('prints the form FM-MKT-004 with its fields and approval record, inert', async () => {
    const seller = await buildUser(t(), { roles: ['sales'] });
    const decider = await buildUser(t(), { roles: ['executive_assistant'] });
    const created = await seller.client.post<ApplicationDetail>(
      '/api/v1/customer-applications',
      form('III', { investigationNotes: '走访记录 <script>alert(1)</script>' }),
    );
    const submitted = await seller.client.post<ApplicationDetail>(
      `/api/v1/customer-applications/${created.body.id}/submit`,
    );
    const step = await pendingStep(seller.client, submitted.body.approvalRequestId!);
    await decider.client.post(`/api/v1/approvals/steps/${step.id}/decide`, {
      decision: 'approve',
      comment: '同意',
    });

    const page = await seller.client.get<string>(`/api/v1/customer-applications/${created.body.id}/print`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = page.body;
    for (const text of [
      '新客户申请表',
      'FM-MKT-004',
      created.body.number,
      created.body.customer.name,
      '上海市浦东新区张江路 88 号',
      '招商银行上海分行',
      '**** 7788',
      '数控机床及配件的生产与销售',
      'III 级（年度客户）',
      'B 类（主要客户）',
      '王经理',
      '执行副总助理审批',
      decider.username,
      '同意',
    ])
      expect(html, text).toContain(text);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('6225 8812');
    const org = await t().db.selectFrom('organisation').select('name').executeTakeFirstOrThrow();
    expect(html).toContain(org.name);
  });
});
