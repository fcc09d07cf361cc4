// `npm run db:backup [file]`: a consistent backup while Qiao runs or not (default: data/backups/qiao-<time>.qiao.gz).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../src/server/config.ts';
import { exportDatabase } from '../src/server/db/backup.ts';
import { openCliDatabase } from '../src/server/db/cli-database.ts';

const target = await openCliDatabase();
try {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(
    process.argv[2] ?? path.join(readConfig().dataDir, 'backups', `qiao-${stamp}.qiao.gz`),
  );
  await mkdir(path.dirname(file), { recursive: true });
  const header = await exportDatabase(target.url, file);
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `backup written: ${file} (${header.tables.length} tables, ${rows} rows, migration ${header.migrations.at(-1)})`,
  );
} finally {
  await target.close();
}
