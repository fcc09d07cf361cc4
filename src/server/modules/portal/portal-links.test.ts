import { describe, expect, it } from 'vitest';
import { buildContact, buildPortalContact, portalSignIn } from '../../test/factories.ts';
import { errorCode, setupTestApp, startTestApp } from '../../test/test-app.ts';
import { deliverPending, type OutboundMessage, type Provider } from '../notifications/delivery.service.ts';

const t = setupTestApp();

/** The customer's inbox: delivers what is queued through a provider that keeps what it was given. */
async function deliver(): Promise<OutboundMessage[]> {
  const sent: OutboundMessage[] = [];
  const inbox: Provider = { name: 'inbox', kind: 'sent', send: async (m) => void sent.push({ ...m }) };
  await deliverPending(t().db, { email: inbox, sms: inbox });
  return sent;
}
const tokenIn = (body: string | undefined) => {
  const match = body?.match(/token=([^\s&]+)/);
  if (!match?.[1]) throw new Error(`no link in: ${body}`);
  return decodeURIComponent(match[1]);
};
const mailTo = (sent: OutboundMessage[], email: string) => sent.filter((m) => m.recipient === email).at(-1);

type LogPage = { items: { recipient: string; subject: string | null; body: string }[] };

describe('one-time links in the outbound log', () => {
  it('staff reading the log never see a usable link; the mail that goes out carries it', async () => {
    await deliver();
    const { email: known } = await buildPortalContact(t(), { email: 'log.known@example.com' });
    await t().client().post('/api/portal/password/forgot', { email: known });
    await t().client().post('/api/portal/register', { name: '新客户', email: 'log.new@example.com' });
    const contact = await buildContact(t(), {
      customerId: null,
      name: '受邀人',
      email: 'log.invited@example.com',
    });
    await (await t().admin()).post(`/api/v1/contacts/${contact.id}/portal-invitation`);

    const { client: reader } = await t().userWith(['settings.read']);
    const log = await reader.get<LogPage>('/api/v1/outbound-messages?limit=100');
    const links = log.body.items.filter((m) => m.recipient.startsWith('log.'));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const m of links) {
      expect(m.body).not.toMatch(/token=/);
      expect(`${m.subject} ${m.body}`).toContain('一次性链接已隐藏');
    }
    const rows = await t().db.selectFrom('outbound_message').select(['subject', 'body']).execute();
    expect(JSON.stringify(rows)).not.toMatch(/token=/);

    const sent = await deliver();
    for (const email of [known, 'log.new@example.com', 'log.invited@example.com'])
      expect([email, mailTo(sent, email)?.body]).toEqual([email, expect.stringMatching(/token=/)]);
    // The reset link that went out works (once).
    const reset = tokenIn(mailTo(sent, known)?.body);
    expect(
      (await t().client().post('/api/portal/password/reset', { token: reset, password: 'Neu-2026!xy' }))
        .status,
    ).toBe(200);
    // Sent: the sealed copy is gone too.
    const kept = await t()
      .db.selectFrom('outbound_message')
      .select('sealed_content')
      .where('status', '=', 'sent')
      .execute();
    expect(kept.every((m) => m.sealed_content === null)).toBe(true);
  });

  it('a newer reset link invalidates the older one, and a used link is spent', async () => {
    await deliver();
    const { email } = await buildPortalContact(t(), { email: 'twice@example.com' });
    await t().client().post('/api/portal/password/forgot', { email });
    const first = tokenIn(mailTo(await deliver(), email)?.body);
    await t().client().post('/api/portal/password/forgot', { email });
    const second = tokenIn(mailTo(await deliver(), email)?.body);
    const reset = (token: string) =>
      t().client().post('/api/portal/password/reset', { token, password: 'Zweite-2026!' });
    expect(errorCode((await reset(first)).body)).toBe('TOKEN_INVALID');
    expect((await reset(second)).status).toBe(200);
    expect(errorCode((await reset(second)).body)).toBe('TOKEN_INVALID');
    expect((await portalSignIn(t().client(), email, 'Zweite-2026!')).status).toBe(200);
  });
});

describe('signing up with somebody else’s address', () => {
  it('never makes the registrant’s password work: the person who verifies chooses the password', async () => {
    await deliver();
    // A contact staff know (no portal account yet), and an address nobody registered before.
    await buildContact(t(), { customerId: null, name: '刘经理', email: 'liu@victim.example' });
    for (const email of ['liu@victim.example', 'fresh@victim.example']) {
      const signup = await t()
        .client()
        .post('/api/portal/register', { name: '冒充者', email, password: 'Attacker-2026!' });
      expect(signup.status).toBe(202);
      const token = tokenIn(mailTo(await deliver(), email)?.body);
      // The owner opens the link: it asks for a password before it opens the account.
      const bare = await t().client().post('/api/portal/verify', { token });
      expect(errorCode(bare.body)).toBe('VALIDATION_FAILED');
      const verified = await t().client().post('/api/portal/verify', { token, password: 'Owner-2026!ok' });
      expect(verified.status).toBe(200);
      const attacker = await t().client().post('/api/portal/login', { email, password: 'Attacker-2026!' });
      expect([email, attacker.status]).toEqual([email, 401]);
      expect((await portalSignIn(t().client(), email, 'Owner-2026!ok')).status).toBe(200);
    }
  });
});

describe('sign-up and reset requests are rate-limited', () => {
  it('per address, in the database (every app node counts the same requests)', async () => {
    const forgot = (client = t().client()) =>
      client.post('/api/portal/password/forgot', { email: 'flood@example.com' });
    for (let i = 0; i < 5; i++) expect((await forgot()).status).toBe(202);
    const limited = await forgot();
    expect(limited.status).toBe(429);
    expect(errorCode(limited.body)).toBe('PORTAL_RATE_LIMITED');
    const signup = await t().client().post('/api/portal/register', { name: 'x', email: 'FLOOD@example.com' });
    expect(errorCode(signup.body)).toBe('PORTAL_RATE_LIMITED');
    // Another node on the same database refuses too.
    const other = await startTestApp(t().testDb);
    try {
      expect((await forgot(other.client())).status).toBe(429);
    } finally {
      await other.app.close();
      await other.live.stop();
    }
  });

  // Last in the file: it spends this IP's allowance.
  it('per IP, whatever the address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await t()
        .client()
        .post('/api/portal/password/forgot', { email: `ip${i}@example.com` });
      answers.push(res.status);
      if (res.status === 429) expect(errorCode(res.body)).toBe('PORTAL_RATE_LIMITED');
    }
    const firstLimited = answers.indexOf(429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(answers.slice(firstLimited).every((s) => s === 429)).toBe(true);
  });
});
