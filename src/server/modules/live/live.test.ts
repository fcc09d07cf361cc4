import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createDatabase, createPool } from '../../db/database.ts';
import { apiClient } from '../../test/api-client.ts';
import { createTestDatabase } from '../../test/database.ts';
import { ADMIN, startTestApp, stopTestApp, type TestApp } from '../../test/test-app.ts';
import { databaseStore } from '../attachments/database-store.ts';
import { createLiveBus, type LiveBus } from './live-bus.ts';

/** Reads server-sent events from a fetch body until `match` is seen or the time runs out. */
async function waitForEvent(
  url: string,
  cookie: string,
  match: (data: string) => boolean,
  start: () => Promise<void>,
) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { cookie }, signal: controller.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const timeout = setTimeout(() => controller.abort(), 5000);
  await start();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
      for (const line of buffer.split('\n')) {
        if (line.startsWith('data: ') && match(line.slice(6))) return JSON.parse(line.slice(6)) as unknown;
      }
    }
  } catch {
    return null;
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
}

describe('live updates across instances', () => {
  let a: TestApp;
  let bUrl: string;
  let closeB: () => Promise<void>;

  beforeAll(async () => {
    const shared = await createTestDatabase();
    a = await startTestApp(shared);
    // A second Qiao node: its own pool, listener and HTTP server on the same database.
    const pool = createPool(shared.url, 3);
    const db = createDatabase(pool);
    const live: LiveBus = createLiveBus(pool, shared.url);
    await live.start();
    const b = await buildApp({
      db,
      pool,
      live,
      secureCookies: false,
      publicUrl: 'http://qiao.test',
      attachments: databaseStore(db),
      dbMode: 'external',
      version: 'test',
    });
    bUrl = await b.listen({ port: 0, host: '127.0.0.1' });
    closeB = async () => {
      await b.close();
      await live.stop();
      await db.destroy();
    };
  });
  afterAll(async () => {
    await closeB();
    await stopTestApp(a);
  });

  it('a change made through node A reaches a browser connected to node B', async () => {
    const browserOnB = apiClient(bUrl);
    expect((await browserOnB.login(ADMIN.login, ADMIN.password)).status).toBe(200);
    const adminOnA = await a.admin();
    const event = await waitForEvent(
      `${bUrl}/api/live`,
      browserOnB.cookie!,
      (data) => data.includes('"departments"'),
      async () => {
        const res = await adminOnA.post('/api/v1/departments', { code: 'LIVE', name: '实时部' });
        expect(res.status).toBe(201);
      },
    );
    expect(event).toMatchObject({ topic: 'departments', id: expect.any(Number) });
  });

  it('counts the streams a node holds open for monitoring (one per browser, shared by its tabs)', async () => {
    const browser = apiClient(bUrl);
    expect((await browser.login(ADMIN.login, ADMIN.password)).status).toBe(200);
    const openStreams = async () => {
      const text = (await browser.get<string>('/api/metrics')).body;
      return Number(/^qiao_live_streams (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
    };
    expect(await openStreams()).toBe(0);
    const streams = [new AbortController(), new AbortController()];
    for (const stream of streams) {
      const res = await fetch(`${bUrl}/api/live`, {
        headers: { cookie: browser.cookie! },
        signal: stream.signal,
      });
      expect(res.status).toBe(200);
    }
    await expect.poll(openStreams).toBe(2);
    for (const stream of streams) stream.abort();
    await expect.poll(openStreams).toBe(0);
  });

  it('refuses the stream without a session', async () => {
    const res = await fetch(`${bUrl}/api/live`);
    expect(res.status).toBe(401);
  });
});
