import type { ReturnDetail, returnCreate } from '../../../shared/schemas/returns.ts';
import type { ApiClient } from '../api-client.ts';
import type { TestApp } from '../test-app.ts';
import { type Input, send } from './api.ts';
import { buildCustomer } from './customers.ts';

/** Returns (《退货通知单》). */

/** The body of a 《退货通知单》: two lines of bearings. */
export function returnNoticeBody(
  customerId: number,
  extra: Partial<Input<typeof returnCreate>> = {},
): Input<typeof returnCreate> {
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

/** The receipt of a notice counted exactly as notified. */
export const receiveAll = (notice: ReturnDetail) => ({
  items: notice.items.map((i) => ({ itemId: i.id, receivedQuantity: i.quantity })),
});

/** The inspection of a notice: defect confirmed on `defective` of each line. */
export const inspectAll = (notice: ReturnDetail, defective = 5) => ({
  defectConfirmed: true,
  note: '保持架变形导致异响，属制程不良',
  items: notice.items.map((i) => ({ itemId: i.id, defectiveQuantity: Math.min(defective, i.quantity) })),
});

export type ReturnSpec = Partial<Input<typeof returnCreate>> & {
  /** Who files it (营业部): the administrator by default. */
  client?: ApiClient;
  /** Received in full by this client (仓储)… */
  receivedBy?: ApiClient;
  /** …and inspected by this one (品保部), waiting for its disposition. */
  inspectedBy?: ApiClient;
};

/** A return notice, for a new customer unless `customerId` or `complaintId` is given; received and inspected when asked. */
export async function buildReturn(t: TestApp, spec: ReturnSpec = {}): Promise<ReturnDetail> {
  const { client, receivedBy, inspectedBy, ...input } = spec;
  const customerId =
    input.customerId !== undefined || input.complaintId ? input.customerId : (await buildCustomer(t)).id;
  let notice = await send<ReturnDetail>(t, client, '/api/v1/returns', {
    ...returnNoticeBody(customerId ?? 0),
    ...input,
    customerId,
  });
  if (receivedBy)
    notice = await send<ReturnDetail>(
      t,
      receivedBy,
      `/api/v1/returns/${notice.id}/receive`,
      receiveAll(notice),
      200,
    );
  if (inspectedBy)
    notice = await send<ReturnDetail>(
      t,
      inspectedBy,
      `/api/v1/returns/${notice.id}/inspect`,
      inspectAll(notice),
      200,
    );
  return notice;
}
