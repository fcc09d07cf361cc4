import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import type { AttachmentStore } from '../modules/attachments/store.ts';
import type { SealedInstanceKey } from './backup-key.ts';

/**
 * SQL-level backup: the embedded PostgreSQL ships no pg_dump, and an external server's pg_dump may not
 * match its version, so Qiao writes its own portable archive — gzip'd JSON lines: a header, then per
 * table a `{ table }` line and one line per row (row values as PostgreSQL's own jsonb).
 * Restore loads into a new database at the backup's migration level, migrates it forward and only
 * then swaps it in, so a failed restore leaves the old database untouched.
 */
export interface BackupHeader {
  format: 'qiao-backup';
  /** 2: instance key id, the key on request, object-store files. */
  version: 1 | 2;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
  /** Which instance key sealed the protected fields (never the key itself). */
  instanceKeyId?: string;
  /** The key, encrypted under a passphrase — only in a backup made with --with-key. */
  instanceKey?: SealedInstanceKey;
  /** Files kept in an object store follow the tables (files in PostgreSQL are rows of attachment_blob). */
  objects?: 's3';
  /** Returned by exportDatabase only: files the object store no longer had. */
  missingObjects?: string[];
}

export interface ExportOptions {
  /** A snapshot exported by another transaction (pg_export_snapshot) to back up exactly that state. */
  snapshot?: string;
  /** The object store whose files belong in the backup (absent: files are in the database). */
  objects?: AttachmentStore;
  instanceKey?: SealedInstanceKey;
}

const BATCH = 1000;
/** attachment_blob rows are up to 512 KiB each: fetch and load them a few at a time. */
const batchFor = (table: string) => (table === 'attachment_blob' ? 4 : BATCH);
const OBJECT_PIECE = 384 * 1024;

