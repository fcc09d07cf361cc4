import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Small AES-256-GCM box for secrets kept at rest (mailbox passwords). Sealed values look like
 * `v1.<key id>.<base64url(iv ‖ tag ‖ ciphertext)>`; the key id tells which instance key sealed them, so
 * a value sealed under another key fails with a clear message instead of garbage.
 */

let cached: { material: string; key: Buffer; id: string } | undefined;

/**
 * The instance key material. For now QIAO_SECRET_KEY (or a fixed development key when unset); this is
 * the single place to switch to the data-dir key that `loadSecretKey()` (src/server/secret-key.ts)
 * manages, once that key is made available to modules at start-up.
 */
export function instanceKeyMaterial(): string {
  return process.env.QIAO_SECRET_KEY ?? 'qiao-dev-key';
}

function currentKey() {
  const material = instanceKeyMaterial();
  if (cached?.material !== material) {
    const key = Buffer.from(hkdfSync('sha256', material, 'qiao', 'qiao/secret-box/v1', 32));
    const id = createHash('sha256').update(key).digest('base64url').slice(0, 8);
    cached = { material, key, id };
  }
  return cached;
}

export class SecretBoxError extends Error {}

export function seal(plain: string): string {
  const { key, id } = currentKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function open(sealed: string): string {
  const [version, id, payload] = sealed.split('.');
  if (version !== 'v1' || !id || !payload) throw new SecretBoxError('not a sealed value');
  const { key, id: currentId } = currentKey();
  if (id !== currentId) throw new SecretBoxError('sealed under another instance key; enter the secret again');
  const raw = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('sealed value was tampered with');
  }
}
