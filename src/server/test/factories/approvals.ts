import type { ApprovalStepView } from '../../../shared/schemas/approvals.ts';
import type { ApiClient } from '../api-client.ts';
import type { TestApp } from '../test-app.ts';
import { buildUser } from './people.ts';

/** Approvals. */

/** The step of an approval request now waiting for a decision. */
export async function pendingStep(client: ApiClient, approvalId: number): Promise<ApprovalStepView> {
  const request = await client.get(`/api/v1/approvals/${approvalId}`);
  const step = request.body.steps.find((s) => s.status === 'pending');
  if (!step) throw new Error(`no pending step: ${JSON.stringify(request.body)}`);
  return step;
}

/** Decides the pending step of an approval request as a new user holding the default role `roleCode`. */
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
  const approver = await buildUser(t, { roles: [roleCode] });
  return approver.client.post(`/api/v1/approvals/steps/${pending.id}/decide`, {
    decision,
    ...(comment ? { comment } : {}),
  });
}