/** Tables of the public schema, parents before children (foreign keys). */
export async function tablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'qiao_migration%' ORDER BY tablename",
    )
  ).rows.map((r) => r.name);
  const deps = await client.query<{ child: string; parent: string }>(`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const d of deps.rows) if (d.child === table) visit(d.parent);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

export async function exportDatabase(
  databaseUrl: string,
  file: string,
  options: ExportOptions = {},
): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file, { mode: 0o600 }));
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  try {
    // One snapshot for every table, so the archive is consistent while Qiao keeps running.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (options.snapshot)
      await client.query(`SET TRANSACTION SNAPSHOT '${options.snapshot.replace(/'/g, '')}'`);
    const tables = await tablesInDependencyOrder(client);
    const migrations = (
      await client.query<{ name: string }>('SELECT name FROM qiao_migration ORDER BY name')
    ).rows.map((r) => r.name);
    const counts = [];
    for (const name of tables) {
      const n = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${client.escapeIdentifier(name)}`,
      );
      counts.push({ name, rows: Number(n.rows[0]?.n ?? 0) });
    }
    const keyRow = await client.query<{ id: string }>(
      "SELECT value->>'id' AS id FROM setting WHERE key = 'instance_key'",
    );
    const header: BackupHeader = {
      format: 'qiao-backup',
      version: 2,
      createdAt: new Date().toISOString(),
      migrations,
      tables: counts,
      ...(keyRow.rows[0]?.id ? { instanceKeyId: keyRow.rows[0].id } : {}),
      ...(options.instanceKey ? { instanceKey: options.instanceKey } : {}),
      ...(options.objects?.kind === 's3' ? { objects: 's3' as const } : {}),
    };
    await write(header);
    for (const { name } of counts) {
      await write({ table: name });
      await client.query(
        `DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT to_jsonb(t) AS j FROM ${client.escapeIdentifier(name)} t`,
      );
      for (;;) {
        const batch = await client.query<{ j: unknown }>(`FETCH ${batchFor(name)} FROM rows_cursor`);
        for (const row of batch.rows) await write(row.j);
        if (batch.rows.length < batchFor(name)) break;
      }
      await client.query('CLOSE rows_cursor');
    }
    if (header.objects && options.objects)
      header.missingObjects = await exportObjects(client, options.objects, write);
    await client.query('COMMIT');
    gzip.end();
    await once(out, 'finish');
    return header;
  } catch (error) {
    gzip.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Files of an object store, after the tables: a `{ section: 'objects' }` line, then per file
 * `{ object: key, size }` and its bytes as `{ bytes: base64 }` lines. A file the store has lost is written
 * as `{ object, missing: true }` and named in the result — one lost file must not stop every backup.
 */
async function exportObjects(
  client: pg.Client,
  store: AttachmentStore,
  write: (line: unknown) => Promise<void>,
): Promise<string[]> {
  const missing: string[] = [];
  await write({ section: 'objects' });
  await client.query(
    'DECLARE files_cursor NO SCROLL CURSOR FOR SELECT storage_key, size_bytes FROM attachment ORDER BY id',
  );
  for (;;) {
    const batch = await client.query<{ storage_key: string; size_bytes: number }>(
      `FETCH ${BATCH} FROM files_cursor`,
    );
    for (const { storage_key: key, size_bytes: size } of batch.rows) {
      const bytes = await store.open(key).catch(() => null);
      if (!bytes) {
        missing.push(key);
        await write({ object: key, missing: true });
        continue;
      }
      await write({ object: key, size });
      let pending = Buffer.alloc(0);
      for await (const piece of bytes as AsyncIterable<Buffer>) {
        pending = Buffer.concat([pending, piece]);
        while (pending.length >= OBJECT_PIECE) {
          await write({ bytes: pending.subarray(0, OBJECT_PIECE).toString('base64') });
          pending = pending.subarray(OBJECT_PIECE);
        }
      }
      if (pending.length) await write({ bytes: pending.toString('base64') });
    }
    if (batch.rows.length < BATCH) break;
  }
  await client.query('CLOSE files_cursor');
  return missing;
}

/**
 * Loads an archive into an empty database already migrated to the archive's migration level; files of
 * an object-store backup go into `objects` (the store the restored instance will use).
 */
export async function importRows(
  databaseUrl: string,
  file: string,
  objects?: AttachmentStore,
): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let header: BackupHeader | undefined;
  let table: string | undefined;
  let batch: unknown[] = [];
  let batchBytes = 0;
  let inObjects = false;
  let object: { key: string; pieces: Buffer[] } | undefined;
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const t = client.escapeIdentifier(table);
    await client.query(
      `INSERT INTO ${t} OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`,
      [JSON.stringify(batch)],
    );
    batch = [];
    batchBytes = 0;
  };
  const putObject = async () => {
    if (!object) return;
    if (!objects)
      throw new Error('this backup holds object-store files but no store was given to restore them into');
    await objects.put(Readable.from(object.pieces), { key: object.key, maxBytes: Number.MAX_SAFE_INTEGER });
    object = undefined;
  };
  try {
    await client.query('BEGIN');
    // Self-references (a department's parent) may point forward; check them at commit.
    await client.query("SET LOCAL session_replication_role = 'replica'").catch(async () => {
      await client.query('ROLLBACK');
      await client.query('BEGIN');
    });
    // Created only now: readline drops lines emitted before iteration starts.
    const lines = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (!line) continue;
      const value = JSON.parse(line) as Record<string, unknown>;
      if (!header) {
        if (value.format !== 'qiao-backup') throw new Error('not a Qiao backup file');
        header = value as unknown as BackupHeader;
        continue;
      }
      if (inObjects) {
        if (typeof value.bytes === 'string') object?.pieces.push(Buffer.from(value.bytes, 'base64'));
        else if (typeof value.object === 'string') {
          await putObject();
          if (!value.missing) object = { key: value.object, pieces: [] };
        }
        continue;
      }
      if (value.section === 'objects' && Object.keys(value).length === 1) {
        await flush();
        inObjects = true;
        continue;
      }
      if (typeof value.table === 'string' && Object.keys(value).length === 1) {
        await flush();
        table = value.table;
        continue;
      }
      batch.push(value);
      batchBytes += line.length;
      // Rows of file chunks are large: a batch is bounded by size as well as by count.
      if (batch.length >= BATCH || batchBytes > 16 * 1024 * 1024) await flush();
    }
    await flush();
    await putObject();
    if (!header) throw new Error('empty backup file');
    // Identity counters continue after the restored ids.
    const identities = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'",
    );
    for (const { table_name, column_name } of identities.rows) {
      const t = client.escapeIdentifier(table_name);
      const c = client.escapeIdentifier(column_name);
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${c}) FROM ${t}), 0) + 1, false)`,
        [table_name, column_name],
      );
    }
    await client.query('COMMIT');
    return header;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  for await (const line of lines) {
    lines.close();
    const header = JSON.parse(line) as BackupHeader;
    if (header.format !== 'qiao-backup') throw new Error('not a Qiao backup file');
    return header;
  }
  throw new Error('empty backup file');
}
