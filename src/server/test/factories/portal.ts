import { open } from '../../crypto/secret-box.ts';
import type { ApiClient } from '../api-client.ts';
import type { TestApp } from '../test-app.ts';
import { unique } from './api.ts';

/** The customer portal. */

export const PORTAL_PASSWORD = 'Kehu-2026!';

/**
 * The one-time link token most recently emailed to an address (what the customer would click): from the
 * sealed copy the mail is sent from, since the outbound log itself shows the link hidden.
 */
export async function linkTokenSentTo(t: TestApp, email: string): Promise<string> {
  const message = await t.db
    .selectFrom('outbound_message')
    .select(['body', 'sealed_content'])
    .where('recipient', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const body = message.sealed_content
    ? (JSON.parse(open(message.sealed_content)) as { body: string }).body
    : message.body;
  const match = body.match(/token=([^\s&]+)/);
  if (!match?.[1]) throw new Error(`no link in: ${body}`);
  return decodeURIComponent(match[1]);
}

/** Signs a portal client in and takes its CSRF token, as the portal page does. */
export async function portalSignIn(client: ApiClient, email: string, password: string) {
  const res = await client.post('/api/portal/login', { email, password });
  if (res.status === 200) client.csrfToken = (await client.get('/api/portal/me')).body.csrfToken;
  return res;
}

export interface PortalContact {
  client: ApiClient;
  email: string;
  contactId: number;
  customerId: number | null;
}

/** A customer who signed up on the portal, chose a password at the emailed link and is signed in. */
export async function buildPortalContact(
  t: TestApp,
  spec: { email?: string; name?: string; company?: string; password?: string } = {},
): Promise<PortalContact> {
  const email = spec.email ?? `kehu${unique()}@portal.example`;
  const password = spec.password ?? PORTAL_PASSWORD;
  const client = t.client();
  const registered = await client.post('/api/portal/register', {
    name: spec.name ?? '王女士',
    email,
    ...(spec.company ? { company: spec.company } : {}),
  });
  if (registered.status !== 202)
    throw new Error(`portal sign-up → ${registered.status} ${JSON.stringify(registered.body)}`);
  // The verification link is where the password is chosen.
  const verified = await client.post('/api/portal/verify', {
    token: await linkTokenSentTo(t, email),
    password,
  });
  if (verified.status !== 200) throw new Error(`portal verification → ${verified.status}`);
  const login = await portalSignIn(client, email, password);
  if (login.status !== 200) throw new Error(`portal sign-in → ${login.status} ${JSON.stringify(login.body)}`);
  const me = await client.get('/api/portal/me');
  return { client, email, contactId: me.body.contact.id, customerId: me.body.contact.customerId };
}
