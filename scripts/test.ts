// `npm test`: the whole suite — types, lint/format, integration tests on a real PostgreSQL,
// the SPA build and the browser journeys. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureSystemPackages } from './system-packages.ts';

const bin = (name: string) => path.join('node_modules', '.bin', name);
const outDir = path.join('test-results');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const failures: string[] = [];
function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failures.push(label);
  console.log(`${result.status === 0 ? '✔' : '✘'} ${label} (${seconds}s)`);
}

const only = process.argv[2];
if (only !== 'static') {
  const problem = ensureSystemPackages();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
if (!only || only === 'static') {
  step('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  step('lint and format (biome)', bin('biome'), ['check', '.']);
}
if (!only || only === 'unit') {
  step('integration tests (vitest, real PostgreSQL)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outDir}/vitest.json`,
  ]);
}
if (!only || only === 'e2e') {
  step('client build (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
  step('browser journeys (playwright, Debian chromium)', bin('playwright'), ['test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${outDir}/playwright.json`,
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitestFile = `${outDir}/vitest.json`;
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8')) as Record<string, number>;
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
const playwrightFile = `${outDir}/playwright.json`;
if (existsSync(playwrightFile)) {
  const stats = (JSON.parse(readFileSync(playwrightFile, 'utf8')) as { stats: Record<string, number> }).stats;
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
}
if (process.env.CI === 'true' && skipped > 0)
  failures.push(`${skipped} skipped tests (nothing may be skipped in CI)`);

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length ? 1 : 0);
