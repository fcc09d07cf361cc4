import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.ts';
import { instanceKeyMaterial } from '../crypto/secret-box.ts';
import { databaseStore } from '../modules/attachments/database-store.ts';
import { s3Store } from '../modules/attachments/s3-store.ts';
import { StartupError } from '../startup-error.ts';
import { apiClient } from '../test/api-client.ts';
import { buildCustomer, buildTicket } from '../test/factories.ts';
import { OBJECT_STORE_KEYS, startObjectStore } from '../test/object-store.ts';
import { ADMIN, startTestApp, stopTestApp, type TestApp } from '../test/test-app.ts';
import { exportDatabase } from './backup.ts';
import { prepareKeyForRestore, sealInstanceKey } from './backup-key.ts';
import { createDatabase, createPool, withDatabaseName } from './database.ts';
import { checkInstanceKey } from './instance-key.ts';
import { restoreDatabase } from './restore.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = (size: number, seed: number) => {
  const bytes = Buffer.alloc(size, seed);
  bytes.write('%PDF-1.7\n');
  return bytes;
};
const scratch = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'qiao-backup-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
};

/** Every table's rows as one digest (order-free), read by `client` — in a snapshot, or after a restore. */
async function tableDigests(client: pg.ClientBase, tables: string[]): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const t = client.escapeIdentifier(table);
    const { rows } = await client.query<{ d: string | null }>(
      `SELECT md5(string_agg(j, E'\\n' ORDER BY j)) AS d FROM (SELECT to_jsonb(x)::text AS j FROM ${t} x) s`,
    );
    digests[table] = rows[0]?.d ?? 'empty';
  }
  return digests;
}

/** Restores `file` as a new database on the test server and runs Qiao on it; returns a signed-in client. */
async function restoreAndRun(file: string, name: string, beforeStart?: (pool: pg.Pool) => Promise<void>) {
  const serverUrl = inject('testServerUrl');
  await restoreDatabase(serverUrl, name, file);
  const url = withDatabaseName(serverUrl, name);
  const pool = createPool(url, 3);
  await beforeStart?.(pool);
  const db = createDatabase(pool);
  const { createLiveBus } = await import('../modules/live/live-bus.ts');
  const live = createLiveBus(pool, url);
  const app = await buildApp({
    db,
    pool,
    live,
    secureCookies: false,
    publicUrl: 'http://qiao.test',
    attachments: databaseStore(db),
    dbMode: 'external',
    version: 'test',
  });
  const client = apiClient(await app.listen({ port: 0, host: '127.0.0.1' }));
  cleanup.push(async () => {
    await app.close();
    await db.destroy();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });
  expect((await client.login(ADMIN.login, ADMIN.password)).status).toBe(200);
  return { client, pool };
}

