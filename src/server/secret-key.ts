import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const secretKeyFile = (dataDir: string) => path.join(dataDir, 'secret.key');

/**
 * The instance key (encryption at rest, signing). Several app nodes must share QIAO_SECRET_KEY;
 * a single node may let Qiao generate one into its data dir.
 */
export async function loadSecretKey(configured: string | undefined, dataDir: string): Promise<string> {
  const existing = await existingSecretKey(configured, dataDir);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  await writeFile(secretKeyFile(dataDir), `${key}\n`, { mode: 0o600, flag: 'wx' }).catch(() => {});
  return (await readFile(secretKeyFile(dataDir), 'utf8')).trim();
}

/** The key this node would start with, without generating one (restore decides before a first start). */
export async function existingSecretKey(
  configured: string | undefined,
  dataDir: string,
): Promise<string | undefined> {
  if (configured) return configured;
  try {
    return (await readFile(secretKeyFile(dataDir), 'utf8')).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Puts a restored key in place; a different key already there is kept beside it, never overwritten. */
export async function installSecretKey(dataDir: string, key: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const file = secretKeyFile(dataDir);
  const current = await existingSecretKey(undefined, dataDir);
  if (current === key) return;
  if (current) await rename(file, `${file}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
}
