import { describe, expect, it } from 'vitest';
import type { TeamView } from '../../../shared/schemas/assignment.ts';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import type { UserView } from '../../../shared/schemas/users.ts';
import { buildTicket } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

describe('editing a request', () => {
  it('reclassifies it; a higher priority brings the SLA due times forward; search follows the new subject', async () => {
    const admin = await t().admin();
    const created = await buildTicket(t(), { subject: '普通咨询', priority: 'low' });
    const res = await admin.patch<TicketView>(`/api/v1/tickets/${created.id}`, {
      priority: 'urgent',
      subject: '冷库断电紧急',
      tags: ['冷链'],
      stage: 'diagnosing',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      priority: 'urgent',
      subject: '冷库断电紧急',
      tags: ['冷链'],
      stage: 'diagnosing',
    });
    expect(new Date(res.body.resolution.dueAt!).getTime()).toBeLessThan(
      new Date(created.resolution.dueAt!).getTime(),
    );
    const found = await admin.get<{ items: TicketView[] }>(`/api/v1/tickets?q=${encodeURIComponent('断电')}`);
    expect(found.body.items.map((i) => i.id)).toEqual([created.id]);
    const log = await admin.get<{ items: { action: string; changes: { field: string }[] }[] }>(
      `/api/v1/audit-log?entityType=ticket&entityId=${created.id}`,
    );
    expect(log.body.items[0]?.changes.map((c) => c.field).sort()).toEqual([
      'priority',
      'stage',
      'subject',
      'tags',
    ]);
    expect(errorCode((await admin.patch(`/api/v1/tickets/${created.id}`, { typeId: 424242 })).body)).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('PATCH changes only what it names', () => {
  it('disabling a user keeps their roles and language; renaming a team keeps its members; editing a shared canned response keeps it shared', async () => {
    const admin = await t().admin();
    const agentRole = (
      await t().db.selectFrom('role').select('id').where('code', '=', 'agent').executeTakeFirstOrThrow()
    ).id;
    const user = await admin.post<UserView>('/api/v1/users', {
      username: 'keeper',
      displayName: '保留',
      roleIds: [agentRole],
      locale: 'en',
      password: 'Passw0rd-123',
    });
    const disabled = await admin.patch<UserView>(`/api/v1/users/${user.body.id}`, { status: 'disabled' });
    expect(disabled.body).toMatchObject({ status: 'disabled', roleIds: [agentRole], locale: 'en' });

    const team = await admin.post<TeamView>('/api/v1/teams', {
      name: '一组',
      members: [{ userId: user.body.id, skills: ['冷链'] }],
    });
    const renamed = await admin.patch<TeamView>(`/api/v1/teams/${team.body.id}`, { name: '冷链一组' });
    expect(renamed.body.members.map((m) => m.userId)).toEqual([user.body.id]);

    const canned = await admin.post<{ id: number }>('/api/v1/canned-responses', {
      title: '致歉',
      body: '非常抱歉',
      shared: true,
    });
    const edited = await admin.patch<{ shared: boolean }>(`/api/v1/canned-responses/${canned.body.id}`, {
      body: '非常抱歉给您带来不便',
    });
    expect(edited.body.shared).toBe(true);
  });
});
