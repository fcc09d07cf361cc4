// `npm run db:codegen`: regenerate src/server/db/schema.ts from a freshly migrated throwaway database.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createDatabase,
  createPool,
  ensureDatabaseExists,
  withDatabaseName,
} from '../src/server/db/database.ts';
import { startEmbeddedPostgres } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'qiao-codegen-'));
const server = await startEmbeddedPostgres({ dataDir: dir });
try {
  await ensureDatabaseExists(server.url, 'qiao');
  const url = withDatabaseName(server.url, 'qiao');
  const db = createDatabase(createPool(url, 1));
  await migrateToLatest(db);
  await db.destroy();
  execFileSync(process.execPath, ['node_modules/kysely-codegen/dist/cli/bin.js', '--url', url], {
    stdio: 'inherit',
  });
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
