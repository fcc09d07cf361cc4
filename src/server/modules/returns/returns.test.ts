import { describe, expect, it } from 'vitest';
import type { ReturnDetail } from '../../../shared/schemas/returns.ts';
import {
  buildComplaintRow,
  buildCustomer,
  buildReturn,
  inspectAll,
  receiveAll,
  returnNoticeBody,
} from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { returnsCast } from './returns.fixtures.ts';
import { returnsOfComplaint } from './returns.queries.ts';

const t = setupTestApp();

async function notificationsOf(userId: number) {
  return t().db.selectFrom('notification').select(['kind', 'link']).where('user_id', '=', userId).execute();
}

async function auditActions(id: number) {
  const rows = await t()
    .db.selectFrom('audit_log')
    .select(['action', 'changes'])
    .where('entity_type', '=', 'return_notice')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('return notices (《退货通知单》)', () => {
  it('runs notified → received (with a discrepancy) → inspected → rework → rework done → closed', async () => {
    const cast = await returnsCast(t());
    const notice = await buildReturn(t(), { client: cast.sales.client });
    expect(notice).toMatchObject({ status: 'notified', orderRef: 'DD20260301-0007', itemCount: 2 });
    expect(notice.number).toMatch(/^TH-\d{8}-\d{3}$/);
    expect(notice.items.map((i) => [i.position, i.product, i.quantity])).toEqual([
      [1, '深沟球轴承', 100],
      [2, '轴承座', 20],
    ]);
    expect(await notificationsOf(cast.warehouse.userId)).toContainEqual({
      kind: 'return.notified',
      link: `/returns/${notice.id}`,
    });

    // 点收: 98 of 100 arrived — without a note the count is refused.
    const [bearing, housing] = notice.items;
    const counted = (note?: string) => ({
      items: [
        { itemId: bearing!.id, receivedQuantity: 98, ...(note ? { note } : {}) },
        { itemId: housing!.id, receivedQuantity: 20 },
      ],
      note: '外箱完好，签收',
    });
    const silent = await cast.warehouse.client.post(`/api/v1/returns/${notice.id}/receive`, counted());
    expect(silent.status).toBe(400);
    expect(errorCode(silent.body)).toBe('RETURN_DISCREPANCY_NOTE_REQUIRED');
    const partial = await cast.warehouse.client.post(`/api/v1/returns/${notice.id}/receive`, {
      items: [{ itemId: bearing!.id, receivedQuantity: 100 }],
    });
    expect(errorCode(partial.body)).toBe('RETURN_ITEMS_MISMATCH');
    const received = await cast.warehouse.client.post<ReturnDetail>(
      `/api/v1/returns/${notice.id}/receive`,
      counted('少 2 个，客户确认在途丢失'),
    );
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('received');
    expect(received.body.received).toMatchObject({ note: '外箱完好，签收', byName: cast.warehouse.username });
    expect(received.body.items.map((i) => [i.receivedQuantity, i.discrepancy, i.note])).toEqual([
      [98, true, '少 2 个，客户确认在途丢失'],
      [20, false, null],
    ]);
    expect(await notificationsOf(cast.quality.userId)).toContainEqual({
      kind: 'return.received',
      link: `/returns/${notice.id}`,
    });
    const again = await cast.warehouse.client.post(`/api/v1/returns/${notice.id}/receive`, counted('x'));
    expect(errorCode(again.body)).toBe('RETURN_NOT_AWAITING_RECEIPT');

    // 品保部: no more defective than received.
    const tooMany = await cast.quality.client.post(`/api/v1/returns/${notice.id}/inspect`, {
      defectConfirmed: true,
      note: '异响',
      items: [
        { itemId: bearing!.id, defectiveQuantity: 99 },
        { itemId: housing!.id, defectiveQuantity: 0 },
      ],
    });
    expect(errorCode(tooMany.body)).toBe('RETURN_DEFECTIVE_EXCEEDS_RECEIVED');
    const noNote = await cast.quality.client.post(`/api/v1/returns/${notice.id}/inspect`, {
      ...inspectAll(received.body),
      note: '',
    });
    expect(noNote.status).toBe(400);
    const inspected = await cast.quality.client.post<ReturnDetail>(
      `/api/v1/returns/${notice.id}/inspect`,
      inspectAll(received.body, 12),
    );
    expect(inspected.body.status).toBe('inspected');
    expect(inspected.body.inspected).toMatchObject({ defectConfirmed: true, byName: cast.quality.username });
    expect(inspected.body.items.map((i) => i.defectiveQuantity)).toEqual([12, 12]);
    expect(await notificationsOf(cast.sales.userId)).toContainEqual({
      kind: 'return.inspected',
      link: `/returns/${notice.id}`,
    });

    // 返工: instructions and due date are required; the 《返工通知单》 gets its own number.
    const bare = await cast.sales.client.post(`/api/v1/returns/${notice.id}/dispose`, {
      disposition: 'rework',
    });
    expect(bare.status).toBe(400);
    expect(errorCode(bare.body)).toBe('RETURN_REWORK_INSTRUCTIONS_REQUIRED');
    const disposed = await cast.sales.client.post<ReturnDetail>(`/api/v1/returns/${notice.id}/dispose`, {
      disposition: 'rework',
      reworkInstructions: '更换保持架，100% 复检噪音',
      reworkDueDate: '2026-04-15',
      note: '生产部返工后重新发货',
    });
    expect(disposed.status).toBe(200);
    expect(disposed.body).toMatchObject({ status: 'disposed', disposition: 'rework', closable: false });
    expect(disposed.body.rework).toMatchObject({
      instructions: '更换保持架，100% 复检噪音',
      dueDate: '2026-04-15',
    });
    expect(disposed.body.rework!.number).toMatch(/^FG-\d{8}-\d{3}$/);
    const twice = await cast.sales.client.post(`/api/v1/returns/${notice.id}/dispose`, {
      disposition: 'scrap',
    });
    expect(errorCode(twice.body)).toBe('RETURN_ALREADY_DISPOSED');

    const early = await cast.sales.client.post(`/api/v1/returns/${notice.id}/close`);
    expect(errorCode(early.body)).toBe('RETURN_REWORK_NOT_DONE');
    const notReplace = await cast.sales.client.post(`/api/v1/returns/${notice.id}/delivered`);
    expect(errorCode(notReplace.body)).toBe('RETURN_NOT_REPLACE');
    const warehouseRework = await cast.warehouse.client.post(`/api/v1/returns/${notice.id}/rework-done`);
    expect(warehouseRework.status).toBe(403);
    const done = await cast.quality.client.post<ReturnDetail>(`/api/v1/returns/${notice.id}/rework-done`, {
      note: '复检合格',
    });
    expect(done.body.rework!.doneAt).not.toBeNull();
    expect(done.body.closable).toBe(true);
    const doneAgain = await cast.quality.client.post(`/api/v1/returns/${notice.id}/rework-done`);
    expect(errorCode(doneAgain.body)).toBe('RETURN_REWORK_ALREADY_DONE');

    const closed = await cast.sales.client.post<ReturnDetail>(`/api/v1/returns/${notice.id}/close`);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closedAt).not.toBeNull();
    expect(errorCode((await cast.sales.client.post(`/api/v1/returns/${notice.id}/close`)).body)).toBe(
      'RETURN_NOT_DISPOSED',
    );
    expect(
      errorCode((await cast.sales.client.post(`/api/v1/returns/${notice.id}/cancel`, { reason: 'x' })).body),
    ).toBe('RETURN_CLOSED');

    expect(await auditActions(notice.id)).toEqual([
      'return_notice.create',
      'return_notice.receive',
      'return_notice.inspect',
      'return_notice.dispose',
      'return_notice.rework_done',
      'return_notice.close',
    ]);
    const receipt = await t()
      .db.selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'return_notice.receive')
      .where('entity_id', '=', String(notice.id))
      .executeTakeFirstOrThrow();
    expect(receipt.changes).toContainEqual({ field: 'status', before: 'notified', after: 'received' });

    // The printed forms.
    const print = await cast.warehouse.client.get<string>(`/api/v1/returns/${notice.id}/print`);
    expect(print.status).toBe(200);
    expect(print.headers.get('content-type')).toContain('text/html');
    expect(print.body).toContain('退货通知单');
    expect(print.body).toContain(notice.number);
    expect(print.body).toContain('深沟球轴承');
    expect(print.body).toContain('6204-2RS');
    expect(print.body).toContain('少 2 个，客户确认在途丢失');
    const rework = await cast.quality.client.get<string>(`/api/v1/returns/${notice.id}/rework-print`);
    expect(rework.status).toBe(200);
    expect(rework.body).toContain('返工通知单');
    expect(rework.body).toContain(disposed.body.rework!.number);
    expect(rework.body).toContain('更换保持架');
  });

  it('takes the complaint’s customer, checks both exist and lists the notices of a complaint', async () => {
    const cast = await returnsCast(t());
    const customer = await buildCustomer(t());
    const other = await buildCustomer(t());
    const complaint = await buildComplaintRow(t(), { customerId: customer.id });
    const { customerId: _omit, ...withoutCustomer } = returnNoticeBody(customer.id);
    const fromComplaint = await cast.sales.client.post<ReturnDetail>('/api/v1/returns', {
      ...withoutCustomer,
      complaintId: complaint.id,
    });
    expect(fromComplaint.status).toBe(201);
    expect(fromComplaint.body).toMatchObject({
      customerId: customer.id,
      customerName: customer.name,
      complaintId: complaint.id,
      complaintNumber: complaint.number,
    });
    expect(await returnsOfComplaint(t().db, complaint.id)).toEqual([
      { id: fromComplaint.body.id, number: fromComplaint.body.number, status: 'notified' },
    ]);

    const cases: [Record<string, unknown>, string][] = [
      [withoutCustomer, 'RETURN_CUSTOMER_REQUIRED'],
      [{ ...withoutCustomer, complaintId: 999999 }, 'RETURN_COMPLAINT_NOT_FOUND'],
      [{ ...withoutCustomer, customerId: 999999 }, 'RETURN_CUSTOMER_NOT_FOUND'],
      [
        { ...withoutCustomer, customerId: other.id, complaintId: complaint.id },
        'RETURN_COMPLAINT_OTHER_CUSTOMER',
      ],
      [{ ...withoutCustomer, customerId: customer.id, items: [] }, 'VALIDATION_FAILED'],
      [
        { ...withoutCustomer, customerId: customer.id, items: [{ product: '轴承', quantity: 0 }] },
        'VALIDATION_FAILED',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await cast.sales.client.post('/api/v1/returns', body);
      expect(res.status, code).toBe(400);
      expect(errorCode(res.body)).toBe(code);
    }
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ product: `P${i}`, quantity: 1 }));
    expect(
      (
        await cast.sales.client.post('/api/v1/returns', {
          ...withoutCustomer,
          customerId: customer.id,
          items: tooMany,
        })
      ).status,
    ).toBe(400);
  });

  it('cancels only before receipt, with a reason', async () => {
    const cast = await returnsCast(t());
    const notice = await buildReturn(t(), { client: cast.sales.client });
    expect((await cast.sales.client.post(`/api/v1/returns/${notice.id}/cancel`, {})).status).toBe(400);
    const cancelled = await cast.sales.client.post<ReturnDetail>(`/api/v1/returns/${notice.id}/cancel`, {
      reason: '客户决定不退货',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '客户决定不退货' });
    const receive = await cast.warehouse.client.post(
      `/api/v1/returns/${notice.id}/receive`,
      receiveAll(notice),
    );
    expect(errorCode(receive.body)).toBe('RETURN_NOT_AWAITING_RECEIPT');

    const arrived = await buildReturn(t(), { client: cast.sales.client });
    await cast.warehouse.client.post(`/api/v1/returns/${arrived.id}/receive`, receiveAll(arrived));
    const late = await cast.sales.client.post(`/api/v1/returns/${arrived.id}/cancel`, { reason: '太晚了' });
    expect(late.status).toBe(409);
    expect(errorCode(late.body)).toBe('RETURN_CANCEL_AFTER_RECEIPT');
  });

  it('refuses every step out of order with its own code', async () => {
    const cast = await returnsCast(t());
    const notice = await buildReturn(t(), { client: cast.sales.client });
    const post = (client: typeof cast.sales.client, action: string, body: unknown = {}) =>
      client.post(`/api/v1/returns/${notice.id}/${action}`, body).then((r) => [r.status, errorCode(r.body)]);
    expect(await post(cast.quality.client, 'inspect', inspectAll(notice))).toEqual([
      409,
      'RETURN_NOT_RECEIVED',
    ]);
    expect(await post(cast.sales.client, 'dispose', { disposition: 'scrap' })).toEqual([
      409,
      'RETURN_NOT_INSPECTED',
    ]);
    expect(await post(cast.sales.client, 'close')).toEqual([409, 'RETURN_NOT_DISPOSED']);
    expect(await post(cast.quality.client, 'rework-done')).toEqual([409, 'RETURN_NOT_DISPOSED']);
    expect(await post(cast.warehouse.client, 'delivered')).toEqual([409, 'RETURN_NOT_DISPOSED']);
    await cast.warehouse.client.post(`/api/v1/returns/${notice.id}/receive`, receiveAll(notice));
    expect(await post(cast.sales.client, 'dispose', { disposition: 'scrap' })).toEqual([
      409,
      'RETURN_NOT_INSPECTED',
    ]);
    expect(await post(cast.sales.client, 'close')).toEqual([409, 'RETURN_NOT_DISPOSED']);
    expect((await cast.sales.client.get(`/api/v1/returns/${notice.id}/rework-print`)).status).toBe(404);
  });
});
