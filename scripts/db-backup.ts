// `npm run db:backup [-- [--with-key] [file]]`: a complete backup while Qiao runs or not — every table, the
// attachment files (rows of the database, or the objects of an S3 store) and the instance key's id; with
// --with-key also the key itself, encrypted under QIAO_BACKUP_PASSPHRASE.
// Default file: data/backups/qiao-<time>.qiao.gz.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../src/server/config.ts';
import { instanceKeyId } from '../src/server/crypto/secret-box.ts';
import { exportDatabase } from '../src/server/db/backup.ts';
import { sealInstanceKey } from '../src/server/db/backup-key.ts';
import { openCliDatabase } from '../src/server/db/cli-database.ts';
import { s3Store } from '../src/server/modules/attachments/s3-store.ts';
import { existingSecretKey } from '../src/server/secret-key.ts';
import { StartupError } from '../src/server/startup-error.ts';

const args = process.argv.slice(2);
const withKey = args.includes('--with-key');
const named = args.find((a) => !a.startsWith('--'));
try {
  const target = await openCliDatabase();
  try {
    const config = readConfig();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.resolve(named ?? path.join(config.dataDir, 'backups', `qiao-${stamp}.qiao.gz`));
    let instanceKey: ReturnType<typeof sealInstanceKey> | undefined;
    if (withKey) {
      const key = await existingSecretKey(config.secretKey, config.dataDir);
      if (!key)
        throw new StartupError(
          `--with-key: this node has no instance key (${config.dataDir}/secret.key or QIAO_SECRET_KEY)`,
        );
      instanceKey = sealInstanceKey(key, process.env.QIAO_BACKUP_PASSPHRASE);
      console.log(`instance key ${instanceKeyId(key)} included, encrypted under QIAO_BACKUP_PASSPHRASE`);
    }
    await mkdir(path.dirname(file), { recursive: true });
    const header = await exportDatabase(target.url, file, {
      ...(config.attachmentStore.kind === 's3' ? { objects: s3Store(config.attachmentStore) } : {}),
      ...(instanceKey ? { instanceKey } : {}),
    });
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `backup written: ${file} (${header.tables.length} tables, ${rows} rows, files ${header.objects ? 'from the object store' : 'in the database'}, migration ${header.migrations.at(-1)}, instance key ${header.instanceKeyId ?? 'not yet recorded'})`,
    );
    if (header.missingObjects?.length)
      console.error(
        `warning: ${header.missingObjects.length} files were missing from the object store: ${header.missingObjects.join(', ')}`,
      );
    if (!instanceKey)
      console.log(
        'the instance key is not in this backup: keep secret.key (or QIAO_SECRET_KEY) safe apart from it, or use --with-key',
      );
  } finally {
    await target.close();
  }
} catch (error) {
  if (!(error instanceof StartupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
