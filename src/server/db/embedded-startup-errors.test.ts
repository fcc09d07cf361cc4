import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFile, chmod, chown, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.ts';
import { explainInitFailure, explainStartFailure, readLogSince } from './embedded-checks.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.ts';

/**
 * Start-up faults of the embedded PostgreSQL (issue 9, item 7): each ends in one line naming the cause
 * and the fix, or — when the fault is a leftover Qiao can clear safely — in a started server and a log
 * line saying what was cleared. Every test runs a server of its own in a temp dir of its own.
 */

const FAST = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };
const isRoot = userInfo().uid === 0;
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qiao-startup-'));
  dirs.push(dir);
  return dir;
}

/** An initialised, stopped cluster in a data dir of its own. */
async function stoppedCluster(): Promise<{ dataDir: string; pgData: string; port: number }> {
  const dataDir = path.join(await tempDir(), 'data');
  const server = await startEmbeddedPostgres({ dataDir, settings: FAST });
  await server.stop();
  return { dataDir, pgData: path.join(dataDir, 'postgres'), port: server.port };
}

async function answers(server: EmbeddedPostgres): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<{ ok: number }>('SELECT 1 AS ok')).rows[0]?.ok;
  } finally {
    await client.end();
  }
}

async function startupError(start: Promise<unknown>): Promise<StartupError> {
  const error = await start.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  const message = (error as StartupError).message;
  expect(message, 'one line').not.toContain('\n');
  return error as StartupError;
}

/** uid/gid the embedded server runs as: `postgres` as root (created by the first start), else ourselves. */
function serverUser(): { uid: number; gid: number } {
  if (!isRoot) return { uid: userInfo().uid, gid: userInfo().gid };
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs `code` (an ES module body with startEmbeddedPostgres in scope) as `user` in a child process. */
async function runAs(user: { uid: number; gid: number }, dir: string, code: string) {
  const probe = path.join(dir, 'probe.ts');
  const module = path.resolve(import.meta.dirname, 'embedded-postgres.ts');
  await writeFile(
    probe,
    `import { startEmbeddedPostgres } from ${JSON.stringify(module)};\n` +
      `try { ${code}; console.log(JSON.stringify({ ok: true })); }\n` +
      'catch (e) { console.log(JSON.stringify({ ok: false, name: e.name, message: e.message })); }\n',
  );
  await chmod(probe, 0o644);
  const output = execFileSync(process.execPath, [probe], { ...user, encoding: 'utf8', cwd: dir });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    ok: boolean;
    name?: string;
    message?: string;
  };
}

function pidFile(pgData: string, pid: string | number, port: number): string {
  return `${pid}\n${pgData}\n1700000000\n${port}\n\n127.0.0.1\n  5432001     32768\nready   \n`;
}

