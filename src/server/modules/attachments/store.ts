import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where attachment bytes live. The local store is the default; an S3-compatible one can implement the same three calls. */
export interface AttachmentStore {
  put(
    source: Readable,
    options: { maxBytes: number },
  ): Promise<{ key: string; size: number; sha256: string; head: Buffer }>;
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export class TooLargeError extends Error {}

/** Files under `<data dir>/attachments/yyyy/mm/<uuid>`; written to a temporary name and renamed when complete. */
export function localStore(root: string): AttachmentStore {
  const full = (key: string) => {
    const resolved = path.resolve(root, key);
    // Keys are generated here, but a stored key is still never allowed to leave the root.
    if (!resolved.startsWith(path.resolve(root) + path.sep)) throw new Error('invalid attachment key');
    return resolved;
  };
  return {
    async put(source, { maxBytes }) {
      const now = new Date();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.part`;
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      source.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (head.length < 64) head = Buffer.concat([head, chunk]).subarray(0, 64);
        hash.update(chunk);
        if (size > maxBytes) source.destroy(new TooLargeError('attachment too large'));
      });
      try {
        await pipeline(source, createWriteStream(temp, { mode: 0o600 }));
        if ((source as Readable & { truncated?: boolean }).truncated)
          throw new TooLargeError('attachment too large');
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      await rename(temp, target);
      return { key, size: (await stat(target)).size, sha256: hash.digest('hex'), head };
    },
    async open(key) {
      return createReadStream(full(key));
    },
    async remove(key) {
      await rm(full(key), { force: true });
    },
  };
}