describe('a complete backup', () => {
  it('made while requests are written, restores elsewhere with every table, file and revealed field identical', async () => {
    const source: TestApp = await startTestApp();
    cleanup.push(() => stopTestApp(source));
    await checkInstanceKey(source.db, instanceKeyMaterial(), 'test');
    const admin = await source.admin();
    const customer = await buildCustomer(source, {
      name: '备份测试客户',
      bankAccount: '6222 0202 0001 2345 678',
    });
    const ticket = await buildTicket(source, { subject: '带附件的请求' });
    const files = [pdf(1_300_000, 3), pdf(20_000, 9)];
    const uploads: { url: string }[] = [];
    for (const [i, bytes] of files.entries()) {
      const up = await admin.upload<{ url: string }>(`/api/v1/tickets/${ticket.id}/attachments`, {
        name: `图纸${i}.pdf`,
        bytes,
      });
      expect(up.status).toBe(201);
      uploads.push(up.body);
    }
    const revealed = await admin.post<{ value: string }>(`/api/v1/customers/${customer.id}/reveal`, {
      field: 'bankAccount',
    });
    expect(revealed.body.value).toBe('6222 0202 0001 2345 678');

    // Two writers keep creating requests before, during and after the backup.
    let writing = true;
    let written = 0;
    const writer = async () => {
      while (writing) {
        await buildTicket(source, { subject: `备份期间的请求 ${written}` });
        written++;
      }
    };
    const writers = [writer(), writer()];
    await expect.poll(() => written, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);

    const snapshot = new pg.Client({ connectionString: source.testDb.url });
    await snapshot.connect();
    await snapshot.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await snapshot.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const file = path.join(await scratch(), 'qiao.qiao.gz');
    const header = await exportDatabase(source.testDb.url, file, { snapshot: rows[0]?.id ?? '' });
    const afterBackup = written;
    await expect.poll(() => written, { timeout: 20_000 }).toBeGreaterThanOrEqual(afterBackup + 2);
    writing = false;
    await Promise.all(writers);
    const tables = header.tables.map((t) => t.name);
    const expected = await tableDigests(snapshot, tables);
    await snapshot.query('COMMIT');
    await snapshot.end();
    expect(tables).toContain('attachment_blob');
    expect(header.instanceKeyId).toMatch(/^[\w-]{8}$/);

    // Compared before Qiao runs on it: signing in writes a session and an audit row.
    let actual: Record<string, string> = {};
    const restored = await restoreAndRun(file, `${source.testDb.name}_complete`, async (pool) => {
      const client = await pool.connect();
      try {
        actual = await tableDigests(client, tables);
      } finally {
        client.release();
      }
    });
    expect(Object.keys(actual).filter((t) => actual[t] !== expected[t])).toEqual([]);
    expect(actual).toEqual(expected);
    for (const [i, upload] of uploads.entries()) {
      const download = await restored.client.download(upload.url);
      expect(download.status).toBe(200);
      expect(sha(download.bytes)).toBe(sha(files[i] as Buffer));
    }
    const again = await restored.client.post<{ value: string }>(`/api/v1/customers/${customer.id}/reveal`, {
      field: 'bankAccount',
    });
    expect(again.body.value).toBe(revealed.body.value);
  }, 120_000);

  it('carries the files of an object store: restored into an installation that keeps files in PostgreSQL', async () => {
    const objects = await startObjectStore();
    cleanup.push(() => objects.stop());
    const store = s3Store({
      endpoint: objects.endpoint,
      bucket: objects.bucket,
      region: 'us-east-1',
      ...OBJECT_STORE_KEYS,
    });
    const source = await startTestApp(undefined, { attachments: store });
    cleanup.push(() => stopTestApp(source));
    const admin = await source.admin();
    const ticket = await buildTicket(source, { subject: '对象存储备份' });
    const bytes = pdf(900_000, 5);
    const up = await admin.upload<{ url: string }>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: '合同.pdf',
      bytes,
    });
    const file = path.join(await scratch(), 'objects.qiao.gz');
    const header = await exportDatabase(source.testDb.url, file, { objects: store });
    expect(header.objects).toBe('s3');
    expect(header.missingObjects).toEqual([]);

    const restored = await restoreAndRun(file, `${source.testDb.name}_objects`);
    const download = await restored.client.download(up.body.url);
    expect(sha(download.bytes)).toBe(sha(bytes));
  });

  it('a restore without the key that sealed the backup refuses and names the fix; --with-key carries it encrypted', async () => {
    const original = 'the-original-instance-key-material';
    const header = { instanceKeyId: (await import('../crypto/secret-box.ts')).instanceKeyId(original) };
    const fresh = await scratch();
    const refused = await prepareKeyForRestore(header, {
      secretKey: undefined,
      dataDir: fresh,
      passphrase: undefined,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toContain(
      `instance key ${header.instanceKeyId} and this node has no key yet`,
    );
    expect((refused as Error).message).toContain('--with-key');

    // The same key in the data directory: nothing to do.
    const keeps = await scratch();
    await writeFile(path.join(keeps, 'secret.key'), `${original}\n`);
    expect(
      (await prepareKeyForRestore(header, { secretKey: undefined, dataDir: keeps, passphrase: undefined }))
        .outcome,
    ).toBe('matches');

    // The key only encrypted, and only with a passphrase long enough.
    expect(() => sealInstanceKey(original, 'short')).toThrow(/QIAO_BACKUP_PASSPHRASE/);
    const carried = { ...header, instanceKey: sealInstanceKey(original, 'correct horse battery staple') };
    expect(JSON.stringify(carried)).not.toContain(original);
    await expect(
      prepareKeyForRestore(carried, {
        secretKey: undefined,
        dataDir: fresh,
        passphrase: 'a wrong passphrase',
      }),
    ).rejects.toThrow(/not the passphrase/);
    await expect(
      prepareKeyForRestore(carried, {
        secretKey: 'another-key',
        dataDir: fresh,
        passphrase: 'correct horse battery staple',
      }),
    ).rejects.toThrow(/QIAO_SECRET_KEY holds another key/);
    const installed = await prepareKeyForRestore(carried, {
      secretKey: undefined,
      dataDir: fresh,
      passphrase: 'correct horse battery staple',
    });
    expect(installed.outcome).toBe('carried');
    await installed.install();
    expect((await readFile(path.join(fresh, 'secret.key'), 'utf8')).trim()).toBe(original);
  });

  it('Qiao refuses to start on a database sealed with another instance key, in one line', async () => {
    const t = await startTestApp();
    cleanup.push(() => stopTestApp(t));
    await checkInstanceKey(t.db, 'key-of-the-first-start', 'test');
    await checkInstanceKey(t.db, 'key-of-the-first-start', 'test');
    const refused = await checkInstanceKey(t.db, 'a-new-generated-key', '/srv/qiao/data/secret.key').catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toMatch(
      /sealed with instance key \S+, but this node has key \S+ \(\/srv\/qiao\/data\/secret.key\)/,
    );
    expect((refused as Error).message).not.toContain('\n');
  });
});