describe('start-up errors of the embedded PostgreSQL name the cause and the fix', () => {
  it('a data dir that cannot be created names it and QIAO_DATA_DIR, instead of ENOENT … mkdir', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'not-a-dir'), 'x');
    const underFile = path.join(dir, 'not-a-dir', 'data');
    const fileError = await startupError(startEmbeddedPostgres({ dataDir: underFile }));
    expect(fileError.message).toBe(
      `cannot create the data directory ${underFile}: ${path.join(dir, 'not-a-dir')} is a file, not a directory — set QIAO_DATA_DIR to a directory Qiao may create`,
    );

    // A filesystem that refuses new directories (procfs answers ENOENT, like the read-only one in the
    // issue; Node's recursive mkdir even loops on it forever).
    const refused = `/proc/qiao-data-${process.pid}/data`;
    const procError = await startupError(startEmbeddedPostgres({ dataDir: refused }));
    expect(procError.message).toMatch(
      new RegExp(
        `^cannot create the data directory ${refused}: /proc does not allow new directories \\(ENOENT\\) — set QIAO_DATA_DIR to a writable directory`,
      ),
    );

    // What the user sees from `npm start`: that line, once, and exit code 1.
    const child = spawn(process.execPath, ['src/server/main.ts'], {
      env: { ...process.env, QIAO_DATA_DIR: refused, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe(`[qiao] ${procError.message}\n`);
  }, 60_000);

  it('a data dir the server user may not write names the chown to run', async () => {
    // As root the server runs as `postgres`, a user that can be refused: a data dir of root's, 0755.
    if (!isRoot) {
      // Not root: a data dir without write permission for us.
      const dataDir = path.join(await tempDir(), 'data');
      await mkdir(dataDir, { mode: 0o555 });
      const error = await startupError(startEmbeddedPostgres({ dataDir }));
      expect(error.message).toMatch(/is not writable for user .* — run: sudo chown -R /);
      return;
    }
    await stoppedCluster(); // creates the `postgres` user if missing
    const dir = await tempDir();
    await chmod(dir, 0o755);
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir, { mode: 0o755 });
    const result = await runAs(
      serverUser(),
      dir,
      `await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} })`,
    );
    expect(result).toEqual({
      ok: false,
      name: 'StartupError',
      message: `the data directory ${dataDir} is not writable for user postgres (it belongs to user root) — run: sudo chown -R postgres ${dataDir}, or set QIAO_DATA_DIR to a directory of user postgres`,
    });
  }, 60_000);

  it('a postmaster.pid naming a live process of another program is stale: said so, removed, started', async () => {
    const { dataDir, pgData, port } = await stoppedCluster();
    // A live process of the server's own user (so signals reach it), which is not PostgreSQL.
    const other = spawn('sleep', ['60'], { ...serverUser(), stdio: 'ignore' });
    children.push(other);
    await new Promise((resolve) => other.once('spawn', resolve));
    const file = path.join(pgData, 'postmaster.pid');
    await writeFile(file, pidFile(pgData, other.pid ?? 0, port));
    const messages: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, settings: FAST, log: (m) => messages.push(m) });
    try {
      expect(server.reused).toBe(false);
      expect(await answers(server)).toBe(1);
      expect(messages).toContain(
        `${file} names pid ${other.pid} (sleep 60), which is not this data directory's PostgreSQL: stale (left by a crash), removed it`,
      );
      expect(messages.join('\n')).not.toMatch(/found a running/);
    } finally {
      await server.stop();
      other.kill('SIGKILL');
    }
  }, 60_000);

  it('an empty or garbage postmaster.pid is stale: said so, removed, started', async () => {
    const { dataDir, pgData } = await stoppedCluster();
    const file = path.join(pgData, 'postmaster.pid');
    for (const [content, said] of [
      ['', `${file} is empty: stale (left by a crash), removed it`],
      ['hello world\n', `${file} holds no process id ("hello world"): stale (left by a crash), removed it`],
    ] as const) {
      await writeFile(file, content);
      const messages: string[] = [];
      const server = await startEmbeddedPostgres({ dataDir, settings: FAST, log: (m) => messages.push(m) });
      try {
        expect(await answers(server)).toBe(1);
        expect(messages).toContain(said);
      } finally {
        await server.stop();
      }
    }
  }, 60_000);

  it('postgres/ owned by another user names the directory and the chown (as root: given to postgres)', async () => {
    const { dataDir, pgData } = await stoppedCluster();
    if (!isRoot) {
      // Not root: the ownership cannot be faked; a mode PostgreSQL refuses can.
      await chmod(pgData, 0o755);
      const error = await startupError(startEmbeddedPostgres({ dataDir, settings: FAST }));
      expect(error.message).toBe(
        `${pgData} has mode 755, but PostgreSQL needs 700 — run: chmod 700 ${pgData}`,
      );
      return;
    }
    // As another user (here `postgres` itself, the embedded server's user when not started as root).
    execFileSync('chown', ['-R', 'root:root', pgData]);
    await chmod(path.dirname(dataDir), 0o755);
    await chown(dataDir, serverUser().uid, serverUser().gid);
    await chown(path.join(dataDir, 'embedded-postgres.json'), serverUser().uid, serverUser().gid);
    const result = await runAs(
      serverUser(),
      path.dirname(dataDir),
      `await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} })`,
    );
    expect(result).toEqual({
      ok: false,
      name: 'StartupError',
      message: `${pgData} belongs to user root, but the embedded PostgreSQL runs as user postgres — run: sudo chown -R postgres ${pgData}`,
    });

    // As root the server runs as `postgres`, so Qiao hands the directory over itself and says so.
    const messages: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, settings: FAST, log: (m) => messages.push(m) });
    try {
      expect(await answers(server)).toBe(1);
      expect(messages).toContain(
        `${pgData} belonged to user root: gave it to user postgres, which the embedded PostgreSQL runs as (chown -R postgres)`,
      );
      expect((await stat(pgData)).uid).toBe(serverUser().uid);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('a failed start prints the FATAL/PANIC line of this attempt from postgres.log with its fix', async () => {
    // A full disk, faked by its log line (the server writes it to postgres.log; pg_ctl says only
    // "could not start server").
    const dir = await tempDir();
    const logFile = path.join(dir, 'postgres.log');
    await writeFile(logFile, '2026-01-01 00:00:00.000 UTC [1] FATAL:  an old failure, not this one\n');
    const offset = (await stat(logFile)).size;
    await appendFile(
      logFile,
      '2026-01-02 00:00:00.000 UTC [7] LOG:  starting PostgreSQL 18.4\n' +
        '2026-01-02 00:00:00.001 UTC [7] PANIC:  could not write to file "pg_wal/xlogtemp.7": No space left on device\n' +
        '2026-01-02 00:00:00.002 UTC [7] LOG:  startup process (PID 8) was terminated by signal 6: Aborted\n',
    );
    const pgData = path.join(dir, 'postgres');
    expect(
      explainStartFailure({
        log: await readLogSince(logFile, offset),
        pgCtlOutput: 'waiting for server to start.... stopped waiting\npg_ctl: could not start server\n',
        pgData,
        port: 5432,
        logFile,
      }),
    ).toBe(
      `the embedded PostgreSQL could not start: PANIC: could not write to file "pg_wal/xlogtemp.7": No space left on device — the disk holding ${pgData} is full: free space there (df -h ${pgData}) and start Qiao again`,
    );

    // The same disk, full while the cluster is first created: initdb's own error line.
    expect(
      explainInitFailure(
        `initdb: error: could not create directory "${pgData}/pg_wal": No space left on device\ninitdb: removing contents of data directory "${pgData}"\n`,
        { pgData, logFile, user: 'postgres' },
      ),
    ).toBe(
      `the embedded PostgreSQL cluster could not be created in ${pgData}: initdb: error: could not create directory "${pgData}/pg_wal": No space left on device — the disk holding ${pgData} is full: free space there (df -h ${pgData}) and start Qiao again`,
    );

    // A real failed start: its own FATAL line, not an older one left in the log.
    const { dataDir } = await stoppedCluster();
    await appendFile(
      path.join(dataDir, 'postgres.log'),
      'PANIC:  could not write to file "x": No space left on device\n',
    );
    const error = await startupError(
      startEmbeddedPostgres({ dataDir, settings: { ...FAST, max_connections: 'lots' } }),
    );
    expect(error.message).toBe(
      `the embedded PostgreSQL could not start: FATAL: invalid value for parameter "max_connections": "lots" — fix that setting and start Qiao again (see ${path.join(dataDir, 'postgres.log')})`,
    );
    expect(await readFile(path.join(dataDir, 'postgres.log'), 'utf8')).toContain('lots');
  }, 60_000);
});
