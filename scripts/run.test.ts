import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm start`, `npm test` and the db scripts go through scripts/run.mjs, plain JavaScript that any Node
 * parses: on a Node too old for Qiao's TypeScript it prints one line instead of ERR_UNKNOWN_FILE_EXTENSION.
 */

const TOO_OLD =
  /^Qiao needs Node 22\.22 or later; this is Node (\S+) — install Node 24 from https:\/\/nodejs\.org \(on Linux x64\/arm64 `npm install` brings it: run Qiao through npm start \/ npm test\)\n$/;

/** Node with `process.versions.node` pretending to be `version` (as an old Node reports it). */
function pretending(version: string, args: string[]) {
  const pretend = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`;
  return spawnSync(process.execPath, ['--import', pretend, 'scripts/run.mjs', ...args], { encoding: 'utf8' });
}

/** Other `node` programs on PATH older than 22.22 (e.g. the machine's own Node 20), if any. */
function oldNodesOnPath(): string[] {
  const own = realpathSync(process.execPath);
  const found = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const node = path.join(dir, 'node');
    if (!dir || !existsSync(node) || realpathSync(node) === own) continue;
    const version = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 22)) found.add(realpathSync(node));
  }
  return [...found];
}

describe('scripts/run.mjs, the launcher of the npm scripts', () => {
  it('on a Node older than 22.22 prints one line naming the version and the fix, and exits 1', () => {
    for (const version of ['20.19.0', '22.21.1', '18.20.8']) {
      const result = pretending(version, ['scripts/start.ts']);
      expect(result.stderr).toMatch(TOO_OLD);
      expect(result.stderr).toContain(`this is Node ${version} `);
      expect(result.stdout).toBe('');
      expect(result.status).toBe(1);
    }
    // A real old Node, when the machine has one besides ours (its own syntax must parse there too).
    for (const node of oldNodesOnPath()) {
      const result = spawnSync(node, ['scripts/run.mjs', 'scripts/start.ts'], { encoding: 'utf8' });
      expect(result.stderr, node).toMatch(TOO_OLD);
      expect(result.status, node).toBe(1);
    }
  });

  it('on Node 22.22 or later runs the script with its arguments and exit code, as `node script.ts` did', () => {
    // db:restore without a file: its usage line and exit code 2, straight through.
    const usage = spawnSync(process.execPath, ['scripts/run.mjs', 'scripts/db-restore.ts'], {
      encoding: 'utf8',
    });
    expect(usage.stderr).toBe('usage: npm run db:restore -- <backup file>\n');
    expect(usage.status).toBe(2);
    expect(pretending('22.22.0', ['scripts/db-restore.ts']).status).toBe(2);
  });

  it('is what the npm scripts run', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    // Node/V8 options may come first (npm start: a smaller young generation, see package.json).
    for (const name of ['start', 'test', 'db:migrate', 'db:codegen', 'db:backup', 'db:restore', 'seed:demo'])
      expect(scripts[name], name).toMatch(/^node (--[a-z-]+=\d+ )*scripts\/run\.mjs \S+\.ts$/);
  });
});
