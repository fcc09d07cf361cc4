import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EMPTY_SHA256, encodePath, type S3Credentials, signRequest } from './s3-signing.ts';
import {
  type AttachmentStore,
  checkStorageKey,
  MeasuringStream,
  newStorageKey,
  StoredFileMissingError,
  TooLargeError,
  wasTruncated,
} from './store.ts';

export interface S3Options extends S3Credentials {
  /** `https://s3.example.com` or `http://127.0.0.1:9000`; buckets are addressed by path. */
  endpoint: string;
  bucket: string;
  /** Put before every key, e.g. `qiao/`. */
  prefix?: string;
  /** A store that neither answers nor fails within this time is treated as failed. */
  timeoutMs?: number;
}

export class ObjectStoreError extends Error {}

/**
 * Files in an S3-compatible object store. An upload is first measured into a temporary file (its size
 * and SHA-256 are part of the signed request, and S3 wants the length up front); the file is removed
 * as soon as the object is stored. Nothing stays on the node.
 */
export function s3Store(options: S3Options): AttachmentStore & { check(): Promise<void> } {
  const base = new URL(options.endpoint);
  const timeout = options.timeoutMs ?? 30_000;
  const objectUrl = (key: string) => {
    const url = new URL(base);
    url.pathname = `${base.pathname.replace(/\/$/, '')}/${encodePath(`${options.bucket}/${options.prefix ?? ''}${key}`)}`;
    return url;
  };

  function send(
    method: string,
    url: URL,
    payloadSha256: string,
    body?: { file: string; size: number },
  ): Promise<http.IncomingMessage> {
    const headers: Record<string, string> = signRequest(options, method, url, payloadSha256);
    if (body) headers['content-length'] = String(body.size);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(url, { method, headers, timeout }, resolve);
      request.on('timeout', () =>
        request.destroy(new ObjectStoreError(`object store did not answer in ${timeout} ms`)),
      );
      request.on('error', reject);
      if (body) pipeline(createReadStream(body.file), request).catch(reject);
      else request.end();
    });
  }

  async function expect(response: http.IncomingMessage, ok: number[], what: string) {
    if (ok.includes(response.statusCode ?? 0)) return;
    // The answer names the store's error code; its text is the store's and stays in our log only.
    let text = '';
    for await (const piece of response) text += String(piece);
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? 'no error code';
    throw new ObjectStoreError(`object store refused ${what}: HTTP ${response.statusCode} (${code})`);
  }

  return {
    kind: 's3',
    async check() {
      const url = new URL(base);
      url.pathname = `${base.pathname.replace(/\/$/, '')}/${encodePath(options.bucket)}`;
      const response = await send('HEAD', url, EMPTY_SHA256);
      response.resume();
      await expect(response, [200], `bucket ${options.bucket}`);
    },
    async put(source, { maxBytes, key: given }) {
      const key = given ? checkStorageKey(given) : newStorageKey();
      const temp = path.join(tmpdir(), `qiao-upload-${process.pid}-${key.replaceAll('/', '-')}`);
      const measured = new MeasuringStream(maxBytes);
      try {
        await pipeline(source, measured, createWriteStream(temp, { mode: 0o600 }));
        if (wasTruncated(source)) throw new TooLargeError('attachment too large');
        const stored = measured.result(key);
        const response = await send('PUT', objectUrl(key), stored.sha256, { file: temp, size: stored.size });
        response.resume();
        await expect(response, [200], `storing ${key}`);
        return stored;
      } finally {
        await rm(temp, { force: true });
      }
    },
    async open(key) {
      const response = await send('GET', objectUrl(checkStorageKey(key)), EMPTY_SHA256);
      if (response.statusCode === 404) {
        response.resume();
        throw new StoredFileMissingError(`no stored object ${key}`);
      }
      await expect(response, [200], `reading ${key}`);
      return response;
    },
    async remove(key) {
      const response = await send('DELETE', objectUrl(checkStorageKey(key)), EMPTY_SHA256);
      response.resume();
      await expect(response, [200, 204, 404], `removing ${key}`);
    },
  };
}
