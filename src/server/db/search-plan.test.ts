import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../test/test-app.ts';
import { searchWithPlanGuard } from './search-plan.ts';

const t = setupTestApp();

describe('search plan guard', () => {
  it('answers from the first plan when it is quick, and retries with index intersection when it is not', async () => {
    const setting = (db: Parameters<Parameters<typeof searchWithPlanGuard>[1]>[0], sleep: number) =>
      sql<{ v: string }>`SELECT current_setting('enable_indexscan') AS v, pg_sleep(${sleep})`
        .execute(db)
        .then((r) => r.rows[0]!.v);
    expect(await searchWithPlanGuard(t().db, (db) => setting(db, 0), 1000)).toBe('on');
    let attempts = 0;
    const slowFirst = await searchWithPlanGuard(
      t().db,
      (db) => {
        attempts++;
        return setting(db, attempts === 1 ? 2 : 0);
      },
      100,
    );
    expect(slowFirst).toBe('off');
    expect(attempts).toBe(2);
    // Outside the guarded transactions nothing changed.
    expect(
      (await sql<{ v: string }>`SELECT current_setting('enable_indexscan') AS v`.execute(t().db)).rows[0]!.v,
    ).toBe('on');
  });
});
