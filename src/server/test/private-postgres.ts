import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acceptsConnections } from '../db/embedded-checks.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../db/embedded-postgres.ts';

/**
 * A PostgreSQL server of a test's own, for fault tests that stop, kill or restart it. The shared test
 * server (global-setup.ts) is never touched: other test files run on it at the same time.
 */
export interface PrivatePostgres {
  /** The server's maintenance database (`postgres`); the port stays the same across restarts. */
  serverUrl: string;
  /**
   * `pg_ctl stop -m immediate`: SIGQUIT to the postmaster, whose backends end at once without a
   * checkpoint (the restart runs crash recovery). Resolves when the server no longer accepts connections.
   */
  stopImmediately(): Promise<void>;
  /** Starts the stopped server again on the same data directory and port. */
  restart(): Promise<void>;
  /** Stops the server (if running) and removes its directory. */
  dispose(): Promise<void>;
}

/**
 * Faster than the defaults yet as durable as them against what these tests do (kill PostgreSQL, not
 * the machine): fsync only guards against an OS crash. synchronous_commit stays on, or a commit the
 * client was told about could be lost with the WAL buffers of a killed server.
 */
const SETTINGS = { fsync: 'off', full_page_writes: 'off' };

async function postmasterPid(pgData: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(path.join(pgData, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qiao-fault-'));
  const pgData = path.join(dataDir, 'postgres');
  let server: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, settings: SETTINGS });
  const { port, url } = server;
  return {
    serverUrl: url,
    async stopImmediately() {
      const pid = await postmasterPid(pgData);
      if (!pid) throw new Error('the private PostgreSQL is not running');
      // The postmaster of the server this test started (its pid from postmaster.pid), nothing else.
      process.kill(pid, 'SIGQUIT');
      await until(async () => !(await postmasterPid(pgData)), 'the postmaster to exit');
      await until(async () => !(await acceptsConnections(port)), 'the port to close');
    },
    async restart() {
      server = await startEmbeddedPostgres({ dataDir, settings: SETTINGS });
      if (server.port !== port)
        throw new Error(`the private PostgreSQL came back on ${server.port}, not ${port}`);
    },
    async dispose() {
      if (await postmasterPid(pgData)) await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
