import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../test/api-client.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { errorCode } from '../test/test-app.ts';
import { registerErrorHandling } from './errors.ts';
import { registerInputGuard } from './input-guard.ts';
import { cursorId, keyedCursor } from './paging.ts';

/**
 * The safety net under every route's validation: a value PostgreSQL refuses (text it cannot store, a
 * number or date out of range) is the caller's mistake, answered 400 with a stable code — never a 500
 * — and so is a cursor the server never wrote. Checked on a bare server with the real error handling,
 * against the real database, with a route that sends the value straight to SQL as a forgetful route would.
 */
let testDb: TestDatabase;
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = Fastify();
  app.decorateRequest('locale', 'en');
  registerErrorHandling(app);
  registerInputGuard(app);
  app.post('/echo', async (request) => {
    const { value, as } = request.body as { value: string; as: 'text' | 'int' | 'bigint' | 'timestamptz' };
    const cast = sql.raw(as);
    await sql`select ${value}::${cast}`.execute(testDb.db);
    return { ok: true };
  });
  app.get('/page', async (request) => {
    const { cursor, key } = request.query as { cursor: string; key?: 'time' | 'text' | 'id' };
    return key ? keyedCursor(cursor, key) : { id: cursorId(cursor) };
  });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

describe('values the database refuses', () => {
  it('answer 400 with a stable code, not 500', async () => {
    const client = apiClient(url, { locale: 'en' });
    const cases = [
      { value: '99999999999999999999', as: 'bigint', code: 'INVALID_VALUE' },
      { value: '3000000000', as: 'int', code: 'INVALID_VALUE' },
      { value: '1.5', as: 'int', code: 'INVALID_VALUE' },
      { value: '2026-02-30T00:00:00Z', as: 'timestamptz', code: 'INVALID_VALUE' },
      { value: 'not a time', as: 'timestamptz', code: 'INVALID_VALUE' },
    ];
    for (const { value, as, code } of cases) {
      const res = await client.post('/echo', { value, as });
      expect([value, as, res.status, errorCode(res.body)]).toEqual([value, as, 400, code]);
    }
    expect((await client.post('/echo', { value: '华东 ok', as: 'text' })).status).toBe(200);
  });

  it('a NUL byte anywhere in the request is refused before the route runs', async () => {
    const client = apiClient(url, { locale: 'en' });
    const res = await client.post('/echo', { value: 'a\u0000b', as: 'text' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'INVALID_TEXT', details: { issues: [{ field: 'body.value' }] } },
    });
    const nested = await client.post('/echo', { value: 'x', as: 'text', list: [{ 'k\u0000': 1 }] });
    expect(nested.body).toMatchObject({ error: { details: { issues: [{ field: 'body.list.0.k\u0000' }] } } });
    const query = await client.get(`/page?cursor=${encodeURIComponent('1\u0000')}`);
    expect([query.status, errorCode(query.body)]).toEqual([400, 'INVALID_TEXT']);
  });

  it('a cursor the server never wrote is INVALID_CURSOR', async () => {
    const client = apiClient(url, { locale: 'en' });
    const bad = ['1.5', 'abc', '99999999999999999999', '-1', '1|1|1', '%00', ''];
    for (const cursor of bad) {
      const res = await client.get(`/page?cursor=${encodeURIComponent(cursor)}`);
      expect([cursor, res.status, errorCode(res.body)]).toEqual([cursor, 400, 'INVALID_CURSOR']);
    }
    const time = await client.get(`/page?key=time&cursor=${encodeURIComponent('2026-13-01T00:00:00Z|5')}`);
    expect(errorCode(time.body)).toBe('INVALID_CURSOR');
    const byId = await client.get(`/page?key=id&cursor=${encodeURIComponent('x|5')}`);
    expect(errorCode(byId.body)).toBe('INVALID_CURSOR');
    // What the lists write reads back: an id, a timestamp key, a name key that itself holds `|`.
    expect((await client.get('/page?cursor=42')).body).toEqual({ id: 42 });
    const at = '2026-11-02T08:00:00.123456Z';
    expect((await client.get(`/page?key=time&cursor=${encodeURIComponent(`${at}|7`)}`)).body).toEqual({
      key: at,
      id: 7,
    });
    expect((await client.get(`/page?key=text&cursor=${encodeURIComponent('A|B 公司|9')}`)).body).toEqual({
      key: 'A|B 公司',
      id: 9,
    });
  });
});
