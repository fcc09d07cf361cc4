import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module shape (ARCHITECTURE.md), enforced: Kysely appears only in `*.queries.ts`, transactions are
 * opened only in `*.service.ts`. Infrastructure below the modules (database, test harness, demo data,
 * first-start data) is outside the rule; test files and `*.fixtures.ts` build their data directly.
 */
const root = path.resolve(import.meta.dirname, '..');

const INFRASTRUCTURE = [
  'db/', // migrations, the database and its search-plan helper
  'test/', // harness and fixtures build rows directly
  'demo/', // demo organisation: bulk rows for a showcase, not a user path
  'bootstrap.ts', // first-start rows before any module can run
];

const KYSELY_CALL =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|selectNoFrom)\(|\bsql(<[^>]*>)?`|\bsql\.(raw|ref|id|lit|join|table|val)\(/;
const TRANSACTION = /\.transaction\(\)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.fixtures.ts'))
    .filter((f) => !INFRASTRUCTURE.some((prefix) => f.startsWith(prefix)))
    .sort();
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const files = sourceFiles(root).map((file) => ({
  file,
  source: withoutComments(readFileSync(path.join(root, file), 'utf8')),
}));

describe('module shape', () => {
  it('Kysely is used only in *.queries.ts', () => {
    const offenders = files
      .filter((f) => !f.file.endsWith('.queries.ts') && KYSELY_CALL.test(f.source))
      .map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it('transactions are opened only in *.service.ts', () => {
    const offenders = files
      .filter((f) => !f.file.endsWith('.service.ts') && TRANSACTION.test(f.source))
      .map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it('routes files neither query nor open transactions', () => {
    const routes = files.filter((f) => f.file.endsWith('.routes.ts'));
    expect(routes.length).toBeGreaterThan(20);
    const offenders = routes
      .filter((f) => KYSELY_CALL.test(f.source) || TRANSACTION.test(f.source))
      .map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it('every module has its module file, and a policy file unless it holds no records', () => {
    // No records of their own: health and live carry no data (public ok/down, and topic + id events).
    const WITHOUT_RECORDS = ['health', 'live'];
    const modules = readdirSync(path.join(root, 'modules'), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    );
    expect(modules.length).toBeGreaterThan(25);
    const index = readFileSync(path.join(root, 'modules', 'index.ts'), 'utf8');
    const missing: string[] = [];
    for (const { name } of modules) {
      const own = readdirSync(path.join(root, 'modules', name));
      if (!own.includes(`${name}.module.ts`)) missing.push(`${name}/${name}.module.ts`);
      // A module that is not in the one list would never have its routes or jobs registered.
      if (!index.includes(`./${name}/${name}.module.ts`)) missing.push(`${name} in modules/index.ts`);
      if (!WITHOUT_RECORDS.includes(name) && !own.some((f) => f.endsWith('.policy.ts')))
        missing.push(`${name}/${name}.policy.ts`);
    }
    expect(missing).toEqual([]);
  });

  it('routes files import no queries files', () => {
    // A route validates, checks the permission, calls a service function and presents; reads go through
    // the service too. Any import or re-export line whose source names a `*.queries.ts` file counts.
    const QUERIES_IMPORT =
      /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"][^'"]*\.queries(?:\.ts)?['"]|^\s*import\s*['"][^'"]*\.queries(?:\.ts)?['"]|\bimport\(\s*['"][^'"]*\.queries(?:\.ts)?['"]/m;
    expect(QUERIES_IMPORT.test("import {\n  listRoles,\n} from './roles.queries.ts';")).toBe(true);
    expect(QUERIES_IMPORT.test("import * as q from '../tickets/tickets.queries.ts';")).toBe(true);
    expect(QUERIES_IMPORT.test("import { listRoles } from './roles.service.ts';")).toBe(false);
    const routes = files.filter((f) => f.file.startsWith('modules/') && f.file.endsWith('.routes.ts'));
    expect(routes.length).toBeGreaterThan(20);
    const offenders = routes.filter((f) => QUERIES_IMPORT.test(f.source)).map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it('routes files write no audit rows (the service writes them in the change’s transaction)', () => {
    const offenders = files
      .filter((f) => f.file.endsWith('.routes.ts') && /\brecordAudit\(/.test(f.source))
      .map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it('catches a query outside a queries file (the rule itself works)', () => {
    const routes = "app.get('/x', async () => deps.db.selectFrom('ticket').selectAll().execute());";
    expect(KYSELY_CALL.test(routes)).toBe(true);
    expect(KYSELY_CALL.test('const total = sql<number>`count(*)`;')).toBe(true);
    expect(TRANSACTION.test('await db.transaction().execute(async (trx) => {});')).toBe(true);
    expect(KYSELY_CALL.test("const title = localise(TEXTS, 'select', locale);")).toBe(false);
  });
});
