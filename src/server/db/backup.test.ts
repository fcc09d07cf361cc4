import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseStore } from '../modules/attachments/database-store.ts';
import { apiClient } from '../test/api-client.ts';
import { buildDepartment, buildUser } from '../test/factories.ts';
import { ADMIN, startTestApp, stopTestApp } from '../test/test-app.ts';
import { exportDatabase } from './backup.ts';
import { createDatabase, createPool, withDatabaseName } from './database.ts';
import { restoreDatabase } from './restore.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('backup and restore', () => {
  it('round-trips every table: rows, Chinese text, arrays, JSON, search vectors, and identity counters continue', async () => {
    const source = await startTestApp();
    cleanup.push(() => stopTestApp(source));
    const admin = await source.admin();
    const dept = await buildDepartment(source, { code: 'QA', name: '品质部' });
    const child = await buildDepartment(source, { code: 'QA-1', name: '品保一组', parentId: dept.id });
    // Make the child the parent's parent's sibling order backwards: a parent with a higher id than its child.
    const late = await buildDepartment(source, { code: 'LATE', name: '后建上级' });
    await admin.patch(`/api/v1/departments/${dept.id}`, { parentId: late.id });
    await buildUser(source, { name: 'chenjing', displayName: '陈静', departmentId: child.id });

    const dir = await mkdtemp(path.join(tmpdir(), 'qiao-backup-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'qiao.backup.gz');
    const header = await exportDatabase(source.testDb.url, file);
    expect(header.tables.find((t) => t.name === 'department')?.rows).toBe(3);
    expect(header.tables.find((t) => t.name === 'audit_log')?.rows).toBeGreaterThan(4);

    const serverUrl = inject('testServerUrl');
    const target = `${source.testDb.name}_restored`;
    await restoreDatabase(serverUrl, target, file);
    const restoredUrl = withDatabaseName(serverUrl, target);
    const restoredPool = createPool(restoredUrl, 3);
    const restored = createDatabase(restoredPool);
    cleanup.push(async () => {
      await restored.destroy();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
      await c.end();
    });

    for (const { name, rows } of header.tables) {
      const n = await restoredPool.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
      expect(Number(n.rows[0]?.n), name).toBe(rows);
    }
    const user = await restored
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'chenjing')
      .executeTakeFirstOrThrow();
    expect(user.display_name).toBe('陈静');
    const original = await source.db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'chenjing')
      .executeTakeFirstOrThrow();
    expect(user.search_terms).toBe(original.search_terms);
    expect(user.password_hash).toBe(original.password_hash);
    const roles = await restored
      .selectFrom('role')
      .select(['code', 'permissions'])
      .where('code', '=', 'agent')
      .executeTakeFirstOrThrow();
    expect(roles.permissions).toContain('ticket.reply');

    // The restored database runs Qiao: sign in, and new rows get fresh ids.
    const { buildApp } = await import('../app.ts');
    const { createLiveBus } = await import('../modules/live/live-bus.ts');
    const live = createLiveBus(restoredPool, restoredUrl);
    const app = await buildApp({
      db: restored,
      pool: restoredPool,
      live,
      secureCookies: false,
      publicUrl: 'http://qiao.test',
      attachments: databaseStore(restored),
      dbMode: 'external',
      version: 'test',
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => app.close());
    const client = apiClient(url);
    expect((await client.login(ADMIN.login, ADMIN.password)).status).toBe(200);
    const created = await client.post<{ id: number }>('/api/v1/departments', {
      code: 'NEW',
      name: '恢复后新建',
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toBeGreaterThan(late.id);
  });
});
