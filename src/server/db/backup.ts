import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';

/**
 * SQL-level backup: the embedded PostgreSQL ships no pg_dump, and an external server's pg_dump may not
 * match its version, so Qiao writes its own portable archive — gzip'd JSON lines: a header, then per
 * table a `{ table }` line and one line per row (row values as PostgreSQL's own jsonb).
 * Restore loads into a new database at the backup's migration level, migrates it forward and only
 * then swaps it in, so a failed restore leaves the old database untouched.
 */
export interface BackupHeader {
  format: 'qiao-backup';
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

const BATCH = 1000;

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

export async function exportDatabase(databaseUrl: string, file: string): Promise<BackupHeader> {
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
    const header: BackupHeader = {
      format: 'qiao-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      migrations,
      tables: counts,
    };
    await write(header);
    for (const { name } of counts) {
      await write({ table: name });
      await client.query(
        `DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT to_jsonb(t) AS j FROM ${client.escapeIdentifier(name)} t`,
      );
      for (;;) {
        const batch = await client.query<{ j: unknown }>(`FETCH ${BATCH} FROM rows_cursor`);
        for (const row of batch.rows) await write(row.j);
        if (batch.rows.length < BATCH) break;
      }
      await client.query('CLOSE rows_cursor');
    }
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

/** Loads an archive into an empty database already migrated to the archive's migration level. */
export async function importRows(databaseUrl: string, file: string): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let header: BackupHeader | undefined;
  let table: string | undefined;
  let batch: unknown[] = [];
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const t = client.escapeIdentifier(table);
    await client.query(
      `INSERT INTO ${t} OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`,
      [JSON.stringify(batch)],
    );
    batch = [];
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
      if (typeof value.table === 'string' && Object.keys(value).length === 1) {
        await flush();
        table = value.table;
        continue;
      }
      batch.push(value);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
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
