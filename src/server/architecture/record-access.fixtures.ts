import { expect } from 'vitest';
import type { ApiClient } from '../test/api-client.ts';
import { buildComplaint, buildTicket, buildUser } from '../test/factories.ts';
import type { TestApp } from '../test/test-app.ts';

/** A record that one caller may see and another, holding the same route permission, may not. */
export interface ScopeScenario {
  id: number;
  /** Values for the route's other id parameters (e.g. cannedId), so the insider's read succeeds. */
  params?: Record<string, number>;
  insider: ApiClient;
  outsider: ApiClient;
}
export type ScopeCase = (
  t: TestApp,
  portalContact: (email: string) => Promise<ApiClient>,
) => Promise<ScopeScenario>;

/** Everyone holding the route's permission sees every record: the reason lives in the policy file named. */
type Everyone = `everyone: ${string}`;

/** A request assigned to the administrator (no team): an agent without ticket.read_all may not see it. */
const otherAgentsTicket: ScopeCase = async (t) => {
  const admin = await t.admin();
  const me = await admin.get<{ user: { id: number } }>('/api/auth/me');
  const created = await buildTicket(t, {
    client: admin,
    subject: '范围测试：他人名下的请求',
    assigneeId: me.body.user.id,
  });
  const canned = await admin.post<{ id: number }>('/api/v1/canned-responses', {
    title: '范围测试',
    body: '您好',
    shared: true,
  });
  expect(canned.status).toBe(201);
  const agent = await buildUser(t, { permissions: ['ticket.read', 'ticket.update'] });
  return {
    id: created.id,
    params: { cannedId: canned.body.id },
    insider: admin,
    outsider: agent.client,
  };
};

/**
 * A complaint whose request is assigned to the administrator: an agent with complaint.read but without
 * ticket.read_all may see neither the request nor the complaint (complaints.policy.ts).
 */
async function otherAgentsComplaint(t: TestApp) {
  const admin = await t.admin();
  const me = await admin.get<{ user: { id: number } }>('/api/auth/me');
  const complaint = await buildComplaint(t, { customerId: null, subject: '范围测试：他人名下的投诉' });
  expect(
    (await admin.post(`/api/v1/tickets/${complaint.ticketId}/assign`, { assigneeId: me.body.user.id }))
      .status,
  ).toBe(200);
  const agent = await buildUser(t, { permissions: ['ticket.read', 'complaint.read'] });
  return { complaint, insider: admin, outsider: agent.client };
}
const otherAgentsComplaintById: ScopeCase = async (t) => {
  const { complaint, ...clients } = await otherAgentsComplaint(t);
  return { id: complaint.id, ...clients };
};
const otherAgentsComplaintByTicket: ScopeCase = async (t) => {
  const { complaint, ...clients } = await otherAgentsComplaint(t);
  return { id: complaint.ticketId, ...clients };
};

