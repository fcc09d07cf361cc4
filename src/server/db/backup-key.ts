import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { instanceKeyId } from '../crypto/secret-box.ts';
import { existingSecretKey, installSecretKey } from '../secret-key.ts';
import { StartupError } from '../startup-error.ts';

/**
 * The instance key inside a backup, only when asked for (`--with-key`) and only encrypted under a
 * passphrase (QIAO_BACKUP_PASSPHRASE): scrypt → AES-256-GCM. A backup without it is still complete for
 * an installation that keeps its key (QIAO_SECRET_KEY, or secret.key copied with the data directory).
 */
export interface SealedInstanceKey {
  kdf: 'scrypt';
  n: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

const SCRYPT = { n: 2 ** 15, r: 8, p: 1 };
export const MIN_PASSPHRASE = 12;

function derive(passphrase: string, salt: Buffer, params: { n: number; r: number; p: number }) {
  return scryptSync(passphrase, salt, 32, {
    N: params.n,
    r: params.r,
    p: params.p,
    maxmem: 64 * 1024 * 1024,
  });
}

export function sealInstanceKey(key: string, passphrase: string | undefined): SealedInstanceKey {
  if (!passphrase || passphrase.length < MIN_PASSPHRASE)
    throw new StartupError(
      `--with-key encrypts the instance key under a passphrase: set QIAO_BACKUP_PASSPHRASE (at least ${MIN_PASSPHRASE} characters) and keep it apart from the backup`,
    );
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, SCRYPT), iv);
  const data = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function openInstanceKey(sealed: SealedInstanceKey, passphrase: string | undefined): string {
  if (!passphrase)
    throw new StartupError(
      'this backup carries its instance key encrypted: set QIAO_BACKUP_PASSPHRASE to the passphrase it was made with',
    );
  const decipher = createDecipheriv(
    'aes-256-gcm',
    derive(passphrase, Buffer.from(sealed.salt, 'base64'), sealed),
    Buffer.from(sealed.iv, 'base64'),
  );
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new StartupError('QIAO_BACKUP_PASSPHRASE is not the passphrase this backup was made with');
  }
}

/**
 * Before a restore replaces anything: the node must end up with the key that sealed the backup's
 * fields. A matching key goes on; a key carried by the backup is opened now and installed into the data
 * directory once the database is restored (`install`; an explicit QIAO_SECRET_KEY is never overridden);
 * otherwise the restore refuses with the fix.
 */
export async function prepareKeyForRestore(
  header: { instanceKeyId?: string; instanceKey?: SealedInstanceKey },
  node: { secretKey: string | undefined; dataDir: string; passphrase: string | undefined },
): Promise<{ outcome: 'matches' | 'carried' | 'unknown'; install(): Promise<void> }> {
  const nothing = async () => {};
  // Backups from before key ids were recorded cannot be checked.
  if (!header.instanceKeyId) return { outcome: 'unknown', install: nothing };
  const current = await existingSecretKey(node.secretKey, node.dataDir);
  if (current && instanceKeyId(current) === header.instanceKeyId)
    return { outcome: 'matches', install: nothing };
  const here = current ? `key ${instanceKeyId(current)}` : 'no key yet';
  if (!header.instanceKey)
    throw new StartupError(
      `this backup was sealed with instance key ${header.instanceKeyId} and this node has ${here} — put the original secret.key into ${node.dataDir} or set QIAO_SECRET_KEY to it, or make the backup with --with-key`,
    );
  const key = openInstanceKey(header.instanceKey, node.passphrase);
  if (instanceKeyId(key) !== header.instanceKeyId)
    throw new StartupError('the key inside this backup does not match its own key id: the file is damaged');
  if (node.secretKey)
    throw new StartupError(
      `QIAO_SECRET_KEY holds another key than this backup's (${header.instanceKeyId}): unset it so that the restore puts the backup's key into ${node.dataDir}, or set it to the original key`,
    );
  return { outcome: 'carried', install: () => installSecretKey(node.dataDir, key) };
}
