import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

describe('embedded PostgreSQL in a private directory', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('starts when the data dir sits inside a directory closed to others (a clone under /root)', async () => {
    const outer = await mkdtemp(path.join(tmpdir(), 'qiao-private-'));
    dirs.push(outer);
    await chmod(outer, 0o700);
    const dataDir = path.join(outer, 'clone', 'data');
    await mkdir(dataDir, { recursive: true });
    const messages: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, log: (m) => messages.push(m) });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      expect((await client.query<{ ok: number }>('SELECT 1 AS ok')).rows[0]?.ok).toBe(1);
      await client.end();
    } finally {
      await server.stop();
    }
    const mode = (await stat(outer)).mode & 0o777;
    if (userInfo().uid === 0) {
      // As root the server runs as `postgres`: the closed directory became passable, not listable.
      expect(mode).toBe(0o701);
      expect(messages.some((m) => m.includes(outer) && m.includes('o+x'))).toBe(true);
    } else {
      // As a normal user the server runs as that user and nothing is changed.
      expect(mode).toBe(0o700);
    }
  }, 120_000);
});
