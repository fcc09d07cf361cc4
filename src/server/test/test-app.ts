import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { ApiErrorBody } from '../../shared/errors.ts';
import type { Permission } from '../../shared/permissions.ts';
import { buildApp } from '../app.ts';
import type { AppDeps } from '../app-deps.ts';
import { bootstrap } from '../bootstrap.ts';
import type { Database } from '../db/database.ts';
import type { TlsFiles } from '../http/delivery.ts';
import { databaseStore } from '../modules/attachments/database-store.ts';
import { createLiveBus, type LiveBus } from '../modules/live/live-bus.ts';
import { type ApiClient, apiClient } from './api-client.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { type BuiltUser, buildUser } from './factories.ts';
import { ADMIN } from './fixtures/credentials.ts';

export { ADMIN };

export interface TestApp {
  app: FastifyInstance;
  url: string;
  db: Database;
  testDb: TestDatabase;
  live: LiveBus;
  /** A fresh client, not signed in. */
  client(locale?: string): ApiClient;
  /** A client signed in as the first administrator. */
  admin(): Promise<ApiClient>;
  /** A new user holding exactly these permissions, signed in: `buildUser(t, { permissions, name })`. */
  userWith(permissions: Permission[], name?: string): Promise<BuiltUser>;
}

/**
 * Starts Qiao on its own fresh database, listening on a free port, for one test file. `connections`
 * are the outbound listener and jobs a test runs itself, reported by /api/health; `log` hears the
 * live bus.
 */
export async function startTestApp(
  testDb?: TestDatabase,
  options: {
    connections?: AppDeps['connections'];
    log?: (msg: string) => void;
    /** Another attachment store than the database (an object store). */
    attachments?: AppDeps['attachments'];
    /** A built SPA to serve, as dist/client in production. */
    clientDir?: string;
    /** A certificate: the app listens with HTTPS and HTTP/2. */
    tls?: TlsFiles;
  } = {},
): Promise<TestApp> {
  const t = testDb ?? (await createTestDatabase());
  await bootstrap(t.db, { email: ADMIN.login, password: ADMIN.password });
  const live = createLiveBus(t.pool, t.url, options.log);
  await live.start();
  const app = await buildApp({
    db: t.db,
    pool: t.pool,
    live,
    secureCookies: false,
    publicUrl: 'http://qiao.test',
    attachments: options.attachments ?? databaseStore(t.db),
    dbMode: 'embedded',
    version: 'test',
    ...(options.connections ? { connections: options.connections } : {}),
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const testApp: TestApp = {
    app,
    url: address,
    db: t.db,
    testDb: t,
    live,
    client: (locale) => apiClient(address, locale ? { locale } : {}),
    async admin() {
      const client = apiClient(address);
      const res = await client.login(ADMIN.login, ADMIN.password);
      if (res.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(res.body)}`);
      return client;
    },
    userWith: (permissions, name) => buildUser(testApp, { permissions, ...(name ? { name } : {}) }),
  };
  return testApp;
}

export async function stopTestApp(t: TestApp): Promise<void> {
  await t.app.close();
  await t.live.stop();
  await t.testDb.drop();
}

/** beforeAll/afterAll wiring: `const t = setupTestApp();` then `t().admin()` inside tests. */
export function setupTestApp(): () => TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await startTestApp();
  });
  afterAll(async () => {
    if (current) await stopTestApp(current);
  });
  return () => {
    if (!current) throw new Error('test app not started');
    return current;
  };
}

export function errorCode(body: unknown): string | undefined {
  return (body as ApiErrorBody | null)?.error?.code;
}
