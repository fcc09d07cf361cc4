import { describe, expect, it } from 'vitest';
import type {
  ApprovalInboxItem,
  ApprovalRequestView,
  ApprovalRouteView,
} from '../../../shared/schemas/approvals.ts';
import type { ApplicationDetail } from '../../../shared/schemas/customer-applications.ts';
import type { UserView } from '../../../shared/schemas/users.ts';
import { asAdmin, buildUser, pendingStep, unique } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

/**
 * Who reads an application and its approval (customer-applications.policy.ts, approvals.policy.ts): the
 * applicant; whoever a step is addressed to, here through a role that carries neither customer.read nor
 * admission.approve; holders of the flow's approve permission see the approval (but without customer.read
 * not the application); anyone else gets a 404 for both.
 */
const t = setupTestApp();

function application() {
  const tag = unique();
  return {
    customer: {
      name: `范围精密机械${tag}有限公司`,
      address: '上海市浦东新区张江路 88 号',
      contacts: [{ name: '李经理', mobile: '13900139000', isPrimary: true }],
    },
    requestedClass: 'C',
    requestedCreditLevel: 'III',
    requestedCreditLimit: 50_000,
    requestedCreditPeriodDays: 30,
    investigationNotes: '电话核实经营地址，银行资信一般。',
  };
}

describe('who reads an application and its approval', () => {
  it('the applicant, the approvers its steps are addressed to (by role), the flow’s deciders; no one else', async () => {
    const admin = await asAdmin(t());
    // III admissions go to a reviewing role that holds neither customer.read nor admission.approve.
    const reviewer = await buildUser(t(), { permissions: ['admission.apply'] });
    const reviewerRole = (await admin.get<UserView>(`/api/v1/users/${reviewer.userId}`)).body.roleIds[0]!;
    const routes = (await admin.get<ApprovalRouteView[]>('/api/v1/approval-routes?flow=customer_admission'))
      .body;
    const third = routes.find((r) => r.condition.creditLevels?.includes('III'))!;
    const moved = await admin.patch(`/api/v1/approval-routes/${third.id}`, { approverRoleId: reviewerRole });
    expect(moved.status).toBe(200);

    const seller = await buildUser(t(), { roles: ['sales'] });
    const bystander = await buildUser(t(), { permissions: ['customer.read', 'admission.apply'] });
    const flowDecider = await buildUser(t(), { permissions: ['admission.approve'] });
    const created = await seller.client.post<ApplicationDetail>(
      '/api/v1/customer-applications',
      application(),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    // A draft is sent to nobody yet.
    expect((await reviewer.client.get(`/api/v1/customer-applications/${id}`)).status).toBe(404);

    const submitted = await seller.client.post<ApplicationDetail>(
      `/api/v1/customer-applications/${id}/submit`,
    );
    const approvalId = submitted.body.approvalRequestId!;
    expect(submitted.body.approvals[0]!.steps[0]!.approverRoleId).toBe(reviewerRole);

    // The reviewer reads what they are asked to decide, and its approval.
    const read = await reviewer.client.get<ApplicationDetail>(`/api/v1/customer-applications/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.investigationNotes).toContain('电话核实');
    const approval = await reviewer.client.get<ApprovalRequestView>(`/api/v1/approvals/${approvalId}`);
    expect(approval.status).toBe(200);
    expect(approval.body.decidableStepId).toBe(approval.body.steps[0]!.id);

    // Someone with customer.read who is neither applicant nor approver: 404 for both, like a missing id.
    for (const path of [`/api/v1/customer-applications/${id}`, `/api/v1/approvals/${approvalId}`]) {
      const hidden = await bystander.client.get(path);
      expect(hidden.status, path).toBe(404);
      expect(errorCode(hidden.body)).toBe('NOT_FOUND');
    }

    // admission.approve reads every admission approval; without customer.read not the application itself.
    expect((await flowDecider.client.get(`/api/v1/approvals/${approvalId}`)).status).toBe(200);
    expect((await flowDecider.client.get(`/api/v1/customer-applications/${id}`)).status).toBe(404);
    const inbox = await flowDecider.client.get<{ items: ApprovalInboxItem[] }>('/api/v1/approvals/inbox');
    expect(inbox.body.items.some((i) => i.requestId === approvalId)).toBe(false);

    // Seeing an application is not owning it: only the applicant withdraws it.
    const notTheirs = await reviewer.client.post(`/api/v1/customer-applications/${id}/withdraw`, {});
    expect(notTheirs.status).toBe(403);
    expect(errorCode(notTheirs.body)).toBe('FORBIDDEN');
    const hiddenWithdraw = await bystander.client.post(`/api/v1/customer-applications/${id}/withdraw`, {});
    expect(hiddenWithdraw.status).toBe(404);

    // Once decided, the decider still reads what they decided.
    const step = await pendingStep(reviewer.client, approvalId);
    const decided = await reviewer.client.post<ApprovalRequestView>(
      `/api/v1/approvals/steps/${step.id}/decide`,
      { decision: 'approve', comment: '同意' },
    );
    expect(decided.body.status).toBe('approved');
    const after = await reviewer.client.get<ApplicationDetail>(`/api/v1/customer-applications/${id}`);
    expect(after.body.status).toBe('approved');
    expect((await bystander.client.get(`/api/v1/customer-applications/${id}`)).status).toBe(404);
  });
});
