import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiErrorBody, errorMessage } from '../../shared/errors.ts';
import { LOCALES, type Locale } from '../../shared/locale.ts';
import { watchJobsConnection } from '../jobs/jobs.ts';
import type { LiveEvent } from '../modules/live/live-bus.ts';
import { queueMessage } from '../modules/notifications/notifications.service.ts';
import { type OutboundListener, startOutboundListener } from '../modules/notifications/outbound-listener.ts';
import { type ApiClient, apiClient } from '../test/api-client.ts';
import { createTestDatabase } from '../test/database.ts';
import { type PrivatePostgres, startPrivatePostgres } from '../test/private-postgres.ts';
import { ADMIN, errorCode, startTestApp, stopTestApp, type TestApp } from '../test/test-app.ts';

/**
 * Database faults on a PostgreSQL server of this file's own (never the shared test server): whatever
 * happens to a connection, the process stays up, a request in flight answers 503
 * DATABASE_UNAVAILABLE (or succeeds), the next one succeeds without a restart, and every long-lived
 * connection (live updates, outbound mail, jobs) comes back by itself.
 */

// Anything that would have crashed a real Qiao (an 'error' event nobody listens to, a rejection
// nobody handles) lands here instead of in vitest's own handler, so the tests can assert there is none.
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);

const logs: string[] = [];
const log = (msg: string) => logs.push(msg);

let server: PrivatePostgres;
let t: TestApp;
let outbound: OutboundListener;
let boss: PgBoss;
let jobsState: () => 'ok' | 'down';
const jobsRan: string[] = [];

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  server = await startPrivatePostgres();
  const testDb = await createTestDatabase({ serverUrl: server.serverUrl });
  outbound = await startOutboundListener(testDb.db, testDb.url, log);
  // pg-boss as startJobs runs it, with a probe queue of the test's own instead of the modules' jobs
  // (whose minute job would deliver outbound mail too and hide a dead outbound listener).
  boss = new PgBoss({ connectionString: testDb.url, schema: 'pgboss', max: 3 });
  jobsState = watchJobsConnection(boss, log).state;
  await boss.start();
  await boss.createQueue('fault.probe');
  await boss.work<{ mark: string }>('fault.probe', { pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) jobsRan.push(job.data.mark);
  });
  t = await startTestApp(testDb, { connections: { outbound: outbound.state, jobs: jobsState }, log });
});

afterAll(async () => {
  await boss?.stop({ graceful: false }).catch(() => {});
  await outbound?.stop();
  if (t) await stopTestApp(t).catch(() => {});
  await server?.dispose();
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const errorOf = (body: unknown) => (body as ApiErrorBody).error;

interface Health {
  status: string;
  checks: { database: string; live: string; outbound: string; jobs: string };
}

async function health(): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${t.url}/api/health`);
  return { status: res.status, body: (await res.json()) as Health };
}

async function signedIn(locale: string): Promise<ApiClient> {
  const client = apiClient(t.url, { locale });
  const res = await client.login(ADMIN.login, ADMIN.password);
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return client;
}

/** A browser tab's live-update stream, read in the background. */
async function subscribeLive(cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${t.url}/api/live`, { headers: { cookie }, signal: controller.signal });
  if (!res.body) throw new Error('no event stream');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const events: LiveEvent[] = [];
  let buffer = '';
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          for (const line of buffer.slice(0, end).split('\n')) {
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as LiveEvent);
          }
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted at the end of the test.
    }
  })();
  return {
    events,
    async close() {
      controller.abort();
      await reading;
    },
  };
}

async function outboundStatus(id: number): Promise<string | undefined> {
  const row = await t.db
    .selectFrom('outbound_message')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.status;
}

async function queueProbeMessage(to: string): Promise<number> {
  return queueMessage(t.db, {
    channel: 'sms',
    to,
    key: 'ticket.received',
    locale: 'zh-CN',
    vars: { 'contact.name': '陈先生', 'ticket.number': 'SR-1', 'ticket.subject': '发票' },
  });
}

