import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBackupFile } from '../src/server/db/restore.ts';
import { StartupError } from '../src/server/startup-error.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['scripts/run.mjs', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('npm run db:restore with a file that is not a backup', () => {
  it('says "… is not a Qiao backup (…)" in one line and exits 1, before touching any database', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qiao-restore-'));
    dirs.push(dir);
    const file = path.join(dir, 'notabackup.txt');
    await writeFile(file, 'hello, I am a shopping list\n');
    const dataDir = path.join(dir, 'data');
    const result = await run(['scripts/db-restore.ts', file], { QIAO_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(result.stderr).toBe(
      `${file} is not a Qiao backup (not gzip-compressed) — give a file made by npm run db:backup\n`,
    );
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
    expect(existsSync(dataDir), 'no embedded server was started for it').toBe(false);
  }, 60_000);

  it('names what is wrong with other files that are not backups', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qiao-restore-'));
    dirs.push(dir);
    const cases: [string, Buffer | string, string][] = [
      ['missing.gz', '', 'no such file'],
      ['empty.gz', gzipSync(''), 'it is empty'],
      ['text.gz', gzipSync('not json at all\n'), 'its first line is not JSON'],
      ['other.gz', gzipSync('{"format":"something-else"}\n'), 'its first line is not a Qiao backup header'],
      [
        'cut.gz',
        gzipSync('{"format":"qiao-backup"}\n'.repeat(50)).subarray(0, 20),
        'the gzip data is damaged',
      ],
    ];
    for (const [name, content, reason] of cases) {
      const file = path.join(dir, name);
      if (name !== 'missing.gz') await writeFile(file, content);
      const error = await checkBackupFile(file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(StartupError);
      expect((error as Error).message).toBe(
        `${file} is not a Qiao backup (${reason}) — give a file made by npm run db:backup`,
      );
    }
  });
});
