// `npm run db:restore <file>`: replace Qiao's database (and, for an object store, its files) with a backup.
// Stop Qiao first. The node must have the key the backup was sealed with — or the backup carries it
// (--with-key), opened with QIAO_BACKUP_PASSPHRASE and put into the data directory.
import path from 'node:path';
import { loadDotEnv, readConfig } from '../src/server/config.ts';
import { prepareKeyForRestore } from '../src/server/db/backup-key.ts';
import { openCliDatabase } from '../src/server/db/cli-database.ts';
import { checkBackupFile, restoreDatabase } from '../src/server/db/restore.ts';
import { StartupError } from '../src/server/startup-error.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run db:restore -- <backup file>');
  process.exit(2);
}
try {
  // A file that is not a backup, or a key that cannot read it, is told before any database starts.
  const header = await checkBackupFile(file);
  loadDotEnv();
  const config = readConfig();
  const key = await prepareKeyForRestore(header, {
    secretKey: config.secretKey,
    dataDir: config.dataDir,
    passphrase: process.env.QIAO_BACKUP_PASSPHRASE,
  });
  const target = await openCliDatabase();
  try {
    if (!target.exclusive) {
      console.error('Qiao is running on this database: stop it before restoring.');
      process.exitCode = 2;
    } else {
      await restoreDatabase(target.serverUrl, target.name, path.resolve(file), {
        attachmentStore: config.attachmentStore,
      });
      await key.install();
      if (key.outcome === 'carried')
        console.log(`instance key ${header.instanceKeyId} from the backup put into ${config.dataDir}`);
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
