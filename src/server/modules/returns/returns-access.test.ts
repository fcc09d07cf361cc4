import { describe, expect, it } from 'vitest';
import type { ReturnDetail, ReturnView } from '../../../shared/schemas/returns.ts';
import { buildCustomer, buildReturn, buildUser, receiveAll, returnNoticeBody } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { returnsCast } from './returns.fixtures.ts';

const t = setupTestApp();
type Page = { items: ReturnView[]; nextCursor: string | null };

describe('return notices: who may do what, and the list', () => {
  it('keeps each department to its own step, and unknown notices are 404', async () => {
    const cast = await returnsCast(t());
    const notice = await buildReturn(t(), { client: cast.sales.client });
    const customer = await buildCustomer(t());
    expect((await cast.warehouse.client.post('/api/v1/returns', returnNoticeBody(customer.id))).status).toBe(
      403,
    );
    expect(
      (await cast.warehouse.client.post(`/api/v1/returns/${notice.id}/dispose`, { disposition: 'scrap' }))
        .status,
    ).toBe(403);
    expect(
      (await cast.quality.client.post(`/api/v1/returns/${notice.id}/receive`, receiveAll(notice))).status,
    ).toBe(403);
    expect(
      (await cast.sales.client.post(`/api/v1/returns/${notice.id}/receive`, receiveAll(notice))).status,
    ).toBe(403);
    expect((await cast.warehouse.client.get(`/api/v1/returns/${notice.id}`)).status).toBe(200);

    const agent = await buildUser(t(), { roles: ['agent'] });
    const list = await agent.client.get('/api/v1/returns');
    expect(list.status).toBe(403);
    expect(errorCode(list.body)).toBe('FORBIDDEN');
    expect((await agent.client.get(`/api/v1/returns/${notice.id}`)).status).toBe(403);

    const missing = await cast.sales.client.get('/api/v1/returns/999999');
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('NOT_FOUND');
    expect(
      (await cast.warehouse.client.post('/api/v1/returns/999999/receive', receiveAll(notice))).status,
    ).toBe(404);
    expect((await cast.sales.client.get('/api/v1/returns/999999/print')).status).toBe(404);
  });

  it('lists newest first with filters and a keyset cursor', async () => {
    const cast = await returnsCast(t());
    const customer = await buildCustomer(t());
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await cast.sales.client.post<ReturnDetail>(
        '/api/v1/returns',
        returnNoticeBody(customer.id, { orderRef: `LIST-${customer.id}-${i}` }),
      );
      ids.push(res.body.id);
    }
    await cast.sales.client.post(`/api/v1/returns/${ids[0]}/cancel`, { reason: '重复录入' });
    const first = await cast.warehouse.client.get<Page>(`/api/v1/returns?customerId=${customer.id}&limit=2`);
    expect(first.body.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]!.itemsSummary).toBe('深沟球轴承 ×100、轴承座 ×20');
    const second = await cast.warehouse.client.get<Page>(
      `/api/v1/returns?customerId=${customer.id}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    const open = await cast.warehouse.client.get<Page>(
      `/api/v1/returns?customerId=${customer.id}&status=open`,
    );
    expect(open.body.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const cancelled = await cast.warehouse.client.get<Page>(
      `/api/v1/returns?customerId=${customer.id}&status=cancelled`,
    );
    expect(cancelled.body.items.map((r) => r.id)).toEqual([ids[0]]);
    const byOrder = await cast.warehouse.client.get<Page>(`/api/v1/returns?q=LIST-${customer.id}-1`);
    expect(byOrder.body.items.map((r) => r.id)).toEqual([ids[1]]);
    const number = first.body.items[0]!.number;
    const byNumber = await cast.warehouse.client.get<Page>(`/api/v1/returns?q=${number}`);
    expect(byNumber.body.items.map((r) => r.id)).toEqual([ids[2]]);
  });
});
