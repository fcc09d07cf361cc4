import { describe, expect, it } from 'vitest';
import { isPermission } from '../../shared/permissions.ts';
import type { ApiClient } from '../test/api-client.ts';
import { buildPortalContact, buildUser } from '../test/factories.ts';
import { errorCode, setupTestApp } from '../test/test-app.ts';
import { SCOPE_DECISIONS, type ScopeCase } from './record-access.fixtures.ts';

/**
 * Walks the route table: every `GET …/:id` route of the staff API and the portal answers a record the
 * caller may not see with 404 — a missing id, a record outside the caller's scope (where the module's
 * policy restricts scope), and for a portal session any staff route. New routes are covered without
 * anyone writing a test, and a new `GET …/:id` route must first have its scope decision listed in
 * record-access.fixtures.ts (pointing at the policy file that makes it).
 */
const t = setupTestApp();

const MISSING = 2_000_000_000;

/** A concrete path: every id parameter → `id`; other parameters a value the route accepts. */
function pathOf(url: string, id: number | string, params: Record<string, number> = {}): string {
  return url
    .replace(/:id\b/g, String(id))
    .replace(/:([a-zA-Z]+Id)\b/g, (_, name: string) => String(params[name] ?? MISSING))
    .replace(/:kind\b/g, 'acknowledge')
    .replace(/:form\b/g, 'record')
    .replace(/:version\b/g, '1');
}

function idRoutes() {
  return t().app.declaredRoutes.filter((r) => r.method === 'GET' && /\/:id\b/.test(r.url));
}

async function holderOf(permission: string): Promise<ApiClient> {
  if (permission === 'authenticated') return (await buildUser(t(), { permissions: [] })).client;
  if (isPermission(permission)) return (await buildUser(t(), { permissions: [permission] })).client;
  throw new Error(`no staff holder for ${permission}`);
}

/** A signed-in portal contact of a company of their own. */
const portalContact = async (email: string) => (await buildPortalContact(t(), { email })).client;

describe('record access, walked from the route table', () => {
  it('every GET …/:id route has a scope decision on file', () => {
    const routes = idRoutes().map((r) => r.url);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((url) => !(url in SCOPE_DECISIONS))).toEqual([]);
    // Decisions for routes that no longer exist are taken off too.
    expect(Object.keys(SCOPE_DECISIONS).filter((url) => !routes.includes(url))).toEqual([]);
  });

  it('a missing id is a 404 for a caller holding the route permission', async () => {
    const holders = new Map<string, ApiClient>();
    const portal = await portalContact('walker@example.com');
    const wrong: string[] = [];
    for (const route of idRoutes()) {
      if (route.permission === 'public') continue;
      let client = route.permission === 'portal' ? portal : holders.get(route.permission);
      if (!client) {
        client = await holderOf(route.permission);
        holders.set(route.permission, client);
      }
      const res = await client.get(pathOf(route.url, MISSING));
      if (res.status !== 404 || errorCode(res.body) !== 'NOT_FOUND')
        wrong.push(`${route.url} → ${res.status} ${errorCode(res.body) ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a portal session reaches no staff record and no other contact’s record', async () => {
    const portal = await portalContact('outsider@example.com');
    const wrong: string[] = [];
    for (const route of idRoutes()) {
      if (route.permission === 'public' || route.permission === 'portal') continue;
      const res = await portal.get(pathOf(route.url, 1));
      if (res.status !== 401 && res.status !== 404) wrong.push(`${route.url} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a record outside the caller’s scope is a 404 on every route of a scoped resource', async () => {
    const cases = new Map<ScopeCase, Awaited<ReturnType<ScopeCase>>>();
    const wrong: string[] = [];
    for (const route of idRoutes()) {
      const decision = SCOPE_DECISIONS[route.url];
      if (!decision || typeof decision === 'string') continue;
      let scenario = cases.get(decision);
      if (!scenario) {
        scenario = await decision(t(), portalContact);
        cases.set(decision, scenario);
      }
      const path = pathOf(route.url, scenario.id, scenario.params);
      const insider = await scenario.insider.get(path);
      if (insider.status !== 200) wrong.push(`${route.url}: insider → ${insider.status}`);
      const outsider = await scenario.outsider.get(path);
      if (outsider.status !== 404) wrong.push(`${route.url}: outsider → ${outsider.status}`);
    }
    expect(wrong).toEqual([]);
    expect(cases.size).toBeGreaterThanOrEqual(4);
  });
});
