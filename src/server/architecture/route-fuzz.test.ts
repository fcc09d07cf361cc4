import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.ts';
import { buildPortalContact } from '../test/factories.ts';
import { errorCode, setupTestApp } from '../test/test-app.ts';
import {
  COMMON_QUERY_NAMES,
  HOSTILE_VALUES,
  hostileBodies,
  type JsonSchema,
  NOT_FUZZED,
  PATH_VALUES,
  queryValuesFor,
} from './route-fuzz.fixtures.ts';

/**
 * Walks the route table and sends every route hostile input — each path parameter and each query
 * parameter in turn set to a NUL byte, a fraction, letters, a 20-digit number, a pipe-separated cursor,
 * a negative, nothing, 10,000 characters…, and JSON bodies whose text or number fields all carry one
 * such value. Staff routes are called as the administrator, portal routes as a signed-in portal contact,
 * public routes anonymously. A wrong input is the caller's mistake: the answer must be a 4xx with a
 * stable code, never a 5xx.
 */
const t = setupTestApp();

/** An id no record has, for the parameters not under test. */
const MISSING = '2000000000';

interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
  label: string;
}

function pathOf(url: string, values: Record<string, string> = {}): string {
  return url.replace(/:([a-zA-Z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? MISSING));
}

/** Every request the fuzzer sends to one route. */
function callsFor(method: string, url: string, operation: Operation | undefined): Call[] {
  const calls: Call[] = [];
  const pathParams = [...url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
  for (const name of pathParams)
    for (const value of PATH_VALUES)
      calls.push({ method, path: pathOf(url, { [name]: value }), label: `path ${name}` });
  if (operation) {
    const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
    for (const { name, schema } of queryParams)
      for (const value of queryValuesFor(name, schema)) {
        const query = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
        calls.push({ method, path: `${pathOf(url)}?${query}`, label: `query ${name}` });
      }
  } else if (method === 'GET') {
    // A route missing from the API document (hidden): every common list parameter at once, per value.
    for (const value of HOSTILE_VALUES) {
      // The long value once only: eight times 10,000 characters would pass the URL size limit.
      const names = value.length > 1000 ? ['q'] : COMMON_QUERY_NAMES;
      const query = names.map((name) => `${name}=${encodeURIComponent(value)}`).join('&');
      calls.push({ method, path: `${pathOf(url)}?${query}`, label: 'query (common names)' });
    }
  }
  if (method !== 'GET' && method !== 'DELETE') {
    const content = operation?.requestBody?.content;
    const json = content?.['application/json'];
    if (json || !content)
      for (const { label, body } of hostileBodies(json?.schema))
        calls.push({ method, path: pathOf(url), body, label: `body: ${label}` });
  }
  return calls;
}

/** Runs `work` over `items` with a few requests in flight at once. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…(${text.length} chars)` : text;
};

describe('route fuzz: hostile input never makes a 5xx', () => {
  // First, while the administrator still signs in as set up (the fuzzer's own profile edits change that).
  it('answers each kind of hostile input with its own stable code', async () => {
    const anonymous = t().client('en');
    const signUp = await anonymous.post('/api/portal/register', {
      name: 'Wang\u0000',
      email: 'nul@example.com',
      password: 'Kehu-2026!',
    });
    expect(signUp.status).toBe(400);
    expect(signUp.body).toMatchObject({
      error: { code: 'INVALID_TEXT', details: { issues: [{ field: 'body.name' }] } },
    });
    expect((signUp.body as { error: { message: string } }).error.message).toMatch(/NUL byte/);

    const admin = await t().admin();
    for (const cursor of ['1.5', 'abc', '99999999999999999999', '1|1|1', '%00'])
      for (const list of ['/api/v1/tickets', '/api/v1/customers?sort=activity', '/api/v1/notifications']) {
        const res = await admin.get(
          `${list}${list.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`,
        );
        expect([res.status, errorCode(res.body), list, cursor]).toEqual([
          400,
          'INVALID_CURSOR',
          list,
          cursor,
        ]);
      }
    const search = await admin.get(`/api/v1/tickets?q=${encodeURIComponent('a\u0000b')}`);
    expect([search.status, errorCode(search.body)]).toEqual([400, 'INVALID_TEXT']);

    // A category that does not exist holds no articles.
    const articles = await anonymous.get('/api/public/kb/articles?category=999999');
    expect([articles.status, articles.body]).toEqual([200, { items: [], nextCursor: null }]);
  });

  it('every route answers every hostile parameter and body with a 4xx', async () => {
    const started = Date.now();
    const admin = await t().admin();
    const portal = (await buildPortalContact(t(), { email: 'fuzzer@example.com' })).client;
    const anonymous = t().client();
    const clientFor = (permission: string): ApiClient =>
      permission === 'public' ? anonymous : permission === 'portal' ? portal : admin;
    const document = t().app.swagger() as { paths?: Record<string, Record<string, Operation>> };

    const routes = t().app.declaredRoutes.filter((r) => !(`${r.method} ${r.url}` in NOT_FUZZED));
    const work: Array<Call & { client: ApiClient; route: string }> = [];
    for (const route of routes) {
      const documentPath = route.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      const operation = document.paths?.[documentPath]?.[route.method.toLowerCase()];
      for (const call of callsFor(route.method, route.url, operation))
        work.push({ ...call, client: clientFor(route.permission), route: `${route.method} ${route.url}` });
    }

    const failures: string[] = [];
    const timeByRoute = new Map<string, number>();
    const statuses = new Map<number, number>();
    await inParallel(work, 6, async ({ client, method, path, body, label, route }) => {
      const sent = Date.now();
      const res = await client.request(method, path, body).catch((error: Error) => ({
        status: 599,
        body: `no answer: ${error.message} ${String(error.cause ?? '')}`,
      }));
      timeByRoute.set(route, (timeByRoute.get(route) ?? 0) + Date.now() - sent);
      // INVALID_VALUE: PostgreSQL refused a value the route's validation let through — answered 400 by
      // the error handler's safety net, but the route should have refused it itself.
      // UNAUTHENTICATED: the fuzzer's session was lost, so the rest of the run would prove nothing.
      const code = errorCode(res.body);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500 || code === 'INVALID_VALUE' || code === 'UNAUTHENTICATED')
        failures.push(
          `${method} ${shown(path)} [${label}]${body === undefined ? '' : ` body ${shown(body)}`} → ${res.status} ${shown(res.body)}`,
        );
    });
    const count = (kind: string) => work.filter((call) => call.label.startsWith(kind)).length;
    console.info(
      `route fuzz: ${routes.length} routes, ${work.length} requests (path ${count('path')}, query ${count('query')}, body ${count('body')}), ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.info(
      `answers: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
    );
    const costliest = [...timeByRoute].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.info(
      `most time: ${costliest.map(([route, ms]) => `${route} ${(ms / 1000).toFixed(1)} s`).join('; ')}`,
    );
    expect(failures).toEqual([]);
    // The sessions lived through it: the run above really was signed in.
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    expect((await portal.get('/api/portal/me')).status).toBe(200);
    expect(routes.length).toBeGreaterThan(200);
  }, 240_000);

  it('leaves out only routes that exist, each with its reason', () => {
    const declared = new Set(t().app.declaredRoutes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(NOT_FUZZED).filter((route) => !declared.has(route))).toEqual([]);
  });
});
