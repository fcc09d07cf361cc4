import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Started {
  child: ChildProcess;
  output: () => string;
  url: Promise<string>;
  exit: Promise<number | null>;
}

function startQiao(dataDir: string): Started {
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: { ...process.env, QIAO_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/localhost:\d+)/);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => reject(new Error(`exited before serving: ${output}`)));
  });
  url.catch(() => {});
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, url, exit };
}

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL lifecycle', () => {
  it('refuses a second Qiao on the same data dir, survives kill -9, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'qiao-life-'));
    dirs.push(dataDir);

    const first = startQiao(dataDir);
    children.push(first.child);
    const firstUrl = await first.url;
    await waitFor(() => /password: \S+/.test(first.output()));
    expect(first.output()).toMatch(/First start: an administrator was created/);
    expect(await (await fetch(`${firstUrl}/api/health`)).json()).toMatchObject({
      status: 'ok',
      db: 'embedded',
    });

    const second = startQiao(dataDir);
    children.push(second.child);
    expect(await second.exit).toBe(2);
    expect(second.output()).toMatch(/already running on data directory/);
    // The first one is unharmed.
    expect((await fetch(`${firstUrl}/api/health`)).status).toBe(200);

    first.child.kill('SIGKILL');
    await first.exit;
    const third = startQiao(dataDir);
    children.push(third.child);
    const thirdUrl = await third.url;
    expect(third.output()).toMatch(/took over the embedded PostgreSQL/);
    expect(third.output()).not.toMatch(/First start/);
    expect((await fetch(`${thirdUrl}/api/health`)).status).toBe(200);

    third.child.kill('SIGTERM');
    expect(await third.exit).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
