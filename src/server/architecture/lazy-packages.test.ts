import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Start-up memory: packages that only some requests or settings need are imported at their point of use
 * (`await import(…)`, or a lazy `require` where the caller is synchronous), never at start. Loading them
 * all at start cost ≈ 40 MB of resident memory per process. This imports the server's whole start-up
 * graph (instance.ts: app, jobs, listeners) in a fresh Node and lists the packages that got loaded.
 */
const root = path.resolve(import.meta.dirname, '../../..');

const ON_DEMAND = [
  'exceljs', // XLSX import/export and the complaint analysis workbook
  'imapflow', // mailbox polling, only with a mailbox configured
  'nodemailer', // sending mail, only with SMTP configured
  'mailparser', // the first inbound mail
  'smtp-server', // only with QIAO_SMTP_LISTEN_PORT
  'sanitize-html', // inbound mail and saving an article
];

const PROBE = `
import { registerHooks } from 'node:module';
const loaded = new Set();
registerHooks({
  load(url, context, next) {
    const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(url);
    if (match) loaded.add(match[1]);
    return next(url, context);
  },
});
await import(${JSON.stringify(new URL('../instance.ts', import.meta.url).href)});
process.stdout.write(JSON.stringify([...loaded].sort()));
process.exit(0);
`;

describe('start-up imports', () => {
  it('loads no on-demand package when the server starts', { timeout: 120_000 }, () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '--eval', PROBE], {
      cwd: root,
      encoding: 'utf8',
    });
    const loaded = JSON.parse(out) as string[];
    // The probe itself works: the packages every start needs are seen.
    expect(loaded).toEqual(expect.arrayContaining(['fastify', 'kysely', 'pg-boss']));
    expect(loaded.filter((name) => ON_DEMAND.includes(name))).toEqual([]);
  });
});
