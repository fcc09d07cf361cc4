import type { ComplaintDetail } from '../../../shared/schemas/complaints.ts';
import type { ApiClient } from '../../test/api-client.ts';
import type { TestApp } from '../../test/test-app.ts';
import { activeCustomer, userInRoles } from '../approvals/approvals.fixtures.ts';

/** The people of SPEC §2: a complaint specialist, a quality engineer and the general manager. */
export async function complaintTeam(t: TestApp) {
  const [specialist, quality, executive, manager] = await Promise.all([
    userInRoles(t, ['complaint_specialist']),
    userInRoles(t, ['quality']),
    userInRoles(t, ['executive']),
    userInRoles(t, ['service_manager']),
  ]);
  return { specialist, quality, executive, manager };
}

export async function registerComplaint(
  t: TestApp,
  client: ApiClient,
  overrides: Record<string, unknown> = {},
) {
  const customer = await activeCustomer(t);
  const res = await client.post<ComplaintDetail>('/api/v1/complaints', {
    subject: '叉车液压油管漏油',
    content: '上周交付的 3 台叉车液压油管漏油，影响生产',
    channel: 'phone',
    customerId: customer.id,
    objectType: 'product',
    product: 'FD30 叉车',
    category: 'quality_defect',
    severity: 'major',
    demand: '更换油管并赔偿停产损失',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function step(client: ApiClient, id: number, name: string, body: Record<string, unknown>) {
  return client.post<ComplaintDetail>(`/api/v1/complaints/${id}/steps/${name}`, body);
}

/** Decides the pending step of an approval request as a new user holding `roleCode`. */
export async function decideApproval(
  t: TestApp,
  requestId: number,
  roleCode: string,
  decision: 'approve' | 'reject',
  comment?: string,
) {
  const pending = await t.db
    .selectFrom('approval_step')
    .select('id')
    .where('request_id', '=', requestId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const approver = await userInRoles(t, [roleCode]);
  return approver.client.post(`/api/v1/approvals/steps/${pending.id}/decide`, {
    decision,
    ...(comment ? { comment } : {}),
  });
}

export const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
