import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { startJobs } from './jobs.ts';

let t: TestDatabase;
let boss: PgBoss;
beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, {});
  boss = await startJobs(t.url, t.db, () => {});
});
afterAll(async () => {
  await boss.stop({ graceful: false });
  await t.drop();
});

describe('background jobs on PostgreSQL (pg-boss)', () => {
  it('schedules every job the modules registered, daily ones in the organisation time zone', async () => {
    const schedules = await boss.getSchedules();
    const byName = new Map(schedules.map((s) => [s.name, s]));
    for (const name of [
      'maintenance.cleanup',
      'sla.check',
      'complaints.clocks',
      'outbound.deliver',
      'customers.dormancy',
      'customers.care',
      'key_accounts.revisits',
      'capa.overdue',
      'email.poll',
      'idempotency.cleanup',
    ])
      expect(byName.has(name), name).toBe(true);
    expect(byName.get('customers.care')?.cron).toBe('0 8 * * *');
    expect(byName.get('customers.care')?.options?.tz).toBe('Asia/Shanghai');
  });

  it('schedules maintenance and, when it runs, removes expired sessions but keeps live ones', async () => {
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => s.name)).toContain('maintenance.cleanup');

    const user = await t.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
    const base = { user_id: user.id, csrf_token: 'x', ip: '127.0.0.1', user_agent: null };
    await t.db
      .insertInto('session')
      .values([
        { ...base, id: 'expired', expires_at: new Date(Date.now() - 60_000) },
        { ...base, id: 'live', expires_at: new Date(Date.now() + 3_600_000) },
      ])
      .execute();

    await boss.send('maintenance.cleanup', {});
    const deadline = Date.now() + 20_000;
    let ids: string[] = [];
    while (Date.now() < deadline) {
      ids = (await t.db.selectFrom('session').select('id').execute()).map((r) => r.id);
      if (!ids.includes('expired')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(ids).toEqual(['live']);
  });
});
