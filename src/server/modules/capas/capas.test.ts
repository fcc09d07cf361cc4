import { describe, expect, it } from 'vitest';
import type { CapaBoard, CapaDetail, CapaView } from '../../../shared/schemas/capas.ts';
import {
  buildCapa,
  buildCapaAction,
  buildComplaintRow,
  buildUser,
  capaBody,
  FAR_DUE,
} from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { capasOfComplaint } from './capas.queries.ts';

const t = setupTestApp();

describe('CAPA reports', () => {
  it('the quality specialist opens a standalone report with its analysis; it is numbered and audited', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const res = await quality.client.post<CapaDetail>(
      '/api/v1/capas',
      capaBody({
        source: 'audit',
        containment: '已出货批次全部召回复检',
        whyChain: ['纸箱塌陷', '纸箱受潮', '仓库湿度高'],
        causeCategory: 'environment',
        rootCause: '仓库无温湿度控制',
        product: '瓦楞纸箱 A3',
        ownerUserId: quality.userId,
        dueDate: '2026-12-31',
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      source: 'audit',
      status: 'open',
      whyChain: ['纸箱塌陷', '纸箱受潮', '仓库湿度高'],
      causeCategory: 'environment',
      owner: { id: quality.userId },
      dueDate: '2026-12-31',
      actions: [],
      complaints: [],
    });
    expect(res.body.number).toMatch(/^CAPA-\d{6}-\d{3}$/);
    const audit = await t()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'capa')
      .where('entity_id', '=', String(res.body.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('capa.create');

    // More than five whys, or a cause category outside 人机料法环测, is refused.
    const tooMany = await quality.client.post(
      '/api/v1/capas',
      capaBody({ whyChain: ['1', '2', '3', '4', '5', '6'] }),
    );
    expect(errorCode(tooMany.body)).toBe('VALIDATION_FAILED');
    const badCause = await quality.client.post('/api/v1/capas', capaBody({ causeCategory: 'luck' }));
    expect(badCause.status).toBe(400);
  });

  it('from a complaint: linked, product and category taken over; needs complaint.read; the complaint must exist', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const complaint = await buildComplaintRow(t(), {
      product: '不锈钢阀门 DN50',
      category: 'out_of_tolerance',
    });
    const res = await quality.client.post<CapaDetail>(
      '/api/v1/capas',
      capaBody({ source: 'complaint', complaintId: complaint.id, title: '阀门尺寸超差' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      source: 'complaint',
      product: '不锈钢阀门 DN50',
      complaintCategory: 'out_of_tolerance',
      complaints: [{ id: complaint.id, number: complaint.number }],
    });
    expect(await capasOfComplaint(t().db, complaint.id)).toEqual([
      { id: res.body.id, number: res.body.number, status: 'open', title: '阀门尺寸超差' },
    ]);

    const missing = await quality.client.post(
      '/api/v1/capas',
      capaBody({ source: 'complaint', complaintId: 999999 }),
    );
    expect(errorCode(missing.body)).toBe('CAPA_COMPLAINT_NOT_FOUND');
    const noComplaint = await quality.client.post('/api/v1/capas', capaBody({ source: 'complaint' }));
    expect(errorCode(noComplaint.body)).toBe('VALIDATION_FAILED');
    // A CAPA manager who may not read complaints cannot open one from a complaint.
    const blind = await buildUser(t(), { permissions: ['capa.read', 'capa.manage'] });
    const refused = await blind.client.post(
      '/api/v1/capas',
      capaBody({ source: 'complaint', complaintId: complaint.id }),
    );
    expect(refused.status).toBe(403);
    // Repeat detection is the only source of 'repeat'.
    const repeat = await quality.client.post('/api/v1/capas', capaBody({ source: 'repeat' }));
    expect(repeat.status).toBe(400);
  });

  it('permissions: capa.read to see, capa.manage to create; an unknown id is 404', async () => {
    const agent = await buildUser(t(), { roles: ['agent'] });
    expect((await agent.client.get('/api/v1/capas')).status).toBe(403);
    expect((await agent.client.get('/api/v1/capas/board')).status).toBe(403);
    const warehouse = await buildUser(t(), { roles: ['warehouse'] });
    expect((await warehouse.client.post('/api/v1/capas', capaBody())).status).toBe(403);
    const specialist = await buildUser(t(), { roles: ['complaint_specialist'] });
    expect((await specialist.client.get('/api/v1/capas')).status).toBe(200);
    expect((await specialist.client.post('/api/v1/capas', capaBody())).status).toBe(403);
    expect((await specialist.client.get('/api/v1/capas/987654')).status).toBe(404);
    const quality = await buildUser(t(), { roles: ['quality'] });
    const capa = await buildCapa(t(), { client: quality.client });
    expect((await specialist.client.post(`/api/v1/capas/${capa.id}/actions`, {})).status).toBe(403);
    expect((await quality.client.patch('/api/v1/capas/987654', { title: 'x' })).status).toBe(404);
  });

  it('a document change names its document; the action owner is notified when assigned', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const engineer = await buildUser(t(), { roles: ['after_sales_engineer'], permissions: ['capa.read'] });
    const capa = await buildCapa(t(), { client: quality.client });
    const bare = await quality.client.post(`/api/v1/capas/${capa.id}/actions`, {
      kind: 'document_change',
      description: '修订包装作业指导书',
      dueDate: FAR_DUE,
    });
    expect(errorCode(bare.body)).toBe('CAPA_DOCUMENT_REF_REQUIRED');
    const action = await buildCapaAction(t(), {
      client: quality.client,
      capaId: capa.id,
      kind: 'document_change',
      description: '修订包装作业指导书，增加防潮要求',
      documentRef: 'WI-PK-003 包装作业指导书',
      ownerUserId: engineer.userId,
    });
    expect(action).toMatchObject({
      kind: 'document_change',
      documentRef: 'WI-PK-003 包装作业指导书',
      status: 'open',
    });
    // Changing it to a document change without a document, or clearing the document, is refused too.
    const plain = await buildCapaAction(t(), { client: quality.client, capaId: capa.id });
    const toDoc = await quality.client.patch(`/api/v1/capas/${capa.id}/actions/${plain.id}`, {
      kind: 'document_change',
    });
    expect(errorCode(toDoc.body)).toBe('CAPA_DOCUMENT_REF_REQUIRED');
    const cleared = await quality.client.patch(`/api/v1/capas/${capa.id}/actions/${action.id}`, {
      documentRef: '',
    });
    expect(errorCode(cleared.body)).toBe('CAPA_DOCUMENT_REF_REQUIRED');

    const notes = await t()
      .db.selectFrom('notification')
      .select(['kind', 'link'])
      .where('user_id', '=', engineer.userId)
      .execute();
    expect(notes).toContainEqual({ kind: 'capa.action_assigned', link: `/capas/${capa.id}` });
    const unknownOwner = await quality.client.post(`/api/v1/capas/${capa.id}/actions`, {
      kind: 'corrective',
      description: 'x',
      dueDate: FAR_DUE,
      ownerUserId: 999999,
    });
    expect(errorCode(unknownOwner.body)).toBe('CAPA_USER_UNKNOWN');
  });

  it('lists with filters and a board by status', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const mine = await buildCapa(t(), {
      client: quality.client,
      source: 'survey',
      title: '满意度下降：交货及时性',
      ownerUserId: quality.userId,
    });
    // Raised without naming an owner: whoever raised it owns it.
    const colleague = await buildUser(t(), { roles: ['quality'] });
    const other = await buildCapa(t(), {
      client: colleague.client,
      source: 'quality_monitoring',
      title: '焊缝气孔率上升',
    });
    expect(other.owner?.id).toBe(colleague.userId);
    await buildCapaAction(t(), { client: quality.client, capaId: other.id, dueDate: '2020-01-01' });

    const bySource = await quality.client.get<{ items: CapaView[] }>('/api/v1/capas?source=survey');
    expect(bySource.body.items.map((c) => c.id)).toContain(mine.id);
    expect(bySource.body.items.map((c) => c.id)).not.toContain(other.id);
    const byOwner = await quality.client.get<{ items: CapaView[] }>(
      `/api/v1/capas?ownerUserId=${quality.userId}`,
    );
    expect(byOwner.body.items.map((c) => c.id)).toEqual([mine.id]);
    const overdue = await quality.client.get<{ items: CapaView[] }>('/api/v1/capas?overdue=true');
    expect(overdue.body.items.map((c) => c.id)).toContain(other.id);
    expect(overdue.body.items.map((c) => c.id)).not.toContain(mine.id);
    expect(overdue.body.items.find((c) => c.id === other.id)).toMatchObject({
      openActions: 1,
      overdueActions: 1,
    });
    const byText = await quality.client.get<{ items: CapaView[] }>(
      `/api/v1/capas?q=${encodeURIComponent('焊缝')}`,
    );
    expect(byText.body.items.map((c) => c.id)).toEqual([other.id]);
    const byNumber = await quality.client.get<{ items: CapaView[] }>(`/api/v1/capas?q=${mine.number}`);
    expect(byNumber.body.items.map((c) => c.id)).toEqual([mine.id]);

    const first = await quality.client.get<{ items: CapaView[]; nextCursor: string | null }>(
      '/api/v1/capas?limit=1',
    );
    expect(first.body.items).toHaveLength(1);
    const second = await quality.client.get<{ items: CapaView[] }>(
      `/api/v1/capas?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0]!.id).toBeLessThan(first.body.items[0]!.id);

    const board = await quality.client.get<CapaBoard>('/api/v1/capas/board');
    expect(board.status).toBe(200);
    expect(board.body.columns.map((c) => c.status)).toEqual([
      'proposed',
      'open',
      'in_progress',
      'verifying',
      'closed',
    ]);
    const open = board.body.columns.find((c) => c.status === 'open')!;
    expect(open.items.map((c) => c.id)).toEqual(expect.arrayContaining([mine.id, other.id]));
    expect(open.total).toBeGreaterThanOrEqual(2);
    const filtered = await quality.client.get<CapaBoard>(`/api/v1/capas/board?ownerUserId=${quality.userId}`);
    expect(filtered.body.columns.find((c) => c.status === 'open')!.items.map((c) => c.id)).toEqual([mine.id]);
  });

  it('prints the report as HTML with its number, analysis and actions', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const capa = await buildCapa(t(), {
      client: quality.client,
      whyChain: ['为什么塌陷？纸箱受潮'],
      rootCause: '仓库无温湿度控制 <b>',
    });
    await buildCapaAction(t(), {
      client: quality.client,
      capaId: capa.id,
      kind: 'preventive',
      description: '每日记录仓库温湿度',
    });
    const res = await quality.client.get<string>(`/api/v1/capas/${capa.id}/print`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.body).toContain(capa.number);
    expect(res.body).toContain('纠正与预防措施报告');
    expect(res.body).toContain('每日记录仓库温湿度');
    expect(res.body).toContain('仓库无温湿度控制 &lt;b&gt;');
    const en = await t().client('en');
    expect((await en.get(`/api/v1/capas/${capa.id}/print`)).status).toBe(401);
    const agent = await buildUser(t(), { roles: ['agent'] });
    expect((await agent.client.get(`/api/v1/capas/${capa.id}/print`)).status).toBe(403);
  });
});
