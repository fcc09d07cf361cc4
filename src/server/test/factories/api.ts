import type { z } from 'zod';
import type { CHANNELS } from '../../../shared/tickets/ticket-status.ts';
import type { ApiClient } from '../api-client.ts';
import type { TestApp } from '../test-app.ts';

/**
 * What every factory shares: unique names, the first administrator's session, and the API calls that
 * throw with the server's answer when it refuses.
 */

let seq = 0;
/** Unique within the run: a counter and the time, for names and codes. */
export const unique = () => `${++seq}${Date.now().toString(36)}`;

export type Input<S extends z.ZodType> = z.input<S>;
export type Channel = (typeof CHANNELS)[number];

const admins = new WeakMap<TestApp, Promise<ApiClient>>();

/** The first administrator, signed in once per test app (and again if a test ended that session). */
export function asAdmin(t: TestApp): Promise<ApiClient> {
  let client = admins.get(t);
  if (!client) {
    client = t.admin();
    admins.set(t, client);
    client.catch(() => admins.delete(t));
  }
  return client;
}

/** A request as `client`, or as the administrator (signing in again once if a test ended that session). */
async function call<T>(
  t: TestApp,
  client: ApiClient | undefined,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) {
  const res = await (client ?? (await asAdmin(t))).request<T>(method, path, body);
  if (res.status !== 401 || client) return res;
  admins.delete(t);
  return (await asAdmin(t)).request<T>(method, path, body);
}

/** POSTs and returns the body, or throws with the server's answer. */
export async function send<T>(
  t: TestApp,
  client: ApiClient | undefined,
  path: string,
  body: unknown,
  expected = 201,
): Promise<T> {
  const res = await call<T>(t, client, 'POST', path, body);
  if (res.status !== expected)
    throw new Error(
      `POST ${path} → ${res.status} ${JSON.stringify(res.body)} (sent ${JSON.stringify(body)})`,
    );
  return res.body;
}

/** GETs and returns the body, or throws with the server's answer. */
export async function read<T>(t: TestApp, client: ApiClient | undefined, path: string): Promise<T> {
  const res = await call<T>(t, client, 'GET', path);
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
