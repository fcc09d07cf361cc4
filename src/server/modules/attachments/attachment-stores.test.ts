import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { AppDeps } from '../../app-deps.ts';
import { StartupError } from '../../startup-error.ts';
import { apiClient } from '../../test/api-client.ts';
import { buildTicket } from '../../test/factories.ts';
import { OBJECT_STORE_KEYS, startObjectStore, type TestObjectStore } from '../../test/object-store.ts';
import { ADMIN, errorCode, startTestApp, stopTestApp, type TestApp } from '../../test/test-app.ts';
import { CHUNK_BYTES, databaseStore } from './database-store.ts';
import { s3Store } from './s3-store.ts';
import { moveLegacyFiles, openAttachmentStore } from './store-setup.ts';

type Stored = { id: number; url: string };
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A PDF of `size` bytes whose content differs at every position (no accidental matches between chunks). */
const pdf = (size: number) => {
  const bytes = Buffer.alloc(size);
  bytes.write('%PDF-1.7\n');
  for (let i = 9; i < size; i++) bytes[i] = (i * 31 + (i >> 9)) & 0xff;
  return bytes;
};

/** A second app node on the same database, with its own store object (nothing shared in memory). */
async function secondNode(t: TestApp, attachments: AppDeps['attachments']) {
  const app = await buildApp({
    db: t.db,
    pool: t.testDb.pool,
    live: t.live,
    secureCookies: false,
    publicUrl: 'http://qiao.test',
    attachments,
    dbMode: 'external',
    version: 'test',
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const client = apiClient(url);
  expect((await client.login(ADMIN.login, ADMIN.password)).status).toBe(200);
  return { client, close: () => app.close() };
}

describe('attachments in PostgreSQL (the default store)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => stopTestApp(t));

  it('a file uploaded through one node downloads through another, byte for byte, across several chunks', async () => {
    const admin = await t.admin();
    const ticket = await buildTicket(t, { subject: '多节点附件' });
    const bytes = pdf(2 * CHUNK_BYTES + 12_345);
    const up = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: '检验报告.pdf',
      bytes,
    });
    expect(up.status).toBe(201);
    const chunks = await t.db
      .selectFrom('attachment_blob')
      .innerJoin('attachment', 'attachment.storage_key', 'attachment_blob.storage_key')
      .select('attachment_blob.chunk')
      .where('attachment.id', '=', up.body.id)
      .execute();
    expect(chunks).toHaveLength(3);

    const other = await secondNode(t, databaseStore(t.db));
    try {
      const download = await other.client.download(up.body.url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-length')).toBe(String(bytes.length));
      expect(sha(download.bytes)).toBe(sha(bytes));
    } finally {
      await other.close();
    }
  });

  it('an upload refused as too large or of a disguised type leaves no bytes behind', async () => {
    const admin = await t.admin();
    const ticket = await buildTicket(t, { subject: '超限附件' });
    const before = await t.db
      .selectFrom('attachment_blob')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    await t.db
      .insertInto('setting')
      .values({ key: 'attachments', value: JSON.stringify({ maxMegabytes: 1 }) })
      .onConflict((c) => c.column('key').doUpdateSet({ value: JSON.stringify({ maxMegabytes: 1 }) }))
      .execute();
    try {
      const big = await admin.upload(`/api/v1/tickets/${ticket.id}/attachments`, {
        name: 'big.pdf',
        bytes: pdf(1024 * 1024 + CHUNK_BYTES),
      });
      expect(errorCode(big.body)).toBe('ATTACHMENT_TOO_LARGE');
    } finally {
      await t.db.deleteFrom('setting').where('key', '=', 'attachments').execute();
    }
    const disguised = await admin.upload(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'photo.png',
      bytes: Buffer.from('MZ this is an executable'),
    });
    expect(errorCode(disguised.body)).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const after = await t.db
      .selectFrom('attachment_blob')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it('a file whose bytes are gone answers a clear error, not a 500', async () => {
    const admin = await t.admin();
    const ticket = await buildTicket(t, { subject: '丢失的文件' });
    const up = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: '说明.pdf',
      bytes: pdf(1000),
    });
    const row = await t.db
      .selectFrom('attachment')
      .select('storage_key')
      .where('id', '=', up.body.id)
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom('attachment_blob').where('storage_key', '=', row.storage_key).execute();
    const res = await admin.get(up.body.url);
    expect(res.status).toBe(410);
    expect(errorCode(res.body)).toBe('ATTACHMENT_FILE_MISSING');
  });

  it('moves the files an earlier version kept on the node’s disk into the store, checking each', async () => {
    const admin = await t.admin();
    const ticket = await buildTicket(t, { subject: '旧版本附件' });
    const good = pdf(CHUNK_BYTES + 10);
    const upGood = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'a.pdf',
      bytes: good,
    });
    const upBad = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'b.pdf',
      bytes: pdf(500),
    });
    const rows = await t.db
      .selectFrom('attachment')
      .select(['id', 'storage_key'])
      .where('id', 'in', [upGood.body.id, upBad.body.id])
      .orderBy('id')
      .execute();
    // As an earlier version left them: the bytes on disk only.
    const folder = await mkdtemp(path.join(tmpdir(), 'qiao-legacy-'));
    for (const [row, bytes] of [
      [rows[0], good],
      [rows[1], Buffer.from('%PDF-1.7 changed on disk')],
    ] as const) {
      if (!row) throw new Error('missing row');
      await t.db.deleteFrom('attachment_blob').where('storage_key', '=', row.storage_key).execute();
      await mkdir(path.dirname(path.join(folder, row.storage_key)), { recursive: true });
      await writeFile(path.join(folder, row.storage_key), bytes);
    }
    const log: string[] = [];
    const result = await moveLegacyFiles(t.db, databaseStore(t.db), folder, (m) => log.push(m));
    expect(result).toEqual({ moved: 1, failed: 1 });
    expect(log.join('\n')).toContain(`attachment ${upBad.body.id}`);
    const download = await admin.download(upGood.body.url);
    expect(sha(download.bytes)).toBe(sha(good));
    // The moved file is gone from disk; the one that did not match stays for someone to look at.
    const left = await readdir(folder, { recursive: true, withFileTypes: true });
    expect(left.filter((e) => e.isFile()).map((e) => e.name)).toEqual([
      path.basename(rows[1]?.storage_key ?? ''),
    ]);
    await rm(folder, { recursive: true, force: true });
  });
});

