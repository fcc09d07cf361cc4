import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** The access key pair s3rver accepts; it checks every request's Signature V4 against it. */
export const OBJECT_STORE_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestObjectStore {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/** A real S3-compatible HTTP server (s3rver) on loopback, with one bucket, for one test file. */
export async function startObjectStore(bucket = 'qiao-files'): Promise<TestObjectStore> {
  const directory = await mkdtemp(path.join(tmpdir(), 'qiao-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
