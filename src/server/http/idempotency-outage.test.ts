import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.ts';
import { type PrivatePostgres, startPrivatePostgres } from '../test/private-postgres.ts';
import { errorCode, startTestApp, stopTestApp, type TestApp } from '../test/test-app.ts';

/**
 * A create holding an Idempotency-Key when the whole database goes away: its answer is a 503 and the
 * claim cannot be settled then. When the database is back, the client's retry with the same key must
 * run the create — not wait out the claim's 30-second lease with 409 IDEMPOTENCY_IN_PROGRESS.
 */
let server: PrivatePostgres;
let t: TestApp;
beforeAll(async () => {
  server = await startPrivatePostgres();
  t = await startTestApp(await createTestDatabase({ serverUrl: server.serverUrl }));
});
afterAll(async () => {
  if (t) await stopTestApp(t).catch(() => {});
  await server?.dispose();
});

describe('an idempotent create cut off by a database outage', () => {
  it('is retried with the same key as soon as the database is back, and creates exactly one record', async () => {
    const admin = await t.admin();
    const control = new pg.Client({ connectionString: t.testDb.url });
    control.on('error', () => {});
    await control.connect();
    // Hold the audit table: the create claims its key, writes its row and waits inside its transaction.
    await control.query('BEGIN');
    await control.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
    const key = 'outage-retry-1';
    const body = { code: 'OUTAGE', name: '断电部门' };
    const first = admin.request('POST', '/api/v1/departments', body, { 'idempotency-key': key });
    await expect
      .poll(async () => {
        const { rows } = await control.query(
          "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name = 'qiao'",
        );
        return rows.length;
      })
      .toBe(1);
    await server.stopImmediately();
    const cut = await first;
    expect(cut.status).toBe(503);
    expect(errorCode(cut.body)).toBe('DATABASE_UNAVAILABLE');
    await server.restart();

    const startedAt = Date.now();
    await expect
      .poll(
        async () =>
          (await admin.request('POST', '/api/v1/departments', body, { 'idempotency-key': key })).status,
        {
          timeout: 15_000,
          interval: 200,
        },
      )
      .toBe(201);
    // Well inside the lease the claim would otherwise hold.
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    const replay = await admin.request('POST', '/api/v1/departments', body, { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const rows = await t.db.selectFrom('department').select('id').where('code', '=', 'OUTAGE').execute();
    expect(rows).toHaveLength(1);
  }, 90_000);
});
