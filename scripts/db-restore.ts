// `npm run db:restore <file>`: replace Qiao's database with a backup. Stop Qiao first.
import path from 'node:path';
import { openCliDatabase } from '../src/server/db/cli-database.ts';
import { checkBackupFile, restoreDatabase } from '../src/server/db/restore.ts';
import { StartupError } from '../src/server/startup-error.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run db:restore -- <backup file>');
  process.exit(2);
}
try {
  // A file that is not a backup is told before any database starts.
  await checkBackupFile(file);
  const target = await openCliDatabase();
  try {
    if (!target.exclusive) {
      console.error('Qiao is running on this database: stop it before restoring.');
      process.exitCode = 2;
    } else {
      const header = await restoreDatabase(target.serverUrl, target.name, path.resolve(file));
      console.log(`restored ${header.tables.length} tables from ${header.createdAt}; start Qiao as usual`);
    }
  } finally {
    await target.close();
  }
} catch (error) {
  // One line naming the cause and the fix; anything else keeps its stack trace.
  if (!(error instanceof StartupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
