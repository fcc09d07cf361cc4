// Figures for the setup contract (not a test): time of `npm install && npm start` on a fresh clone to the
// first page (warm npm cache), the resident memory of the Qiao process at idle, and after a short request mix.
// Run: node bench/startup.ts   (clones the committed HEAD into a temp dir; uses port 3977)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiTokenFor, percentile } from './bench-kit.ts';

const port = 3977;
const ADMIN = { email: 'startup-bench@example.com', password: `Bench-${Date.now()}-startup` };
const dir = mkdtempSync(path.join(tmpdir(), 'qiao-startup-'));
const repo = path.resolve(import.meta.dirname, '..');
execFileSync('git', ['clone', '-q', repo, dir]);

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
}

const started = performance.now();
const child = spawn('sh', ['-c', 'npm install --no-audit --no-fund --loglevel=error && exec npm start'], {
  cwd: dir,
  env: {
    ...process.env,
    PORT: String(port),
    QIAO_DATA_DIR: path.join(dir, 'data'),
    LOG_LEVEL: 'warn',
    QIAO_ADMIN_EMAIL: ADMIN.email,
    QIAO_ADMIN_PASSWORD: ADMIN.password,
  },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let installDone = 0;
child.stdout.on('data', (chunk: Buffer) => {
  if (!installDone && chunk.toString().includes('qiao@')) installDone = performance.now();
});
try {
  let firstPage = 0;
  while (performance.now() - started < 600_000) {
    try {
      const res = await fetch(`http://localhost:${port}/`);
      if (res.ok && (await res.text()).includes('<div id="root">')) {
        firstPage = performance.now();
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!firstPage) throw new Error('Qiao did not serve its first page within 10 minutes');
  console.log(`npm install && npm start → first page: ${((firstPage - started) / 1000).toFixed(1)} s`);

  await new Promise((r) => setTimeout(r, 15_000));
  const qiao = qiaoPid(child.pid!);
  const pgPids = execFileSync('pgrep', ['-f', path.join(dir, 'data', 'postgres')])
    .toString()
    .trim()
    .split('\n')
    .map(Number);
  const pgRss = pgPids.reduce((sum, pid) => sum + rssKb(pid), 0);
  console.log(
    `idle RSS after 15 s: Qiao (node, pid ${qiao}) ${mib(rssKb(qiao))} MiB; embedded PostgreSQL (${pgPids.length} processes, shared pages counted in each) ${mib(pgRss)} MiB`,
  );
  console.log(`after a request mix (${await requestMix()}): Qiao ${mib(rssKb(qiao))} MiB`);
} finally {
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 5000));
  rmSync(dir, { recursive: true, force: true });
}

function mib(kb: number): string {
  return (kb / 1024).toFixed(0);
}

/** The Qiao process itself: the node under `npm start` (not npm, the shell, or another Qiao on this machine). */
function qiaoPid(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const isNode = path.basename(cmdline[0] ?? '') === 'node';
    if (isNode && cmdline.some((arg) => arg.endsWith('scripts/start.ts'))) return pid;
    queue.push(...(children.get(pid) ?? []));
  }
  throw new Error('the Qiao process was not found under npm start');
}

/** 20 s at 20 requests/s over a few list and session endpoints, one at a time; returns p50/p99. */
async function requestMix(): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const token = await apiTokenFor(base, ADMIN.email, ADMIN.password, 'startup-bench');
  const headers = { authorization: `Bearer ${token}` };
  const paths = [
    '/api/auth/me',
    '/api/v1/tickets?limit=20',
    '/api/v1/customers?limit=20',
    '/api/v1/users?limit=20',
  ];
  const times: number[] = [];
  const started = Date.now();
  for (let n = 0; Date.now() - started < 20_000; n++) {
    const begin = performance.now();
    const res = await fetch(`${base}${paths[n % paths.length]}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${paths[n % paths.length]}: ${res.status}`);
    times.push(performance.now() - begin);
    await new Promise((r) => setTimeout(r, Math.max(0, (n + 1) * 50 - (Date.now() - started))));
  }
  const p = (q: number) => percentile(times, q).toFixed(1);
  return `${times.length} requests, p50 ${p(50)} ms, p99 ${p(99)} ms`;
}
