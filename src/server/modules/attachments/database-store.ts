import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/database.ts';
import { deleteBlob, insertChunk, readChunk } from './blob.queries.ts';
import {
  type AttachmentStore,
  checkStorageKey,
  MeasuringStream,
  newStorageKey,
  StoredFileMissingError,
  TooLargeError,
  wasTruncated,
} from './store.ts';

/** Rows of at most 512 KiB: an upload or download holds one chunk in memory, never the whole file. */
export const CHUNK_BYTES = 512 * 1024;

/**
 * Files in PostgreSQL (table `attachment_blob`): the default store. Chunks are written as they arrive;
 * the attachment row that names the key is inserted only after the last one, so no reader ever sees a
 * partial file, and a failed upload removes what it wrote (a died process leaves chunks for the daily
 * cleanup).
 */
export function databaseStore(db: Database): AttachmentStore {
  return {
    kind: 'database',
    async put(source, { maxBytes, key: given }) {
      const key = given ? checkStorageKey(given) : newStorageKey();
      if (given) await deleteBlob(db, key);
      const measured = new MeasuringStream(maxBytes);
      // pipeline destroys the upload too when the measure fails (too large), so the request ends.
      pipeline(source, measured).catch(() => {});
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let chunk = 0;
      const flush = async () => {
        await insertChunk(db, key, chunk++, Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
      };
      try {
        for await (const piece of measured as AsyncIterable<Buffer>) {
          let rest = piece;
          while (rest.length > 0) {
            const take = rest.subarray(0, CHUNK_BYTES - pendingBytes);
            pending.push(take);
            pendingBytes += take.length;
            rest = rest.subarray(take.length);
            if (pendingBytes === CHUNK_BYTES) await flush();
          }
        }
        if (wasTruncated(source)) throw new TooLargeError('attachment too large');
        // An empty file is one empty chunk, so that "no chunk 0" always means "no such file".
        if (pendingBytes > 0 || chunk === 0) await flush();
      } catch (error) {
        await deleteBlob(db, key).catch(() => {});
        throw error;
      }
      return measured.result(key);
    },
    async open(key) {
      const first = await readChunk(db, key, 0);
      if (!first) throw new StoredFileMissingError(`no stored file ${key}`);
      async function* chunks() {
        yield first as Buffer;
        for (let n = 1; ; n++) {
          const next = await readChunk(db, key, n);
          if (!next) return;
          yield next;
        }
      }
      return Readable.from(chunks(), { objectMode: false });
    },
    async remove(key) {
      await deleteBlob(db, key);
    },
  };
}
