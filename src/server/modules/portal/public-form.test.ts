import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import {
  buildContact,
  buildCustomer,
  buildPortalContact,
  linkTokenSentTo,
  unique,
} from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { issueFormToken } from './public-form.service.ts';

/**
 * The public request form: its minimum fill time is measured by the server (a signed, timestamped form
 * token), and a sender is unverified — typing a known email or phone never files the request into that
 * contact's portal history or customer file until the sender confirms by email or an agent confirms them.
 */
const t = setupTestApp();

/** A form a person opened 30 seconds ago (the token the page fetched then, signed by the server). */
const aged = () => issueFormToken(new Date(Date.now() - 30_000));

const form = (over: Record<string, unknown> = {}) => ({
  name: '陌生人',
  email: `sender${unique()}@example.com`,
  subject: `公开表单${unique()}`,
  description: '请联系我。',
  formToken: aged(),
  ...over,
});

async function ticketOf(number: string) {
  return t()
    .db.selectFrom('ticket')
    .innerJoin('contact', 'contact.id', 'ticket.contact_id')
    .select(['ticket.id', 'ticket.customer_id', 'ticket.contact_id', 'contact.unverified'])
    .where('ticket.number', '=', number)
    .executeTakeFirstOrThrow();
}

describe('the public form’s minimum fill time', () => {
  it('is measured from the token the server signed, not from a time the browser sends', async () => {
    const client = t().client();
    const fresh = await client.get<{ formToken: string }>('/api/public/requests/form');
    expect(fresh.status).toBe(200);
    const fast = await client.post('/api/public/requests', {
      ...form({ formToken: fresh.body.formToken }),
      shownAt: Date.now() - 60_000,
    });
    expect(errorCode(fast.body)).toBe('SUBMISSION_REJECTED');

    const [issued, nonce] = aged().split('.').slice(1, 3);
    const forged = `f1.${Number(issued) - 3600_000}.${nonce}.AAAA`;
    expect(errorCode((await client.post('/api/public/requests', form({ formToken: forged }))).body)).toBe(
      'SUBMISSION_REJECTED',
    );
    const none = await client.post('/api/public/requests', { ...form(), formToken: undefined });
    expect(none.status).toBe(400);

    const ok = await client.post<{ number: string }>('/api/public/requests', form());
    expect(ok.status).toBe(202);
    expect(ok.body.number).toMatch(/^SR-/);
  });
});

describe('an unverified sender', () => {
  it('does not reach an existing contact’s portal history or customer file until confirmed by email', async () => {
    const customer = await buildCustomer(t());
    const portal = await buildPortalContact(t());
    const known = await buildContact(t(), {
      customerId: customer.id,
      email: `buyer${unique()}@known.example`,
    });
    const stranger = t().client();

    const intoPortal = await stranger.post<{ number: string }>(
      '/api/public/requests',
      form({ email: portal.email }),
    );
    expect(intoPortal.status).toBe(202);
    const listed = await portal.client.get<{ items: { number: string }[] }>('/api/portal/tickets');
    expect(listed.body.items.map((i) => i.number)).not.toContain(intoPortal.body.number);
    const row = await ticketOf(intoPortal.body.number);
    expect(row.contact_id).not.toBe(portal.contactId);
    expect(row.unverified).toBe(true);

    const intoFile = await stranger.post<{ number: string }>(
      '/api/public/requests',
      form({ email: known.email }),
    );
    const fileRow = await ticketOf(intoFile.body.number);
    expect(fileRow.customer_id).toBeNull();
    expect(fileRow.contact_id).not.toBe(known.id);

    const admin = await t().admin();
    const seen = await admin.get<TicketView>(`/api/v1/tickets/${row.id}`);
    expect(seen.body.contactUnverified).toBe(true);

    // The owner of the address follows the emailed link: the request joins their portal history.
    const confirmed = await t()
      .client()
      .post('/api/public/requests/confirm', { token: await linkTokenSentTo(t(), portal.email) });
    expect(confirmed.status).toBe(200);
    const after = await portal.client.get<{ items: { number: string }[] }>('/api/portal/tickets');
    expect(after.body.items.map((i) => i.number)).toContain(intoPortal.body.number);
    expect((await ticketOf(intoPortal.body.number)).contact_id).toBe(portal.contactId);
    expect((await admin.get<TicketView>(`/api/v1/tickets/${row.id}`)).body.contactUnverified).toBe(false);
    expect(
      (await t().client().post('/api/public/requests/confirm', { token: 'c1.1.9999999999999.AAAA' })).status,
    ).toBe(400);
  });

  it('is linked to the matching contact when an agent confirms them', async () => {
    const customer = await buildCustomer(t());
    const mobile = `139${String(Date.now()).slice(-8)}`;
    const known = await buildContact(t(), { customerId: customer.id, mobile });
    const sent = await t()
      .client()
      .post<{ number: string }>('/api/public/requests', form({ phone: mobile }));
    const row = await ticketOf(sent.body.number);
    expect(row.customer_id).toBeNull();

    const agent = await t().userWith(['ticket.read', 'ticket.update']);
    const done = await agent.client.post(`/api/v1/tickets/${row.id}/confirm-sender`, {});
    expect(done.status).toBe(200);
    const linked = await ticketOf(sent.body.number);
    expect(linked).toMatchObject({ contact_id: known.id, customer_id: customer.id, unverified: false });
    const gone = await t().db.selectFrom('contact').select('id').where('id', '=', row.contact_id!).execute();
    expect(gone).toEqual([]);
  });
});
