import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from './app.ts';
import { bootstrap, type FirstAdmin } from './bootstrap.ts';
import type { QiaoConfig } from './config.ts';
import { setInstanceKey } from './crypto/secret-box.ts';
import { createDatabase, createPool, ensureDatabaseExists, withDatabaseName } from './db/database.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { checkInstanceKey } from './db/instance-key.ts';
import { migrateToLatest } from './db/migrate.ts';
import { type Jobs, startJobs } from './jobs/jobs.ts';
import {
  moveDatabaseFiles,
  moveLegacyFiles,
  openAttachmentStore,
} from './modules/attachments/store-setup.ts';
import { allowMailHosts } from './modules/email/outbound-target.ts';
import { type SmtpListener, startSmtpListenerFromEnv } from './modules/email/smtp-listener.ts';
import { createLiveBus } from './modules/live/live-bus.ts';
import { type OutboundListener, startOutboundListener } from './modules/notifications/outbound-listener.ts';
import { loadSecretKey, secretKeyFile } from './secret-key.ts';
import { StartupError } from './startup-error.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
).version;

export interface RunningQiao {
  app: FastifyInstance;
  url: string;
  databaseUrl: string;
  firstAdmin: FirstAdmin | null;
  stop(): Promise<void>;
}

export class InstanceLockedError extends Error {}

async function readTls(tls: NonNullable<QiaoConfig['tls']>) {
  const read = (file: string, variable: string) =>
    readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new StartupError(`${variable}: cannot read ${file} (${error.code ?? error.message})`);
    });
  return { cert: await read(tls.certFile, 'QIAO_TLS_CERT'), key: await read(tls.keyFile, 'QIAO_TLS_KEY') };
}

/** Embedded mode allows one Qiao per data dir; the lock lives on a connection, so a killed Qiao releases it. */
async function takeInstanceLock(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'qiao-instance-lock' });
  await client.connect();
  const { rows } = await client.query<{ ok: boolean }>(
    "SELECT pg_try_advisory_lock(hashtext('qiao-embedded-instance')) AS ok",
  );
  if (!rows[0]?.ok) {
    await client.end();
    throw new InstanceLockedError('another Qiao is already running on this data directory');
  }
  client.on('error', () => {});
  return client;
}

export interface StartOptions {
  /**
   * Called with one line when the embedded PostgreSQL died and could not be restarted; main.ts exits
   * there so that the service manager restarts Qiao. Default: the line is logged.
   */
  onDatabaseLost?: (message: string) => void;
}

export async function startQiao(
  config: QiaoConfig,
  log: (msg: string) => void = console.log,
  options: StartOptions = {},
): Promise<RunningQiao> {
  // An unreadable certificate stops the start before anything else is started.
  const tls = config.tls ? await readTls(config.tls) : undefined;
  let embedded: EmbeddedPostgres | undefined;
  let lock: pg.Client | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
    await ensureDatabaseExists(embedded.url, 'qiao');
    databaseUrl = withDatabaseName(embedded.url, 'qiao');
    try {
      lock = await takeInstanceLock(databaseUrl);
    } catch (error) {
      // The server belongs to the Qiao holding the lock: leave it running.
      if (error instanceof InstanceLockedError) {
        throw new InstanceLockedError(
          `Qiao is already running on data directory ${config.dataDir}. Stop it first, or start this one with another QIAO_DATA_DIR.`,
        );
      }
      throw error;
    }
    if (embedded.reused) log('took over the embedded PostgreSQL left running by an earlier Qiao');
    // This Qiao owns the server now: it restarts it when it dies (embedded.supervisor for health).
    embedded.supervise({ onGiveUp: options.onDatabaseLost ?? log });
  }

  const pool = createPool(databaseUrl, 20);
  const db = createDatabase(pool);
  const live = createLiveBus(pool, databaseUrl, log);
  let boss: Jobs | undefined;
  let outbound: OutboundListener | undefined;
  let smtp: SmtpListener | undefined;
  try {
    const key = await loadSecretKey(config.secretKey, config.dataDir);
    setInstanceKey(key);
    allowMailHosts(config.mailAllowedHosts);
    const applied = await migrateToLatest(db);
    if (applied.length) log(`database migrated: ${applied.join(', ')}`);
    await checkInstanceKey(db, key, config.secretKey ? 'QIAO_SECRET_KEY' : secretKeyFile(config.dataDir));
    const firstAdmin = await bootstrap(db, {
      ...(config.adminEmail ? { email: config.adminEmail } : {}),
      ...(config.adminPassword ? { password: config.adminPassword } : {}),
    });
    const attachments = await openAttachmentStore(config.attachmentStore, db);
    await moveLegacyFiles(db, attachments, path.join(config.dataDir, 'attachments'), log);
    await moveDatabaseFiles(db, attachments, log);
    await live.start();
    boss = await startJobs(databaseUrl, db, log);
    outbound = await startOutboundListener(db, databaseUrl, log);
    const app = await buildApp({
      db,
      pool,
      live,
      secureCookies: config.secureCookies,
      publicUrl: config.publicUrl,
      attachments,
      dbMode: embedded ? 'embedded' : 'external',
      version: VERSION,
      connections: { outbound: outbound.state, jobs: boss.connectionState },
      clientDir: path.join(root, 'dist/client'),
      ...(tls ? { tls } : {}),
      logger: { level: config.logLevel },
    });
    const address = await app.listen({ port: config.port, host: config.host });
    // Optional inbound mail over SMTP (QIAO_SMTP_LISTEN_PORT).
    smtp = await startSmtpListenerFromEnv(db, log);
    const port = new URL(address).port;
    const url = `${config.tls ? 'https' : 'http'}://localhost:${port}`;
    return {
      app,
      url,
      databaseUrl,
      firstAdmin,
      async stop() {
        await smtp?.close();
        await app.close();
        await boss?.stop({ graceful: true, timeout: 5000 }).catch(() => {});
        await outbound?.stop();
        await live.stop();
        await db.destroy();
        await lock?.end().catch(() => {});
        await embedded?.stop();
      },
    };
  } catch (error) {
    await outbound?.stop();
    await boss?.stop({ graceful: false }).catch(() => {});
    await live.stop();
    await db.destroy().catch(() => {});
    await lock?.end().catch(() => {});
    await embedded?.stop();
    throw error;
  }
}
