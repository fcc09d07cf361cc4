// Figures for the setup contract (not a test): time of `npm install && npm start` on a fresh clone to the
// first page (warm npm cache), and the server's resident memory at idle.
// Run: node bench/startup.ts   (clones the committed HEAD into a temp dir; uses port 3977)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = 3977;
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
  env: { ...process.env, PORT: String(port), QIAO_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' },
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
  const pids = execFileSync('pgrep', ['-f', `node.*src/server/main.ts|node scripts/start.ts`])
    .toString()
    .trim()
    .split('\n')
    .map(Number);
  const node = pids.map((pid) => ({ pid, rss: rssKb(pid) })).sort((a, b) => b.rss - a.rss)[0];
  const pgPids = execFileSync('pgrep', ['-f', path.join(dir, 'data', 'postgres')])
    .toString()
    .trim()
    .split('\n')
    .map(Number);
  const pgRss = pgPids.reduce((sum, pid) => sum + rssKb(pid), 0);
  console.log(
    `idle RSS after 15 s: Qiao (node) ${(node!.rss / 1024).toFixed(0)} MiB; embedded PostgreSQL (${pgPids.length} processes, shared pages counted in each) ${(pgRss / 1024).toFixed(0)} MiB`,
  );
} finally {
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 5000));
  rmSync(dir, { recursive: true, force: true });
}
