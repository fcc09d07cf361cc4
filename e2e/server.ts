// The Qiao the journeys run against: a fresh embedded data dir, or a fresh database on TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readConfig } from '../src/server/config.ts';
import { open } from '../src/server/crypto/secret-box.ts';
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
  // The email journey's SMTP sink runs on this machine.
  mailAllowedHosts: ['127.0.0.1'],
};
const qiao = await startQiao(config, (msg) => console.log(`[e2e qiao] ${msg}`));

// The customer's inbox for the journeys: the newest message to an address as it is sent. The outbound
// log shows one-time links hidden, so this reads the sealed copy the delivery job sends from.
const mailDb = new pg.Pool({ connectionString: qiao.databaseUrl, max: 2 });
const inbox = createServer((req, res) => {
  const recipient = new URL(req.url ?? '/', 'http://inbox').searchParams.get('to') ?? '';
  mailDb
    .query<{ subject: string | null; body: string; sealed_content: string | null }>(
      'SELECT subject, body, sealed_content FROM outbound_message WHERE recipient = $1 ORDER BY id DESC LIMIT 1',
      [recipient],
    )
    .then(({ rows: [row] }) => {
      const mail = row?.sealed_content ? JSON.parse(open(row.sealed_content)) : row;
      res.writeHead(mail ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(mail ? { subject: mail.subject ?? '', body: mail.body } : null));
    })
    .catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
});
inbox.listen(Number(process.env.E2E_INBOX_PORT ?? config.port + 2), '127.0.0.1');

const stop = async () => {
  inbox.close();
  await mailDb.end();
  await qiao.stop();
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