describe('attachments in an S3-compatible object store', () => {
  let objects: TestObjectStore;
  let t: TestApp;
  const options = () => ({
    endpoint: objects.endpoint,
    bucket: objects.bucket,
    region: 'us-east-1',
    ...OBJECT_STORE_KEYS,
  });
  beforeAll(async () => {
    objects = await startObjectStore();
    t = await startTestApp(undefined, { attachments: s3Store({ ...options(), prefix: 'qiao/' }) });
  });
  afterAll(async () => {
    await stopTestApp(t);
    await objects.stop();
  });

  it('uploads through one node, downloads through another, and removes the object with an unsent file', async () => {
    const admin = await t.admin();
    const ticket = await buildTicket(t, { subject: '对象存储附件' });
    const bytes = pdf(300_000);
    const up = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: '图纸.pdf',
      bytes,
    });
    expect(up.status).toBe(201);
    expect(await t.db.selectFrom('attachment_blob').selectAll().execute()).toEqual([]);
    const row = await t.db
      .selectFrom('attachment')
      .select('storage_key')
      .where('id', '=', up.body.id)
      .executeTakeFirstOrThrow();
    const direct = s3Store({ ...options(), prefix: 'qiao/' });
    const object = await direct.open(row.storage_key);
    const read: Buffer[] = [];
    for await (const piece of object as AsyncIterable<Buffer>) read.push(piece);
    expect(sha(Buffer.concat(read))).toBe(sha(bytes));

    const other = await secondNode(t, s3Store({ ...options(), prefix: 'qiao/' }));
    try {
      const download = await other.client.download(up.body.url);
      expect(download.status).toBe(200);
      expect(sha(download.bytes)).toBe(sha(bytes));
    } finally {
      await other.close();
    }
    expect((await admin.delete(`/api/v1/attachments/${up.body.id}`)).status).toBe(204);
    await expect(direct.open(row.storage_key)).rejects.toThrow(/no stored object/);
  });

  it('a bucket that is not there stops the start with one line; an unreachable store answers 503', async () => {
    // s3rver does not check V4 signatures; s3-signing.test.ts holds the signer to AWS's published example.
    const wrong = { kind: 's3' as const, ...options(), bucket: 'no-such-bucket', prefix: '' };
    const refused = await openAttachmentStore(wrong, t.db).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toMatch(/bucket no-such-bucket .*QIAO_S3_BUCKET/);
    expect((refused as Error).message).not.toContain('\n');

    const down = await secondNode(t, s3Store({ ...options(), endpoint: 'http://127.0.0.1:9' }));
    try {
      const ticket = await buildTicket(t, { subject: '存储不可用' });
      const up = await down.client.upload(`/api/v1/tickets/${ticket.id}/attachments`, {
        name: 'x.pdf',
        bytes: pdf(100),
      });
      expect(up.status).toBe(503);
      expect(errorCode(up.body)).toBe('ATTACHMENT_STORE_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});
