// The Qiao the journeys run against: a fresh embedded data dir, or a fresh database on TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readConfig } from '../src/server/config.ts';
import { withDatabaseName } from '../src/server/db/database.ts';
import { startQiao } from '../src/server/instance.ts';
import { E2E_ADMIN } from './fixtures/credentials.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'qiao-e2e-'));
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
const server = process.env.TEST_DATABASE_URL;
if (server) {
  const name = `qiao_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databaseUrl = withDatabaseName(server, name);
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

const config = {
  ...readConfig({}),
  port: Number(process.env.E2E_PORT ?? 3901),
  host: '127.0.0.1',
  dataDir,
  databaseUrl,
  adminEmail: E2E_ADMIN.login,
  adminPassword: E2E_ADMIN.password,
  logLevel: 'warn',
};
const qiao = await startQiao(config, (msg) => console.log(`[e2e qiao] ${msg}`));
const stop = async () => {
  await qiao.stop();
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