/** A new-customer application filed by one salesperson: another salesperson may not see it. */
let applications = 0;
const otherApplicantsApplication: ScopeCase = async (t) => {
  applications++;
  const seller = await buildUser(t, { permissions: ['admission.apply', 'customer.read'] });
  const other = await buildUser(t, { permissions: ['admission.apply', 'customer.read'] });
  const created = await seller.client.post<{ id: number }>('/api/v1/customer-applications', {
    customer: {
      name: `范围测试精密机械${applications}号有限公司`,
      address: '上海市浦东新区张江路 88 号',
      postalCode: '201203',
      phone: `021-5080 ${1000 + applications}`,
      bankName: '招商银行上海分行',
      bankAccount: '6225 8812 3456 7788',
      taxId: `91310000MA1K${String(applications).padStart(6, '0')}`,
      industry: '机械制造',
      contacts: [{ name: '王经理', title: '采购部经理', mobile: '13800138000', isPrimary: true }],
    },
    requestedClass: 'B',
    requestedCreditLevel: 'III',
    requestedCreditLimit: 100000,
    requestedCreditPeriodDays: 30,
    expectedAnnualSales: 500_000,
    businessScope: '数控机床及配件的生产与销售',
    investigationNotes: '实地走访工厂，银行资信良好。',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id, insider: seller.client, outsider: other.client };
};

/** An approval request (a submitted admission): a user who neither asked nor decides may not see it. */
const someoneElsesApproval: ScopeCase = async (t) => {
  const scenario = await otherApplicantsApplication(t, async () => t.client());
  const submitted = await scenario.insider.post<{ approvalRequestId: number }>(
    `/api/v1/customer-applications/${scenario.id}/submit`,
  );
  expect(submitted.status).toBe(200);
  return { id: submitted.body.approvalRequestId, insider: scenario.insider, outsider: scenario.outsider };
};

/** A request raised on the portal by one contact: another contact may not see it. */
const otherContactsRequest: ScopeCase = async (_t, portalContact) => {
  const owner = await portalContact('owner@example.com');
  const other = await portalContact('other@example.com');
  const created = await owner.post<{ id: number }>('/api/portal/tickets', {
    subject: '门户范围测试',
    description: '设备无法启动',
  });
  expect(created.status).toBe(201);
  return { id: created.body.id, insider: owner, outsider: other };
};

/**
 * The scope decision of every `GET …/:id` route (see each module's `*.policy.ts`). A function is a
 * scenario the walk runs; a string says everyone with the route's permission sees every record.
 */
export const SCOPE_DECISIONS: Record<string, ScopeCase | Everyone> = {
  '/api/v1/tickets/:id': otherAgentsTicket,
  '/api/v1/tickets/:id/attachments': otherAgentsTicket,
  '/api/v1/tickets/:id/canned-responses/:cannedId': otherAgentsTicket,
  '/api/v1/tickets/:id/emails': otherAgentsTicket,
  '/api/v1/tickets/:id/events': otherAgentsTicket,
  '/api/v1/tickets/:id/links': otherAgentsTicket,
  '/api/v1/tickets/:id/messages': otherAgentsTicket,
  '/api/v1/tickets/:id/complaint': otherAgentsComplaintByTicket,
  '/api/v1/attachments/:id':
    'everyone: only as its request is visible — checked on the request (attachments.policy.ts)',
  '/api/v1/customer-applications/:id': otherApplicantsApplication,
  '/api/v1/customer-applications/:id/attachments': otherApplicantsApplication,
  '/api/v1/customer-applications/:id/print': otherApplicantsApplication,
  '/api/v1/customer-applications/:id/attachments/:attachmentId':
    'everyone: only as its application is visible — checked on the application (customer-applications.policy.ts)',
  '/api/v1/approvals/:id': someoneElsesApproval,
  '/api/portal/tickets/:id': otherContactsRequest,
  '/api/portal/tickets/:id/attachments': otherContactsRequest,
  '/api/portal/tickets/:id/messages': otherContactsRequest,
  '/api/portal/attachments/:id': 'everyone: only as its request is the contact’s own (portal.policy.ts)',
  '/api/public/kb/articles/:id': 'everyone: published public articles are public (knowledge.policy.ts)',
  '/api/v1/kb/articles/:id': 'everyone: kb.read sees internal and public articles (knowledge.policy.ts)',
  '/api/v1/kb/articles/:id/versions': 'everyone: as the article (knowledge.policy.ts)',
  '/api/v1/kb/articles/:id/versions/:version': 'everyone: as the article (knowledge.policy.ts)',
  '/api/v1/users/:id': 'everyone: user.read sees the staff directory (users.policy.ts)',
  '/api/v1/roles/:id': 'everyone: role.read (roles.policy.ts)',
  '/api/v1/approval-routes/:id': 'everyone: settings.read (approvals.policy.ts)',
  '/api/v1/calendars/:id/days': 'everyone: calendar.read (calendar.policy.ts)',
  '/api/v1/calendars/:id/due': 'everyone: calendar.read (calendar.policy.ts)',
  '/api/v1/mailboxes/:id': 'everyone: mailbox.manage (email.policy.ts)',
  '/api/v1/mailboxes/:id/log': 'everyone: mailbox.manage (email.policy.ts)',
  '/api/v1/ticket-config/types/:id/fields': 'everyone: request configuration (ticket-config.policy.ts)',
  '/api/v1/customers/:id': 'everyone: customer.read sees every customer file (customers.policy.ts)',
  '/api/v1/customers/:id/class-suggestion': 'everyone: as the customer (customers.policy.ts)',
  '/api/v1/customers/:id/contacts': 'everyone: as the customer (customers.policy.ts)',
  '/api/v1/customers/:id/credit-changes': 'everyone: as the customer (credit-changes.policy.ts)',
  '/api/v1/customers/:id/documents': 'everyone: as the customer (customers.policy.ts)',
  '/api/v1/customers/:id/documents/:documentId': 'everyone: as the customer (customers.policy.ts)',
  '/api/v1/customers/:id/key-account': 'everyone: as the customer (key-accounts.policy.ts)',
  '/api/v1/customers/:id/timeline':
    'everyone: as the customer; its requests only as each request is visible (customers.policy.ts)',
  '/api/v1/contacts/:id': 'everyone: as the customer (customers.policy.ts)',
  '/api/v1/credit-changes/:id': 'everyone: customer.read (credit-changes.policy.ts)',
  '/api/v1/key-accounts/:id': 'everyone: customer.read (key-accounts.policy.ts)',
  '/api/v1/complaints/:id': otherAgentsComplaintById,
  '/api/v1/complaints/:id/drafts/:kind': otherAgentsComplaintById,
  '/api/v1/complaints/:id/print/:form': otherAgentsComplaintById,
  '/api/v1/compensations/:id': 'everyone: complaint and compensation roles (complaints.policy.ts)',
  '/api/v1/capas/:id': 'everyone: capa.read (capas.policy.ts)',
  '/api/v1/capas/:id/attachments/:attachmentId': 'everyone: capa.read (capas.policy.ts)',
  '/api/v1/capas/:id/print': 'everyone: capa.read (capas.policy.ts)',
  '/api/v1/returns/:id': 'everyone: return.read (returns.policy.ts)',
  '/api/v1/returns/:id/attachments': 'everyone: return.read (returns.policy.ts)',
  '/api/v1/returns/:id/attachments/:attachmentId': 'everyone: return.read (returns.policy.ts)',
  '/api/v1/returns/:id/print': 'everyone: return.read (returns.policy.ts)',
  '/api/v1/returns/:id/rework-print': 'everyone: return.read (returns.policy.ts)',
};
