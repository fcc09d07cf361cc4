import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptsConnections } from './embedded-checks.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.ts';

/**
 * Issue 9, item 2: Qiao supervises the embedded PostgreSQL it started. A postmaster killed with
 * SIGKILL (the server of this test's own, in a temp dir) is restarted with back-off and the recovery
 * logged; a server that cannot be restarted ends in one line for the service manager.
 */

const FAST = { fsync: 'off', full_page_writes: 'off' };
const dirs: string[] = [];
const servers: EmbeddedPostgres[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const server of servers) await server.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function startOwn(log: (m: string) => void): Promise<EmbeddedPostgres> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qiao-supervised-'));
  dirs.push(dataDir);
  const server = await startEmbeddedPostgres({ dataDir, settings: FAST, log });
  servers.push(server);
  return server;
}

async function query(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.query<{ ok: number }>('SELECT 1 AS ok')).rows[0]?.ok;
  } finally {
    await client.end().catch(() => {});
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('supervising the embedded PostgreSQL', () => {
  it('restarts a postmaster killed with SIGKILL, logs the recovery and accepts queries again', async () => {
    const messages: string[] = [];
    const server = await startOwn((m) => messages.push(m));
    server.supervise({ intervalMs: 200, onGiveUp: (m) => messages.push(`GAVE UP ${m}`) });
    expect(server.supervisor.snapshot()).toMatchObject({ status: 'running', restarts: 0 });
    expect(await query(server.url)).toBe(1);

    const pid = await server.postmasterPid();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid ?? 0, 'SIGKILL');

    const started = Date.now();
    expect(
      await until(
        'the restarted server to answer',
        async () => (server.supervisor.snapshot().restarts === 1 ? query(server.url) : undefined),
        30_000,
      ),
    ).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await server.postmasterPid()).not.toBe(pid);
    expect(server.supervisor.snapshot()).toMatchObject({ status: 'running', restarts: 1 });
    expect(messages).toContain(`the embedded PostgreSQL (pid ${pid}) is not running: restarting it`);
    expect(messages.some((m) => m.startsWith(`embedded PostgreSQL restarted on port ${server.port}`))).toBe(
      true,
    );
    expect(messages.some((m) => m.startsWith('GAVE UP'))).toBe(false);
  }, 60_000);

  it('gives up after the last attempt with one line naming the cause, for the service manager', async () => {
    const messages: string[] = [];
    const server = await startOwn((m) => messages.push(m));
    let gaveUp: string | undefined;
    server.supervise({
      intervalMs: 1000,
      maxAttempts: 3,
      backoffMs: 100,
      onGiveUp: (m) => {
        gaveUp = m;
      },
    });
    const pid = await server.postmasterPid();
    process.kill(pid ?? 0, 'SIGKILL');
    // Another program takes the port before the supervisor looks: no restart can bind it.
    await until(
      'the port to close',
      async () => ((await acceptsConnections(server.port)) ? undefined : true),
      10_000,
    );
    const squatter = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(server.port, '127.0.0.1', resolve));
    try {
      const line = await until('the supervisor to give up', async () => gaveUp, 30_000);
      expect(line).not.toContain('\n');
      expect(line).toBe(
        `the embedded PostgreSQL stopped and could not be restarted after 3 attempts (the embedded PostgreSQL could not start: FATAL: could not create any TCP/IP sockets — another program holds port ${server.port} on 127.0.0.1: stop it (ss -ltnp 'sport = :${server.port}') and start Qiao again) — exiting so that the service manager restarts Qiao`,
      );
      expect(server.supervisor.snapshot()).toMatchObject({ status: 'failed', restarts: 0 });
      expect(messages.filter((m) => m.includes('next attempt in'))).toHaveLength(2);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 60_000);

  it('in a running Qiao: health comes back after kill -9 of its postmaster; a lost server ends Qiao with exit 1', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'qiao-supervised-app-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['src/server/main.ts'], {
      env: { ...process.env, QIAO_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await until(
      'Qiao to serve',
      async () => /running at (http:\/\/localhost:\d+)/.exec(stdout)?.[1],
      60_000,
    );
    const health = async () => (await fetch(`${url}/api/health`)).status;
    expect(await health()).toBe(200);
    const pidOf = async () =>
      Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const { port } = JSON.parse(await readFile(path.join(dataDir, 'embedded-postgres.json'), 'utf8')) as {
      port: number;
    };

    const first = await pidOf();
    process.kill(first, 'SIGKILL');
    await until(
      'the restart to be logged',
      async () => (stdout.includes('embedded PostgreSQL restarted') ? true : undefined),
      30_000,
    );
    expect(stdout).toContain(`[qiao] the embedded PostgreSQL (pid ${first}) is not running: restarting it`);
    expect(stdout).toMatch(
      new RegExp(`\\[qiao\\] embedded PostgreSQL restarted on port ${port} \\(restart 1, down `),
    );
    expect(await pidOf()).not.toBe(first);
    await until(
      'health to answer 200 again',
      async () => ((await health()) === 200 ? true : undefined),
      30_000,
    );

    // Killed again, with its port taken: after the last attempt one line and exit 1 for the service manager.
    process.kill(await pidOf(), 'SIGKILL');
    await until(
      'the port to close',
      async () => ((await acceptsConnections(port)) ? undefined : true),
      10_000,
    );
    const squatter = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      expect(
        await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 45_000))]),
      ).toBe(1);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    expect(stderr.trim().split('\n')).toEqual([
      `[qiao] the embedded PostgreSQL stopped and could not be restarted after 5 attempts (the embedded PostgreSQL could not start: FATAL: could not create any TCP/IP sockets — another program holds port ${port} on 127.0.0.1: stop it (ss -ltnp 'sport = :${port}') and start Qiao again) — exiting so that the service manager restarts Qiao`,
    ]);
  }, 120_000);
});
