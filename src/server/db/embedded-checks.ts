import { constants } from 'node:fs';
import {
  access,
  chmod,
  chown,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  readlink,
  realpath,
  rm,
  stat,
} from 'node:fs/promises';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { StartupError } from '../startup-error.ts';

/**
 * What can be wrong around the embedded PostgreSQL before and while it starts, told in one line that
 * names the cause and the fix (issue 9, item 7) — and the leftovers of a crash that are safe to clear.
 */

/** The user the server runs as: `postgres` when Qiao runs as root (PostgreSQL refuses root), else Qiao's. */
export interface RunAs {
  uid?: number;
  gid?: number;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The login name of `uid` (from /etc/passwd), or `uid N`. */
export async function userName(uid: number): Promise<string> {
  try {
    if (uid === userInfo().uid) return userInfo().username;
  } catch {
    // no passwd entry for us: fall through
  }
  try {
    for (const line of (await readFile('/etc/passwd', 'utf8')).split('\n')) {
      const [name, , id] = line.split(':');
      if (name && Number(id) === uid) return name;
    }
  } catch {
    // no /etc/passwd (not Linux)
  }
  return `uid ${uid}`;
}

/** Who runs the embedded server, by name. */
export async function serverUserName(runAs: RunAs): Promise<string> {
  return userName(runAs.uid ?? userInfo().uid);
}

function cannotCreate(target: string, reason: string, fix: string): StartupError {
  return new StartupError(`cannot create the data directory ${target}: ${reason} — ${fix}`);
}

/**
 * Creates the data directory (each missing level on its own: Node's recursive mkdir reports ENOENT on
 * a filesystem that refuses, or loops on it) and checks that Qiao may write there.
 */
export async function ensureDataDir(dataDir: string): Promise<void> {
  const target = path.resolve(dataDir);
  const writableFix = 'set QIAO_DATA_DIR to a writable directory';
  const missing: string[] = [];
  for (let dir = target; ; dir = path.dirname(dir)) {
    try {
      if ((await stat(dir)).isDirectory()) break;
      throw cannotCreate(
        target,
        `${dir} is a file, not a directory`,
        'set QIAO_DATA_DIR to a directory Qiao may create',
      );
    } catch (error) {
      if (error instanceof StartupError) throw error;
      const code = codeOf(error);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(dir) === dir)
        throw cannotCreate(target, `${dir}: ${code ?? String(error)}`, writableFix);
      missing.push(dir);
    }
  }
  const me = await userName(userInfo().uid);
  for (const dir of missing.reverse()) {
    try {
      await mkdir(dir);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EEXIST') continue;
      const parent = path.dirname(dir);
      const reason =
        code === 'EROFS'
          ? `${parent} is on a read-only filesystem (EROFS)`
          : code === 'EACCES' || code === 'EPERM'
            ? `user ${me} may not create directories in ${parent} (${code})`
            : code === 'ENOSPC'
              ? `the disk holding ${parent} is full (ENOSPC)`
              : `${parent} does not allow new directories (${code ?? String(error)})`;
      throw cannotCreate(target, reason, `${writableFix} (or create ${target} for user ${me})`);
    }
  }
  // As root the server runs as `postgres`, which gets its own postgres/ inside: root writes the rest,
  // so only a read-only filesystem can refuse it.
  try {
    await access(target, constants.W_OK | constants.X_OK);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EROFS')
      throw new StartupError(`the data directory ${target} is on a read-only filesystem — ${writableFix}`);
    const owner = await userName((await stat(target)).uid);
    throw new StartupError(
      `the data directory ${target} is not writable for user ${me} (it belongs to user ${owner}) — run: sudo chown -R ${me} ${target}, or set QIAO_DATA_DIR to a directory of user ${me}`,
    );
  }
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!(await lstat(file)).isSymbolicLink()) await chown(file, uid, gid);
  }
}

/**
 * PostgreSQL's data directory must belong to the server's user with mode 0700 (or 0750). As root Qiao
 * fixes that itself (the server runs as `postgres`); otherwise it names the command to run.
 */
export async function checkClusterDir(pgData: string, runAs: RunAs, log: (m: string) => void): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(pgData);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  if (!info.isDirectory())
    throw new StartupError(
      `${pgData} is a file, not PostgreSQL's data directory — move it away and start Qiao again`,
    );
  const user = await serverUserName(runAs);
  const uid = runAs.uid ?? userInfo().uid;
  if (info.uid !== uid) {
    const owner = await userName(info.uid);
    if (runAs.uid === undefined || runAs.gid === undefined)
      throw new StartupError(
        `${pgData} belongs to user ${owner}, but the embedded PostgreSQL runs as user ${user} — run: sudo chown -R ${user} ${pgData}`,
      );
    await chownTree(pgData, runAs.uid, runAs.gid);
    log(
      `${pgData} belonged to user ${owner}: gave it to user ${user}, which the embedded PostgreSQL runs as (chown -R ${user})`,
    );
  }
  const mode = info.mode & 0o777;
  if (mode !== 0o700 && mode !== 0o750) {
    if (runAs.uid === undefined)
      throw new StartupError(
        `${pgData} has mode ${mode.toString(8)}, but PostgreSQL needs 700 — run: chmod 700 ${pgData}`,
      );
    await chmod(pgData, 0o700);
    log(`${pgData} had mode ${mode.toString(8)}: set it to 700, as PostgreSQL requires`);
  }
}

