import { createHash, randomUUID } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Where attachment bytes live. Two stores keep app nodes stateless: PostgreSQL (the default — backups and
 * replicas carry the files with their rows) and an S3-compatible object store for large installations.
 */
export interface AttachmentStore {
  /** `database` or `s3`: which store wrote a backup's files. */
  readonly kind: 'database' | 's3';
  /**
   * Stores a file; `key` only when moving a file that already has one (migration, restore), otherwise
   * the store makes a new one.
   */
  put(source: NodeJS.ReadableStream, options: { maxBytes: number; key?: string }): Promise<StoredFile>;
  /** The file's bytes; `StoredFileMissingError` when the store has no such key. */
  open(key: string): Promise<NodeJS.ReadableStream>;
  remove(key: string): Promise<void>;
}

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  /** The first bytes, for checking the file's signature against its declared type. */
  head: Buffer;
}

export class TooLargeError extends Error {}
export class StoredFileMissingError extends Error {}

/** `yyyy/mm/<uuid>`: keys group by month in an object store's listing. */
export function newStorageKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

/** Keys come from newStorageKey (or a backup of one); anything else never reaches a store. */
export function checkStorageKey(key: string): string {
  if (!/^[0-9]{4}\/[0-9]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid attachment key');
  return key;
}

/**
 * A pass-through that measures what flows (size, SHA-256, first 64 bytes) and fails with TooLargeError
 * once more than `maxBytes` went by — before the rest is read.
 */
export class MeasuringStream extends Transform {
  size = 0;
  head = Buffer.alloc(0);
  private readonly hash = createHash('sha256');
  private readonly maxBytes: number;
  constructor(maxBytes: number) {
    super();
    this.maxBytes = maxBytes;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new TooLargeError('attachment too large'));
    if (this.head.length < 64) this.head = Buffer.concat([this.head, chunk]).subarray(0, 64);
    this.hash.update(chunk);
    done(null, chunk);
  }
  result(key: string): StoredFile {
    return { key, size: this.size, sha256: this.hash.digest('hex'), head: this.head };
  }
}

/** @fastify/multipart marks a file cut at its own limit as truncated instead of failing the stream. */
export function wasTruncated(source: NodeJS.ReadableStream): boolean {
  return (source as { truncated?: boolean }).truncated === true;
}
