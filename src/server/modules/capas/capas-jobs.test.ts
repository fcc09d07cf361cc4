import { describe, expect, it } from 'vitest';
import type { CapaActionView, CapaDetail } from '../../../shared/schemas/capas.ts';
import {
  buildCapa,
  buildCapaAction,
  buildComplaintRow,
  buildDepartment,
  buildUser,
} from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { escalateOverdueActions } from './capas.jobs.ts';
import { proposeCapaForRepeats } from './repeat-detection.ts';

const t = setupTestApp();

const DAY = 24 * 60 * 60 * 1000;

async function notificationsOf(userId: number, kind: string) {
  return t()
    .db.selectFrom('notification')
    .select(['title', 'link'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute();
}

describe('overdue CAPA actions', () => {
  it('escalate once, the day after their due date in the organisation time zone, to the CAPA owner and the department head', async () => {
    const db = t().db;
    const department = await buildDepartment(t(), { name: '生产部' });
    const quality = await buildUser(t(), { roles: ['quality'] });
    const worker = await buildUser(t(), {
      roles: ['agent'],
      permissions: ['capa.read'],
      departmentId: department.id,
    });
    const head = await buildUser(t(), { roles: ['quality'], departmentId: department.id });
    const capa = await buildCapa(t(), { client: quality.client, ownerUserId: quality.userId });
    const action = await buildCapaAction(t(), {
      client: quality.client,
      capaId: capa.id,
      ownerUserId: worker.userId,
      dueDate: '2090-03-01',
    });
    const done = await buildCapaAction(t(), {
      client: quality.client,
      capaId: capa.id,
      dueDate: '2090-02-01',
    });
    await quality.client.post(`/api/v1/capas/${capa.id}/actions/${done.id}/complete`, { note: '已完成' });

    // 23:00 in Shanghai on the due date: not overdue yet; 00:30 the next day there (16:30 UTC): overdue.
    expect(await escalateOverdueActions(db, new Date('2090-03-01T15:00:00Z'))).toBe(0);
    expect(await escalateOverdueActions(db, new Date('2090-03-01T16:30:00Z'))).toBe(1);
    expect(await escalateOverdueActions(db, new Date('2090-03-05T00:00:00Z'))).toBe(0);

    const detail = (await quality.client.get<CapaDetail>(`/api/v1/capas/${capa.id}`)).body;
    const escalated = detail.actions.find((a) => a.id === action.id)!;
    expect(escalated.escalatedAt).toBe('2090-03-01T16:30:00.000Z');
    expect(detail.actions.find((a) => a.id === done.id)!.escalatedAt).toBeNull();
    expect(await notificationsOf(quality.userId, 'capa.action_overdue')).toHaveLength(1);
    expect(await notificationsOf(head.userId, 'capa.action_overdue')).toEqual([
      expect.objectContaining({ link: `/capas/${capa.id}` }),
    ]);
    // The overdue owner hears about it from the CAPA owner, not as a head of their own department.
    expect(await notificationsOf(worker.userId, 'capa.action_overdue')).toHaveLength(0);

    // A new due date gets a new escalation once it passes.
    const moved = await quality.client.patch<CapaActionView>(
      `/api/v1/capas/${capa.id}/actions/${action.id}`,
      {
        dueDate: '2090-04-01',
      },
    );
    expect(moved.body.escalatedAt).toBeNull();
    expect(await escalateOverdueActions(db, new Date('2090-04-02T04:00:00Z'))).toBe(1);
    expect(await notificationsOf(quality.userId, 'capa.action_overdue')).toHaveLength(2);
  });

  it('without a department head only the CAPA owner is told', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const capa = await buildCapa(t(), { client: quality.client, ownerUserId: quality.userId });
    await buildCapaAction(t(), {
      client: quality.client,
      capaId: capa.id,
      ownerUserId: quality.userId,
      dueDate: '2091-01-01',
    });
    const before = await t()
      .db.selectFrom('notification')
      .select('id')
      .where('kind', '=', 'capa.action_overdue')
      .execute();
    expect(await escalateOverdueActions(t().db, new Date('2091-01-03T00:00:00Z'))).toBe(1);
    const after = await t()
      .db.selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'capa.action_overdue')
      .where('id', 'not in', before.length ? before.map((n) => n.id) : [0])
      .execute();
    expect(after.map((n) => n.user_id)).toEqual([quality.userId]);
  });
});