describe('a backend killed during a write', () => {
  it('answers 503 DATABASE_UNAVAILABLE for that request, writes nothing of it, and the next request succeeds', async () => {
    const admin = await t.admin();
    const control = new pg.Client({ connectionString: t.testDb.url, application_name: 'fault-control' });
    control.on('error', () => {});
    await control.connect();
    try {
      // Hold the audit table so the create stops inside its transaction, after its department row
      // is written and before its audit row is: the backend is killed right there.
      await control.query('BEGIN');
      await control.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
      const pending = admin.post('/api/v1/departments', { code: 'KILLED', name: '被终止' });
      const pid = await waitFor('the create to wait on the lock', async () => {
        const { rows } = await control.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'qiao' AND wait_event_type = 'Lock'`,
        );
        return rows[0]?.pid;
      });
      await control.query('SELECT pg_terminate_backend($1)', [pid]);
      const res = await pending;
      await control.query('ROLLBACK');

      expect(res.status).toBe(503);
      expect(errorCode(res.body)).toBe('DATABASE_UNAVAILABLE');
      expect(errorOf(res.body).message).toBe(errorMessage('DATABASE_UNAVAILABLE', 'zh-CN'));
      expect(JSON.stringify(res.body)).not.toMatch(/terminat|stack|\.ts:/i);
      // The transaction never committed: no half-written department.
      const { rows } = await control.query("SELECT id FROM department WHERE code = 'KILLED'");
      expect(rows).toEqual([]);

      const next = await admin.post('/api/v1/departments', { code: 'AFTER', name: '之后' });
      expect(next.status).toBe(201);
      expect((await health()).status).toBe(200);
      expect(crashes).toEqual([]);
    } finally {
      await control.end().catch(() => {});
    }
  });
});

describe('every backend of the database killed at once', () => {
  it('keeps serving: the pool, the live and outbound listeners and pg-boss all connect anew', async () => {
    const admin = await t.admin();
    const browser = await subscribeLive(admin.cookie ?? '');
    const control = new pg.Client({ connectionString: t.testDb.url, application_name: 'fault-control' });
    control.on('error', () => {});
    await control.connect();
    const logsFrom = logs.length;
    try {
      const killed = await control.query<{ application_name: string }>(
        `SELECT application_name, pg_terminate_backend(pid)
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const names = killed.rows.map((r) => r.application_name);
      for (const name of ['qiao-live', 'qiao-outbound']) expect(names).toContain(name);
      expect(names.some((n) => n.startsWith('pgboss'))).toBe(true);
    } finally {
      await control.end().catch(() => {});
    }

    // Both listeners notice at once (the server tells them), then come back after 0.5 s.
    const lost = (label: string) =>
      logs.slice(logsFrom).some((l) => l.startsWith(`${label}: connection lost`));
    await waitFor('the listeners to notice', async () =>
      lost('live updates') && lost('outbound messages') ? true : undefined,
    );
    await waitFor('health to answer 200 again', async () =>
      (await health()).status === 200 ? true : undefined,
    );
    const created = await admin.post('/api/v1/departments', { code: 'ALL-KILLED', name: '全部终止后' });
    expect(created.status).toBe(201);
    await waitFor('the live event after the kill', async () =>
      browser.events.some((e) => e.topic === 'departments' && e.id === created.body.id) ? true : undefined,
    );
    await browser.close();
    const message = await queueProbeMessage('13800000003');
    await waitFor('delivery after the kill', async () =>
      (await outboundStatus(message)) === 'logged' ? true : undefined,
    );
    expect(crashes).toEqual([]);
  });
});

describe('the database stopped for a few seconds under write load', () => {
  it('answers 503 during the outage, then writes, live updates, outbound mail and jobs all work again', async () => {
    const logsFrom = logs.length;
    const before = await health();
    expect(before).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok', live: 'ok', outbound: 'ok', jobs: 'ok' } },
    });
    const baseline = await queueProbeMessage('13800000001');
    await waitFor('delivery before the outage', async () =>
      (await outboundStatus(baseline)) === 'logged' ? true : undefined,
    );

    const writers = await Promise.all(LOCALES.map((locale) => signedIn(locale)));
    const writerIn = (locale: Locale) => {
      const writer = writers[LOCALES.indexOf(locale)];
      if (!writer) throw new Error(`no writer for ${locale}`);
      return writer;
    };
    const browser = await subscribeLive(writerIn('zh-CN').cookie ?? '');

    // Three writers creating departments until told to stop; every answer is kept.
    const acknowledged = new Map<string, number>();
    const refused: { locale: string; status: number; body: unknown }[] = [];
    const unexpected: { status: number; body: unknown }[] = [];
    let stop = false;
    let attempt = 0;
    const load = writers.map(async (writer, w) => {
      const locale = LOCALES[w] ?? 'zh-CN';
      while (!stop) {
        const code = `W${w}-${attempt++}`;
        const res = await writer.post<{ id: number }>('/api/v1/departments', { code, name: `负载 ${code}` });
        if (res.status === 201) acknowledged.set(code, res.body.id);
        else if (res.status === 503) refused.push({ locale, status: res.status, body: res.body });
        else unexpected.push({ status: res.status, body: res.body });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const ackedBy = (n: number) =>
      waitFor(`${n} acknowledged creates`, async () => (acknowledged.size >= n ? true : undefined));

    try {
      await ackedBy(6);
      await server.stopImmediately();
      const stoppedAt = Date.now();

      // Every part notices by itself: the pool at the next query, the listeners at once, pg-boss at its next poll.
      const down = await waitFor('health to report every part down', async () => {
        const h = await health();
        return Object.values(h.body.checks).every((s) => s === 'down') ? h : undefined;
      });
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('unavailable');

      // A request made during the outage: 503 with the code and a message in the caller's language.
      for (const locale of ['en', 'zh-TW'] as const) {
        const res = await writerIn(locale).post('/api/v1/departments', { code: `X-${locale}`, name: 'x' });
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('5');
        expect(errorOf(res.body)).toEqual({
          code: 'DATABASE_UNAVAILABLE',
          message: errorMessage('DATABASE_UNAVAILABLE', locale),
        });
      }

      // Longer than the old single retry of the live bus (1 s) could ever bridge.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 4000 - (Date.now() - stoppedAt))));
      const ackedDuringOutage = acknowledged.size;
      await server.restart();

      const back = await waitFor(
        'health to answer 200 again',
        async () => {
          const h = await health();
          return h.status === 200 ? h : undefined;
        },
        60_000,
      );
      expect(back.body).toMatchObject({
        status: 'ok',
        checks: { database: 'ok', live: 'ok', outbound: 'ok', jobs: 'ok' },
      });
      await ackedBy(ackedDuringOutage + 6);
    } finally {
      stop = true;
      await Promise.all(load);
    }

    expect(unexpected).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      const error = errorOf(r.body);
      expect(error.code).toBe('DATABASE_UNAVAILABLE');
      // The caller's language, or the signed-in user's when the session was already read.
      expect(LOCALES.map((l) => errorMessage('DATABASE_UNAVAILABLE', l))).toContain(error.message);
    }

    // Live updates: a change made after the outage reaches the browser tab opened before it.
    const after = await writerIn('zh-CN').post<{ id: number }>('/api/v1/departments', {
      code: 'LIVE-AFTER',
      name: '之后',
    });
    expect(after.status).toBe(201);
    await waitFor('the live event published after the outage', async () =>
      browser.events.some((e) => e.topic === 'departments' && e.id === after.body.id) ? true : undefined,
    );
    await browser.close();

    // Outbound mail: queued after the outage, delivered by the listener at once (no minute job runs here).
    const message = await queueProbeMessage('13800000002');
    await waitFor('delivery after the outage', async () =>
      (await outboundStatus(message)) === 'logged' ? true : undefined,
    );

    // Jobs: one sent after the outage runs.
    await boss.send('fault.probe', { mark: 'after-outage' });
    await waitFor('the job sent after the outage', async () =>
      jobsRan.includes('after-outage') ? true : undefined,
    );

    // Every acknowledged create is there, and nothing is half-written: each department has its audit row.
    const departments = await t.db.selectFrom('department').select(['id', 'code']).execute();
    const stored = new Map(departments.map((d) => [d.code, d.id]));
    for (const [code, id] of acknowledged) expect(stored.get(code), code).toBe(id);
    const audited = new Set(
      (
        await t.db
          .selectFrom('audit_log')
          .select('entity_id')
          .where('action', '=', 'department.create')
          .execute()
      ).map((a) => a.entity_id),
    );
    for (const d of departments) expect(audited.has(String(d.id)), d.code).toBe(true);

    // One line when each connection was lost and one when it came back, however many attempts it took.
    const outageLogs = logs.slice(logsFrom);
    for (const label of ['live updates', 'outbound messages', 'jobs']) {
      expect(
        outageLogs.filter((l) => l.startsWith(`${label}: connection lost`)),
        label,
      ).toHaveLength(1);
      expect(
        outageLogs.filter((l) => l.startsWith(`${label}: connection restored`)),
        label,
      ).toHaveLength(1);
    }
    expect(crashes).toEqual([]);
  }, 120_000);
});
