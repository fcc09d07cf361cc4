import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Small AES-256-GCM box for secrets kept at rest (mailbox passwords, later bank and ID numbers). Sealed values look like
 * `v1.<key id>.<base64url(iv ‖ tag ‖ ciphertext)>`; the key id tells which instance key sealed them, so
 * a value sealed under another key fails with a clear message instead of garbage.
 */

let cached: { material: string; key: Buffer; id: string } | undefined;
let configured: string | undefined;

/** Called once at start-up with the instance key (QIAO_SECRET_KEY or the one generated into the data dir). */
export function setInstanceKey(material: string): void {
  configured = material;
}

/**
 * The instance key material: the one Qiao started with. Tests and one-off scripts that never start an
 * instance fall back to QIAO_SECRET_KEY or a fixed development key.
 */
export function instanceKeyMaterial(): string {
  return configured ?? process.env.QIAO_SECRET_KEY ?? 'qiao-dev-key';
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

/**
 * A keyed fingerprint (HMAC-SHA-256 under a key derived from the instance key): lets the server compare
 * values it keeps for a while — e.g. a request body that may hold a password — without storing anything a
 * dictionary attack could reverse.
 */
export function fingerprint(value: string): string {
  const material = instanceKeyMaterial();
  const key = hkdfSync('sha256', material, 'qiao', 'qiao/fingerprint/v1', 32);
  return createHmac('sha256', Buffer.from(key)).update(value).digest('base64url');
}

/** Names the instance key without revealing it (the id every sealed value carries). */
export function instanceKeyId(material = instanceKeyMaterial()): string {
  const key = hkdfSync('sha256', material, 'qiao', 'qiao/secret-box/v1', 32);
  return createHash('sha256').update(Buffer.from(key)).digest('base64url').slice(0, 8);
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
