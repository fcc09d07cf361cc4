import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';

const run = promisify(execFile);
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe('generated table types', () => {
  it('match the migrated database (run `npm run db:codegen` after adding a migration)', async () => {
    const result = await run(process.execPath, [
      'node_modules/kysely-codegen/dist/cli/bin.js',
      '--url',
      testDb.url,
      '--verify',
    ]).then(
      (r) => ({ ok: true, output: r.stdout + r.stderr }),
      (e: { stdout: string; stderr: string }) => ({ ok: false, output: e.stdout + e.stderr }),
    );
    expect(result.output).not.toMatch(/out of date|outdated|differ/i);
    expect(result.ok).toBe(true);
  });
});
