import { describe, expect, it } from 'vitest';
import type { ReturnAttachment, ReturnDetail } from '../../../shared/schemas/returns.ts';
import { buildReturn, buildUser, pendingStep } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { returnsCast } from './returns.fixtures.ts';

const t = setupTestApp();

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('return dispositions', () => {
  it('replace: needs a planned date, and closes only once delivered', async () => {
    const cast = await returnsCast(t());
    const notice = await buildReturn(t(), {
      client: cast.sales.client,
      receivedBy: cast.warehouse.client,
      inspectedBy: cast.quality.client,
    });
    const url = `/api/v1/returns/${notice.id}`;
    const bare = await cast.sales.client.post(`${url}/dispose`, { disposition: 'replace' });
    expect(errorCode(bare.body)).toBe('RETURN_REPLACEMENT_DATE_REQUIRED');
    const disposed = await cast.sales.client.post<ReturnDetail>(`${url}/dispose`, {
      disposition: 'replace',
      replacementPlannedDate: '2026-04-20',
    });
    expect(disposed.body).toMatchObject({
      status: 'disposed',
      disposition: 'replace',
      rework: null,
      replacement: { plannedDate: '2026-04-20', deliveredAt: null },
      closable: false,
    });
    const early = await cast.sales.client.post(`${url}/close`);
    expect(early.status).toBe(409);
    expect(errorCode(early.body)).toBe('RETURN_REPLACEMENT_NOT_DELIVERED');
    expect(errorCode((await cast.quality.client.post(`${url}/rework-done`)).body)).toBe('RETURN_NOT_REWORK');
    expect((await cast.quality.client.post(`${url}/delivered`)).status).toBe(403);
    const delivered = await cast.warehouse.client.post<ReturnDetail>(`${url}/delivered`, {
      note: '顺丰发出',
    });
    expect(delivered.body.replacement!.deliveredAt).not.toBeNull();
    expect(errorCode((await cast.warehouse.client.post(`${url}/delivered`)).body)).toBe(
      'RETURN_ALREADY_DELIVERED',
    );
    expect((await cast.warehouse.client.post(`${url}/close`)).status).toBe(403);
    const closed = await cast.sales.client.post<ReturnDetail>(`${url}/close`);
    expect(closed.body.status).toBe('closed');
  });

  it('scrap: closes at once, and the defect finding shows even when not confirmed', async () => {
    const cast = await returnsCast(t());
    const notice = await buildReturn(t(), { client: cast.sales.client });
    const url = `/api/v1/returns/${notice.id}`;
    await cast.warehouse.client.post(`${url}/receive`, {
      items: notice.items.map((i) => ({ itemId: i.id, receivedQuantity: i.quantity })),
    });
    const inspected = await cast.quality.client.post<ReturnDetail>(`${url}/inspect`, {
      defectConfirmed: false,
      note: '复测无异响，非质量问题',
      items: notice.items.map((i) => ({ itemId: i.id, defectiveQuantity: 0 })),
    });
    expect(inspected.body.inspected).toMatchObject({
      defectConfirmed: false,
      note: '复测无异响，非质量问题',
    });
    const disposed = await cast.sales.client.post<ReturnDetail>(`${url}/dispose`, {
      disposition: 'scrap',
      note: '客户不要回货',
    });
    expect(disposed.body.closable).toBe(true);
    expect((await cast.sales.client.post<ReturnDetail>(`${url}/close`)).body.status).toBe('closed');
    const print = await cast.sales.client.get<string>(`${url}/print`);
    expect(print.body).toContain('不属实');
    expect(print.body).toContain('报废');
  });

  it('refund: a pending compensation blocks closing; approved (≥ 10 000 also by the executive) closes', async () => {
    const cast = await returnsCast(t());
    const executive = await buildUser(t(), { roles: ['executive'] });
    const notice = await buildReturn(t(), {
      client: cast.sales.client,
      receivedBy: cast.warehouse.client,
      inspectedBy: cast.quality.client,
    });
    const url = `/api/v1/returns/${notice.id}`;
    const noAmount = await cast.sales.client.post(`${url}/dispose`, { disposition: 'refund' });
    expect(errorCode(noAmount.body)).toBe('RETURN_REFUND_AMOUNT_REQUIRED');
    expect(
      (await cast.sales.client.post(`${url}/dispose`, { disposition: 'refund', refundAmount: 0 })).status,
    ).toBe(400);
    const disposed = await cast.sales.client.post<ReturnDetail>(`${url}/dispose`, {
      disposition: 'refund',
      refundAmount: 12500,
      note: '按发票金额退款',
    });
    expect(disposed.body).toMatchObject({ status: 'disposed', refundAmount: 12500, closable: false });
    expect(disposed.body.compensations).toHaveLength(1);
    const compensation = disposed.body.compensations[0]!;
    expect(compensation).toMatchObject({
      kind: 'refund',
      amount: 12500,
      status: 'pending',
      returnId: notice.id,
    });
    expect(compensation.approvalRequestId).not.toBeNull();

    const pending = await cast.sales.client.post(`${url}/close`);
    expect(pending.status).toBe(409);
    expect(errorCode(pending.body)).toBe('RETURN_REFUND_PENDING');
    expect(errorCode((await cast.sales.client.post(`${url}/dispose`, { disposition: 'scrap' })).body)).toBe(
      'RETURN_ALREADY_DISPOSED',
    );

    const first = await pendingStep(cast.manager.client, compensation.approvalRequestId!);
    const byManager = await cast.manager.client.post(`/api/v1/approvals/steps/${first.id}/decide`, {
      decision: 'approve',
      comment: '同意退款',
    });
    expect(byManager.status).toBe(200);
    // From 10 000 the general manager approves as well.
    expect(errorCode((await cast.sales.client.post(`${url}/close`)).body)).toBe('RETURN_REFUND_PENDING');
    const second = await pendingStep(executive.client, compensation.approvalRequestId!);
    await executive.client.post(`/api/v1/approvals/steps/${second.id}/decide`, { decision: 'approve' });

    const approved = await cast.sales.client.get<ReturnDetail>(url);
    expect(approved.body.compensations[0]!.status).toBe('approved');
    expect(approved.body.closable).toBe(true);
    const closed = await cast.sales.client.post<ReturnDetail>(`${url}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });

  it('refund rejected: closing is refused and the notice may be disposed of again', async () => {
    const cast = await returnsCast(t());
    const notice = await buildReturn(t(), {
      client: cast.sales.client,
      receivedBy: cast.warehouse.client,
      inspectedBy: cast.quality.client,
    });
    const url = `/api/v1/returns/${notice.id}`;
    const disposed = await cast.sales.client.post<ReturnDetail>(`${url}/dispose`, {
      disposition: 'refund',
      refundAmount: 800,
    });
    const approvalId = disposed.body.compensations[0]!.approvalRequestId!;
    const step = await pendingStep(cast.manager.client, approvalId);
    await cast.manager.client.post(`/api/v1/approvals/steps/${step.id}/decide`, {
      decision: 'reject',
      comment: '应先返工',
    });
    const rejected = await cast.sales.client.get<ReturnDetail>(url);
    expect(rejected.body).toMatchObject({ redisposable: true, closable: false });
    expect(rejected.body.compensations[0]).toMatchObject({ status: 'rejected', decisionComment: '应先返工' });
    expect(errorCode((await cast.sales.client.post(`${url}/close`)).body)).toBe('RETURN_REFUND_REJECTED');

    const again = await cast.sales.client.post<ReturnDetail>(`${url}/dispose`, {
      disposition: 'rework',
      reworkInstructions: '更换保持架',
      reworkDueDate: '2026-05-01',
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ disposition: 'rework', refundAmount: null, redisposable: false });
    expect(again.body.rework!.number).toMatch(/^FG-/);
    // The rejected refund stays on record.
    expect(again.body.compensations.map((c) => c.status)).toEqual(['rejected']);
  });

  it('keeps photos of the received goods on the notice', async () => {
    const cast = await returnsCast(t());
    const notice = await buildReturn(t(), { client: cast.sales.client });
    const upload = (client: typeof cast.sales.client, id = notice.id) =>
      client.upload<ReturnAttachment>(`/api/v1/returns/${id}/attachments`, {
        name: '外箱破损.png',
        bytes: PNG,
        type: 'image/png',
      });
    const stored = await upload(cast.warehouse.client);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({
      fileName: '外箱破损.png',
      isImage: true,
      uploadedByName: cast.warehouse.username,
    });
    const agent = await buildUser(t(), { roles: ['after_sales_engineer'] });
    expect((await upload(agent.client)).status).toBe(403);
    expect((await upload(cast.warehouse.client, 999999)).status).toBe(404);

    const detail = await cast.quality.client.get<ReturnDetail>(`/api/v1/returns/${notice.id}`);
    expect(detail.body.attachments.map((a) => a.fileName)).toEqual(['外箱破损.png']);
    const file = await cast.quality.client.download(detail.body.attachments[0]!.url);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PNG)).toBe(true);
    expect((await agent.client.get(`/api/v1/returns/${notice.id}/attachments`)).status).toBe(200);

    await cast.sales.client.post(`/api/v1/returns/${notice.id}/cancel`, { reason: '客户撤回' });
    expect((await upload(cast.warehouse.client)).status).toBe(409);
  });
});