export type ProcessState = 'alive' | 'zombie' | 'dead';

const hasProc = (async () => {
  try {
    await stat('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** Whether `pid` runs: from /proc on Linux (a zombie has exited), else by signal 0. */
export async function processState(pid: number): Promise<ProcessState> {
  if (await hasProc) {
    try {
      const text = await readFile(`/proc/${pid}/stat`, 'utf8');
      const state = text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
      return state === 'Z' || state === 'X' ? 'zombie' : 'alive';
    } catch {
      return 'dead';
    }
  }
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (error) {
    return codeOf(error) === 'EPERM' ? 'alive' : 'dead';
  }
}

async function sameDir(a: string, b: string): Promise<boolean> {
  const resolve = async (p: string) => realpath(p).catch(() => path.resolve(p));
  return (await resolve(a)) === (await resolve(b));
}

/**
 * Whether live `pid` is the postmaster of `pgData`: a `postgres` program whose working directory (the
 * postmaster works in its data directory) or `-D` is `pgData`. null where /proc cannot tell.
 */
async function postmasterOf(pid: number, pgData: string): Promise<{ ours: boolean | null; command: string }> {
  if (!(await hasProc)) return { ours: null, command: `pid ${pid}` };
  let args: string[];
  try {
    args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
  } catch {
    return { ours: null, command: `pid ${pid}` };
  }
  const command = args.join(' ').slice(0, 80) || `pid ${pid}`;
  if (path.basename(args[0] ?? '') !== 'postgres') return { ours: false, command };
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => null);
  if (cwd) return { ours: await sameDir(cwd, pgData), command };
  const dataArg = args[args.indexOf('-D') + 1];
  return { ours: dataArg ? await sameDir(dataArg, pgData) : null, command };
}

/** Live processes working in `pgData`: the postmaster and its backends (an orphaned backend outlives a killed postmaster). */
export async function processesIn(pgData: string): Promise<number[]> {
  if (!(await hasProc)) return [];
  const dir = await realpath(pgData).catch(() => path.resolve(pgData));
  const pids: number[] = [];
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const cwd = await readlink(`/proc/${name}/cwd`).catch(() => null);
    if (cwd === dir && (await processState(Number(name))) === 'alive') pids.push(Number(name));
  }
  return pids;
}

export function acceptsConnections(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * postmaster.pid, read as PostgreSQL would and then some:
 * - `absent`, or `dead` (its process is gone: left in place, PostgreSQL's own check of the old shared
 *   memory then guards against backends a killed postmaster left behind);
 * - `stale`: empty, garbage, an exited (zombie) process, or a live process that is not this data
 *   directory's PostgreSQL (a pid reused after a crash or reboot). PostgreSQL and pg_ctl refuse to start
 *   on such a file, so it is removed (see removeStalePidFile);
 * - `running`: this data directory's postmaster, with the port it wrote.
 */
export type PidFileState =
  | { kind: 'absent' }
  | { kind: 'dead'; pid: number }
  | { kind: 'stale'; reason: string }
  | { kind: 'running'; pid: number; port: number | null };

export async function inspectPidFile(pgData: string): Promise<PidFileState> {
  const file = path.join(pgData, 'postmaster.pid');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  if (!text.trim()) return { kind: 'stale', reason: `${file} is empty` };
  const lines = text.split('\n');
  const first = (lines[0] ?? '').trim();
  const pid = Number(first);
  if (!/^\d+$/.test(first) || pid <= 0)
    return { kind: 'stale', reason: `${file} holds no process id (${JSON.stringify(first.slice(0, 40))})` };
  const portLine = Number(lines[3]);
  const port = Number.isInteger(portLine) && portLine > 0 ? portLine : null;
  const state = pid === process.pid ? 'alive' : await processState(pid);
  if (state === 'dead') return { kind: 'dead', pid };
  if (state === 'zombie') return { kind: 'stale', reason: `${file} names pid ${pid}, which has exited` };
  const { ours, command } = await postmasterOf(pid, pgData);
  if (ours === false)
    return {
      kind: 'stale',
      reason: `${file} names pid ${pid} (${command}), which is not this data directory's PostgreSQL`,
    };
  // Without /proc, the port decides: our postmaster answers on the port it wrote.
  if (ours === null && !(port && (await acceptsConnections(port))))
    return { kind: 'stale', reason: `${file} names pid ${pid}, which does not answer on port ${port}` };
  return { kind: 'running', pid, port };
}

/**
 * Removes a stale postmaster.pid and says so — unless processes still work in the data directory
 * (backends of a killed postmaster): removing the file then would let a second server in beside them.
 */
export async function removeStalePidFile(pgData: string, reason: string, log: (m: string) => void) {
  const holders = await processesIn(pgData);
  if (holders.length)
    throw new StartupError(
      `${reason}, but processes ${holders.join(', ')} still work in ${pgData} (left by an earlier embedded PostgreSQL) — stop them (kill ${holders.join(' ')}) and start Qiao again`,
    );
  await rm(path.join(pgData, 'postmaster.pid'), { force: true });
  log(`${reason}: stale (left by a crash), removed it`);
}

/** What the server wrote to its log since `offset` (at most the last 64 KB). */
export async function readLogSince(logFile: string, offset: number): Promise<string> {
  try {
    const handle = await open(logFile, 'r');
    try {
      const size = (await handle.stat()).size;
      const from = Math.max(offset, size - 65_536);
      if (size <= from) return '';
      const buffer = Buffer.alloc(size - from);
      await handle.read(buffer, 0, buffer.length, from);
      return buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

/** The fix for a server error line, by what it says. */
function fixFor(
  line: string,
  all: string,
  at: { pgData: string; port: number; logFile: string; user: string },
) {
  const { pgData, port, logFile, user } = at;
  if (/No space left on device/i.test(line))
    return `the disk holding ${pgData} is full: free space there (df -h ${pgData}) and start Qiao again`;
  if (/could not create any TCP\/IP sockets|could not bind|Address already in use/i.test(`${line}\n${all}`))
    return `another program holds port ${port} on 127.0.0.1: stop it (ss -ltnp 'sport = :${port}') and start Qiao again`;
  const lockPid = /lock file "postmaster\.pid" already exists/.test(line)
    ? /postmaster \(PID (\d+)\)/.exec(all)?.[1]
    : undefined;
  if (lockPid)
    return `process ${lockPid} still holds ${pgData}: stop it (kill ${lockPid}) and start Qiao again`;
  if (/pre-existing shared memory block .* is still in use/.test(line))
    return `processes of an earlier embedded PostgreSQL still run on ${pgData}: stop them (ps -o pid,args -u ${user}) and start Qiao again`;
  if (/Permission denied|wrong ownership|invalid permissions/i.test(line))
    return `give ${pgData} to the server's user: sudo chown -R ${user} ${pgData} && sudo chmod 700 ${pgData}`;
  if (/incompatible with server|initialized by PG_VERSION/i.test(`${line}\n${all}`))
    return `the data was written by another PostgreSQL major version: back it up with the Qiao that wrote it (npm run db:backup) and restore into a new QIAO_DATA_DIR`;
  if (
    /invalid value for parameter|unrecognized configuration parameter|configuration file .* contains errors/.test(
      line,
    )
  )
    return `fix that setting and start Qiao again (see ${logFile})`;
  if (/shared memory|Cannot allocate memory|out of memory/i.test(line))
    return `the machine lacks free memory (or shared memory) for PostgreSQL: free some, or raise the limit, and start Qiao again`;
  return `see ${logFile}`;
}

/**
 * One line for a start that failed: the server's own PANIC (else last FATAL) line of this attempt —
 * a full disk, a taken port, a bad setting — with its fix. pg_ctl itself says only "could not start server".
 */
export function explainStartFailure(input: {
  log: string;
  pgCtlOutput: string;
  pgData: string;
  port: number;
  logFile: string;
  user?: string;
}): string {
  const at = { ...input, user: input.user ?? 'postgres' };
  const errors = input.log
    .split('\n')
    .map((line) => /\b(PANIC|FATAL):\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  const chosen = errors.findLast((m) => m[1] === 'PANIC') ?? errors.at(-1);
  if (chosen) {
    const line = `${chosen[1]}: ${chosen[2]?.trim()}`;
    return `the embedded PostgreSQL could not start: ${line} — ${fixFor(line, input.log, at)}`;
  }
  const said =
    input.pgCtlOutput
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^waiting for server|^Examine the log/.test(l))
      .at(-1) ?? 'pg_ctl failed';
  return `the embedded PostgreSQL could not start (${said}) — ${fixFor(said, input.pgCtlOutput, at)}`;
}

/** One line for a failed initdb, from its own last error line. */
export function explainInitFailure(output: string, at: { pgData: string; logFile: string; user: string }) {
  const said =
    output
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /error|fatal|could not/i.test(l))
      .at(0) ??
    output.trim().split('\n').at(-1) ??
    'initdb failed';
  return `the embedded PostgreSQL cluster could not be created in ${at.pgData}: ${said} — ${fixFor(said, output, { ...at, port: 0 })}`;
}