describe('repeat detection', () => {
  const propose = (c: { id: number; product: string | null; category: string; received_at: Date }) =>
    t()
      .db.transaction()
      .execute((trx) =>
        proposeCapaForRepeats(trx, null, {
          id: c.id,
          product: c.product,
          category: c.category,
          receivedAt: c.received_at,
        }),
      );

  it('the third complaint on a product and category within the window proposes a CAPA; the next one links to it', async () => {
    const manager = await buildUser(t(), { roles: ['quality'] });
    const now = Date.now();
    const product = '热镀锌角钢 L50';
    // Outside the 90-day window: does not count.
    const old = await buildComplaintRow(t(), {
      product,
      category: 'quality_defect',
      receivedAt: new Date(now - 120 * DAY),
    });
    const a = await buildComplaintRow(t(), {
      product,
      category: 'quality_defect',
      receivedAt: new Date(now - 30 * DAY),
    });
    // Another category or product does not count either.
    await buildComplaintRow(t(), { product, category: 'packaging', receivedAt: new Date(now - 20 * DAY) });
    await buildComplaintRow(t(), {
      product: '热镀锌角钢 L63',
      category: 'quality_defect',
      receivedAt: new Date(now - 20 * DAY),
    });
    const b = await buildComplaintRow(t(), {
      product,
      category: 'quality_defect',
      receivedAt: new Date(now - 10 * DAY),
    });
    expect(await propose(b)).toBeNull();
    expect(await propose({ ...old, product: null })).toBeNull();

    const c = await buildComplaintRow(t(), { product, category: 'quality_defect' });
    const capaId = await propose(c);
    expect(capaId).toBeTruthy();
    const detail = (await manager.client.get<CapaDetail>(`/api/v1/capas/${capaId}`)).body;
    expect(detail).toMatchObject({
      source: 'repeat',
      status: 'proposed',
      title: '重复问题：热镀锌角钢 L50 · 产品质量缺陷',
      product,
      complaintCategory: 'quality_defect',
    });
    expect(detail.complaints.map((x) => x.id).sort((x, y) => x - y)).toEqual([a.id, b.id, c.id]);
    expect(await notificationsOf(manager.userId, 'capa.proposed')).toEqual([
      expect.objectContaining({ link: `/capas/${capaId}` }),
    ]);

    // The fourth links to the same CAPA, once; no second proposal.
    const d = await buildComplaintRow(t(), { product, category: 'quality_defect' });
    expect(await propose(d)).toBe(capaId);
    expect(await propose(d)).toBe(capaId);
    const again = (await manager.client.get<CapaDetail>(`/api/v1/capas/${capaId}`)).body;
    expect(again.complaints.map((x) => x.id)).toContain(d.id);
    expect(again.complaints).toHaveLength(4);
    const proposed = await t().db.selectFrom('capa').select('id').where('product', '=', product).execute();
    expect(proposed).toHaveLength(1);

    // Once dismissed, a new repeat proposes a new CAPA.
    await manager.client.post(`/api/v1/capas/${capaId}/dismiss`, { reason: '个别批次问题，已处理' });
    const e = await buildComplaintRow(t(), { product, category: 'quality_defect' });
    const next = await propose(e);
    expect(next).not.toBe(capaId);
    expect(next).toBeTruthy();
  });

  it('follows the configured threshold', async () => {
    await writeSetting(t().db, 'complaints', { repeatCount: 2, repeatDays: 7 });
    const product = '铝型材 6063';
    const first = await buildComplaintRow(t(), {
      product,
      category: 'out_of_tolerance',
      receivedAt: new Date(Date.now() - 8 * DAY),
    });
    const second = await buildComplaintRow(t(), { product, category: 'out_of_tolerance' });
    expect(await propose(second)).toBeNull();
    expect(first.id).toBeTruthy();
    const third = await buildComplaintRow(t(), { product, category: 'out_of_tolerance' });
    expect(await propose(third)).toBeTruthy();
    await writeSetting(t().db, 'complaints', {});
  });
});
