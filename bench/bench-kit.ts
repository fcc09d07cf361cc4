/** What the load benchmarks share: a throwaway embedded PostgreSQL with Qiao on it, an API token, timings. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import {
  createDatabase,
  createPool,
  type Database,
  ensureDatabaseExists,
  withDatabaseName,
} from '../src/server/db/database.ts';
import { startEmbeddedPostgres } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { databaseStore } from '../src/server/modules/attachments/database-store.ts';
import { createLiveBus } from '../src/server/modules/live/live-bus.ts';

let seed = 20261123;
/** Repeatable pseudo-random numbers, so runs load the same data. */
export const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface BenchApp {
  db: Database;
  base: string;
  auth: Record<string, string>;
  adminId: number;
  /** p50/p99 of GET `path` over `runs` requests, as text. */
  timeIt(path: string, runs?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startBenchApp(): Promise<BenchApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qiao-bench-'));
  const server = await startEmbeddedPostgres({
    dataDir: dir,
    settings: { shared_buffers: '512MB', max_wal_size: '4GB' },
  });
  await ensureDatabaseExists(server.url, 'qiao');
  const url = withDatabaseName(server.url, 'qiao');
  const pool = createPool(url, 20);
  const db = createDatabase(pool);
  await migrateToLatest(db);
  // A throwaway administrator for this run only.
  const password = `Bench-${randomBytes(12).toString('base64url')}`;
  await bootstrap(db, { email: 'bench@example.com', password });
  const live = createLiveBus(pool, url);
  const app = await buildApp({
    db,
    pool,
    live,
    secureCookies: false,
    dbMode: 'embedded',
    version: 'bench',
    publicUrl: 'http://localhost',
    attachments: databaseStore(db),
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const adminId = (await db.selectFrom('app_user').select('id').executeTakeFirstOrThrow()).id;
  // Authenticate the HTTP client with a personal API token, as integrations do.
  const token = await apiTokenFor(base, 'bench@example.com', password, 'bench');
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    db,
    base,
    auth,
    adminId,
    async timeIt(requestPath, runs = 60) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const res = await fetch(`${base}${requestPath}`, { headers: auth });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${requestPath}: ${res.status}`);
        times.push(performance.now() - start);
      }
      return `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`;
    },
    async close() {
      await app.close();
      await live.stop();
      await db.destroy();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in (session + CSRF) and creates a personal API token, as an integration would. */
export async function apiTokenFor(
  base: string,
  login: string,
  password: string,
  name: string,
): Promise<string> {
  const signedIn = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (signedIn.status !== 200) throw new Error(`login: ${signedIn.status} ${await signedIn.text()}`);
  const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const tokenRes = await fetch(`${base}/api/v1/me/api-tokens`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (tokenRes.status !== 201 && tokenRes.status !== 200)
    throw new Error(`api token: ${tokenRes.status} ${await tokenRes.text()}`);
  return ((await tokenRes.json()) as { token: string }).token;
}
