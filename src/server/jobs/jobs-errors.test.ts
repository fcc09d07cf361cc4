import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { describe, expect, inject, it } from 'vitest';
import { watchJobsConnection } from './jobs.ts';

/**
 * Issue 9, item 7: pg-boss reports some errors as plain objects (`{ ...error, message, stack, queue }`),
 * which were logged as `jobs: [object Object]`. The log line carries the message and the code.
 */
describe('pg-boss errors in the log', () => {
  it('logs the message and the code, never [object Object]', async () => {
    // A real PostgreSQL error (division by zero, 22012), shaped as pg-boss emits it from a worker.
    const client = new pg.Client({ connectionString: inject('testServerUrl') });
    await client.connect();
    const error = await client.query('SELECT 1/0').then(
      () => null,
      (e: unknown) => e as Error,
    );
    await client.end();
    expect(error).not.toBeNull();
    if (!error) return;

    const lines: string[] = [];
    // Constructing PgBoss connects to nothing; the listener is the one startJobs installs.
    const boss = new PgBoss({ connectionString: 'postgres://nobody@127.0.0.1:1/none', schema: 'pgboss' });
    watchJobsConnection(boss, (m) => lines.push(m));
    // As pg-boss's manager emits a worker's failure (dist/manager.js): a plain object, not an Error.
    const plain: unknown = {
      ...error,
      message: error.message,
      stack: error.stack,
      queue: 'sla.check',
      worker: 'w1',
    };
    boss.emit('error', plain as Error);
    boss.emit('error', error);
    boss.emit('error', new Error('pg-boss shut down while active'));

    expect(lines).toEqual([
      'jobs: division by zero (22012)',
      'jobs: division by zero (22012)',
      'jobs: pg-boss shut down while active',
    ]);
  });
});
