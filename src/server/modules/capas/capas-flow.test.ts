import { describe, expect, it } from 'vitest';
import type { CapaActionView, CapaDetail } from '../../../shared/schemas/capas.ts';
import { buildCapa, buildCapaAction, buildComplaintRow, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { proposeCapaForRepeats } from './repeat-detection.ts';

const t = setupTestApp();

// A one-pixel PNG, as verification evidence.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const evidence = { name: '复检照片.png', bytes: PNG, type: 'image/png' };

describe('CAPA status flow', () => {
  it('cannot start without a root cause and an action', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const capa = await buildCapa(t(), { client: quality.client });
    const start = () => quality.client.post<CapaDetail>(`/api/v1/capas/${capa.id}/start`);
    expect(errorCode((await start()).body)).toBe('CAPA_ROOT_CAUSE_REQUIRED');
    await quality.client.patch(`/api/v1/capas/${capa.id}`, { rootCause: '来料检验未覆盖含水率' });
    expect(errorCode((await start()).body)).toBe('CAPA_ACTION_REQUIRED');
    // A cancelled action does not count.
    const cancelled = await buildCapaAction(t(), { client: quality.client, capaId: capa.id });
    await quality.client.post(`/api/v1/capas/${capa.id}/actions/${cancelled.id}/cancel`, { note: '重复' });
    expect(errorCode((await start()).body)).toBe('CAPA_ACTION_REQUIRED');
    await buildCapaAction(t(), { client: quality.client, capaId: capa.id });
    const started = await start();
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('in_progress');
    expect(errorCode((await start()).body)).toBe('CAPA_NOT_OPEN');
    // Once started, the root cause may be reworded but not removed.
    const cleared = await quality.client.patch(`/api/v1/capas/${capa.id}`, { rootCause: '' });
    expect(errorCode(cleared.body)).toBe('CAPA_ROOT_CAUSE_REQUIRED');
  });

  it('goes to verification only with every action finished and one done; never closes without a verification', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const capa = await buildCapa(t(), { client: quality.client, start: true });
    const action = capa.actions[0]!;
    const submit = () => quality.client.post<CapaDetail>(`/api/v1/capas/${capa.id}/submit`);
    expect(errorCode((await submit()).body)).toBe('CAPA_ACTIONS_OPEN');
    await quality.client.post(`/api/v1/capas/${capa.id}/actions/${action.id}/cancel`, {});
    expect(errorCode((await submit()).body)).toBe('CAPA_NO_ACTION_DONE');
    const second = await buildCapaAction(t(), {
      client: quality.client,
      capaId: capa.id,
      kind: 'preventive',
    });
    const done = await quality.client.post<CapaActionView>(
      `/api/v1/capas/${capa.id}/actions/${second.id}/complete`,
      {
        note: '已安装除湿机两台',
      },
    );
    expect(done.body).toMatchObject({ status: 'done', doneNote: '已安装除湿机两台' });
    expect(
      errorCode(
        (await quality.client.post(`/api/v1/capas/${capa.id}/actions/${second.id}/complete`, { note: 'x' }))
          .body,
      ),
    ).toBe('CAPA_ACTION_NOT_OPEN');

    // No way to close before verification: verify needs the verifying status; a PATCH cannot set a status.
    const early = await quality.client.post(`/api/v1/capas/${capa.id}/verify`, {
      result: 'effective',
      note: '提前',
    });
    expect(errorCode(early.body)).toBe('CAPA_NOT_VERIFYING');
    await quality.client.patch(`/api/v1/capas/${capa.id}`, { status: 'closed' });
    expect((await quality.client.get<CapaDetail>(`/api/v1/capas/${capa.id}`)).body.status).toBe(
      'in_progress',
    );

    const submitted = await submit();
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('verifying');
    // Frozen while verifying: no edits, no new actions.
    expect(errorCode((await quality.client.patch(`/api/v1/capas/${capa.id}`, { title: '改' })).body)).toBe(
      'CAPA_NOT_EDITABLE',
    );
    expect(
      errorCode(
        (
          await quality.client.post(`/api/v1/capas/${capa.id}/actions`, {
            kind: 'corrective',
            description: 'x',
            dueDate: '2099-01-01',
          })
        ).body,
      ),
    ).toBe('CAPA_ACTIONS_LOCKED');
    // capa.manage alone may not verify.
    const manager = await buildUser(t(), { permissions: ['capa.read', 'capa.manage'] });
    expect(
      (await manager.client.post(`/api/v1/capas/${capa.id}/verify`, { result: 'effective', note: 'x' }))
        .status,
    ).toBe(403);

    const verifier = await buildUser(t(), { roles: ['management_representative'] });
    const uploaded = await verifier.client.upload(`/api/v1/capas/${capa.id}/attachments`, evidence);
    expect(uploaded.status).toBe(201);
    const verified = await verifier.client.post<CapaDetail>(`/api/v1/capas/${capa.id}/verify`, {
      result: 'effective',
      note: '连续三个月无同类投诉',
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'closed',
      verification: { by: { id: verifier.userId }, result: 'effective', note: '连续三个月无同类投诉' },
    });
    expect(verified.body.closedAt).toBeTruthy();
    expect(verified.body.attachments.map((a) => a.fileName)).toEqual(['复检照片.png']);
    const file = await verifier.client.get(verified.body.attachments[0]!.url);
    expect(file.status).toBe(200);
    // Closed is final: no more files, no second verification.
    expect((await verifier.client.upload(`/api/v1/capas/${capa.id}/attachments`, evidence)).status).toBe(409);
    expect(
      errorCode(
        (
          await verifier.client.post(`/api/v1/capas/${capa.id}/verify`, {
            result: 'not_effective',
            note: 'x',
          })
        ).body,
      ),
    ).toBe('CAPA_NOT_VERIFYING');
  });

  it('not effective sends it back to in progress; it needs a new done action before the next verification', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const capa = await buildCapa(t(), { client: quality.client, start: true });
    const action = capa.actions[0]!;
    await quality.client.post(`/api/v1/capas/${capa.id}/actions/${action.id}/complete`, { note: '已整改' });
    await quality.client.post(`/api/v1/capas/${capa.id}/submit`);
    const back = await quality.client.post<CapaDetail>(`/api/v1/capas/${capa.id}/verify`, {
      result: 'not_effective',
      note: '本月又发生两起同类投诉',
    });
    expect(back.body).toMatchObject({
      status: 'in_progress',
      closedAt: null,
      verification: { result: 'not_effective' },
    });
    expect(errorCode((await quality.client.post(`/api/v1/capas/${capa.id}/submit`)).body)).toBe(
      'CAPA_NEEDS_NEW_ACTION',
    );
    const again = await buildCapaAction(t(), {
      client: quality.client,
      capaId: capa.id,
      description: '更换供应商纸板',
    });
    await quality.client.post(`/api/v1/capas/${capa.id}/actions/${again.id}/complete`, { note: '已更换' });
    expect((await quality.client.post<CapaDetail>(`/api/v1/capas/${capa.id}/submit`)).body.status).toBe(
      'verifying',
    );
    const closed = await quality.client.post<CapaDetail>(`/api/v1/capas/${capa.id}/verify`, {
      result: 'effective',
      note: '有效',
    });
    expect(closed.body.status).toBe('closed');
    const audit = await t()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'capa')
      .where('entity_id', '=', String(capa.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'capa.create',
        'capa.action_add',
        'capa.start',
        'capa.action_complete',
        'capa.submit',
        'capa.verify',
      ]),
    );
  });

  it('the action owner completes their own action with capa.read only; others without capa.manage may not', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const owner = await buildUser(t(), { roles: ['complaint_specialist'] });
    const bystander = await buildUser(t(), { roles: ['complaint_specialist'] });
    const capa = await buildCapa(t(), { client: quality.client });
    const action = await buildCapaAction(t(), {
      client: quality.client,
      capaId: capa.id,
      ownerUserId: owner.userId,
    });
    const path = `/api/v1/capas/${capa.id}/actions/${action.id}/complete`;
    expect((await bystander.client.post(path, { note: '代为完成' })).status).toBe(403);
    expect((await owner.client.post(`/api/v1/capas/${capa.id}/actions/${action.id}/cancel`, {})).status).toBe(
      403,
    );
    const done = await owner.client.post<CapaActionView>(path, { note: '已培训全部包装工' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect(
      (await bystander.client.post(`/api/v1/capas/${capa.id}/actions/999999/complete`, { note: 'x' })).status,
    ).toBe(404);
  });

  it('a proposed CAPA is accepted (becomes open) or dismissed with a reason', async () => {
    const quality = await buildUser(t(), { roles: ['quality'] });
    const propose = async (product: string) => {
      const complaints = [];
      for (let i = 0; i < 3; i++)
        complaints.push(await buildComplaintRow(t(), { product, category: 'packaging' }));
      const last = complaints.at(-1)!;
      return t()
        .db.transaction()
        .execute((trx) =>
          proposeCapaForRepeats(trx, null, {
            id: last.id,
            product,
            category: 'packaging',
            receivedAt: last.received_at,
          }),
        );
    };
    const first = (await propose('彩盒 B7'))!;
    const second = (await propose('彩盒 B8'))!;
    expect(errorCode((await quality.client.post(`/api/v1/capas/${first}/start`)).body)).toBe('CAPA_NOT_OPEN');
    const accepted = await quality.client.post<CapaDetail>(`/api/v1/capas/${first}/accept`);
    expect(accepted.body).toMatchObject({ status: 'open', owner: { id: quality.userId } });
    expect(errorCode((await quality.client.post(`/api/v1/capas/${first}/accept`)).body)).toBe(
      'CAPA_NOT_PROPOSED',
    );
    expect(errorCode((await quality.client.post(`/api/v1/capas/${second}/dismiss`, {})).body)).toBe(
      'VALIDATION_FAILED',
    );
    const dismissed = await quality.client.post<CapaDetail>(`/api/v1/capas/${second}/dismiss`, {
      reason: '运输商已更换，不再发生',
    });
    expect(dismissed.body).toMatchObject({ status: 'dismissed', dismissReason: '运输商已更换，不再发生' });
    expect(errorCode((await quality.client.post(`/api/v1/capas/${second}/accept`)).body)).toBe(
      'CAPA_NOT_PROPOSED',
    );
    expect(
      errorCode(
        (
          await quality.client.post(`/api/v1/capas/${second}/actions`, {
            kind: 'corrective',
            description: 'x',
            dueDate: '2099-01-01',
          })
        ).body,
      ),
    ).toBe('CAPA_ACTIONS_LOCKED');
  });
});
