import type { ApprovalRequestView } from '../../../shared/schemas/approvals.ts';
import type { ReturnDetail } from '../../../shared/schemas/returns.ts';
import type { ApiClient } from '../../test/api-client.ts';
import type { TestApp } from '../../test/test-app.ts';
import { activeCustomer, userInRoles } from '../approvals/approvals.fixtures.ts';

/** 营业部 (files and disposes), 仓储 (receives), 品保部 (inspects), and the approvers of compensations. */
export async function returnsCast(t: TestApp) {
  const [sales, warehouse, quality, manager] = await Promise.all([
    userInRoles(t, ['complaint_specialist']),
    userInRoles(t, ['warehouse']),
    userInRoles(t, ['quality']),
    userInRoles(t, ['service_manager']),
  ]);
  return { sales, warehouse, quality, manager };
}

export function noticeBody(customerId: number, extra: Record<string, unknown> = {}) {
  return {
    customerId,
    orderRef: 'DD20260301-0007',
    reason: '客户反映轴承异响，整批退回',
    items: [
      { product: '深沟球轴承', spec: '6204-2RS', unit: '个', quantity: 100 },
      { product: '轴承座', spec: 'UCP204', unit: '套', quantity: 20 },
    ],
    ...extra,
  };
}

export async function fileNotice(t: TestApp, client: ApiClient, extra: Record<string, unknown> = {}) {
  const customer = await activeCustomer(t);
  const res = await client.post<ReturnDetail>('/api/v1/returns', noticeBody(customer.id, extra));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Counted exactly as notified. */
export const receiveAll = (notice: ReturnDetail) => ({
  items: notice.items.map((i) => ({ itemId: i.id, receivedQuantity: i.quantity })),
});

export const inspectAll = (notice: ReturnDetail, defective = 5) => ({
  defectConfirmed: true,
  note: '保持架变形导致异响，属制程不良',
  items: notice.items.map((i) => ({ itemId: i.id, defectiveQuantity: Math.min(defective, i.quantity) })),
});

/** A notice filed, received and inspected, waiting for its disposition. */
export async function inspectedNotice(t: TestApp, cast: Awaited<ReturnType<typeof returnsCast>>) {
  const notice = await fileNotice(t, cast.sales.client);
  const received = await cast.warehouse.client.post(
    `/api/v1/returns/${notice.id}/receive`,
    receiveAll(notice),
  );
  if (received.status !== 200) throw new Error(`receive failed: ${JSON.stringify(received.body)}`);
  const inspected = await cast.quality.client.post<ReturnDetail>(
    `/api/v1/returns/${notice.id}/inspect`,
    inspectAll(notice),
  );
  if (inspected.status !== 200) throw new Error(`inspect failed: ${JSON.stringify(inspected.body)}`);
  return inspected.body;
}

/** The step of the compensation's approval now waiting for a decision. */
export async function pendingStep(client: ApiClient, approvalId: number) {
  const request = await client.get<ApprovalRequestView>(`/api/v1/approvals/${approvalId}`);
  const step = request.body.steps.find((s) => s.status === 'pending');
  if (!step) throw new Error(`no pending step: ${JSON.stringify(request.body)}`);
  return step;
}
