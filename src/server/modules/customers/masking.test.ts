import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../shared/schemas/calls.ts';
import type { ComplaintDetail } from '../../../shared/schemas/complaints.ts';
import { buildContact, buildCustomer, buildUser, unique } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';

/**
 * Phones and emails show in full only with customer.view_sensitive, on every response that carries them:
 * the contact type-ahead, the call log, the customer timeline and a complaint's contact details.
 */
const t = setupTestApp();
const MOBILE = '13612345678';
const MASKED_MOBILE = '136****5678';

async function customerWithContact() {
  const customer = await buildCustomer(t(), { name: `宁波港机${unique()}` });
  const email = `liu${unique()}@ningbo.example`;
  const contact = await buildContact(t(), { customerId: customer.id, name: '刘工', mobile: MOBILE, email });
  return { customer, contact, email };
}

const agentPermissions = [
  'customer.read',
  'ticket.read',
  'ticket.create',
  'call.read',
  'call.log',
  'complaint.read',
  'complaint.handle',
] as const;

describe('masking outside the customer file', () => {
  it('the contact type-ahead masks phones and emails without view_sensitive', async () => {
    const { contact, email } = await customerWithContact();
    const agent = await buildUser(t(), { permissions: [...agentPermissions] });
    type Hit = { id: number; phone: string | null; email: string | null; masked: boolean };
    const hits = await agent.client.get<Hit[]>(`/api/v1/contacts/lookup?q=${encodeURIComponent(MOBILE)}`);
    const hit = hits.body.find((h) => h.id === contact.id);
    expect(hit).toMatchObject({ phone: MASKED_MOBILE, masked: true });
    expect(hit?.email).toBe(`l***@${email.split('@')[1]}`);
    expect(JSON.stringify(hits.body)).not.toContain(MOBILE);

    const admin = await t().admin();
    const full = await admin.get<Hit[]>(`/api/v1/contacts/lookup?q=${encodeURIComponent(MOBILE)}`);
    expect(full.body.find((h) => h.id === contact.id)).toMatchObject({ phone: MOBILE, email, masked: false });
  });

  it('the call log and the timeline mask the number without view_sensitive', async () => {
    const { customer, contact } = await customerWithContact();
    const agent = await buildUser(t(), { permissions: [...agentPermissions] });
    const logged = await agent.client.post<CallView>('/api/v1/calls', {
      direction: 'inbound',
      number: MOBILE,
      contactId: contact.id,
      purpose: '询问交期',
    });
    expect(logged.status).toBe(201);
    expect(logged.body.number).toBe(MASKED_MOBILE);
    const list = await agent.client.get<{ items: CallView[] }>('/api/v1/calls');
    expect(list.body.items.find((c) => c.id === logged.body.id)?.number).toBe(MASKED_MOBILE);
    expect(JSON.stringify(list.body)).not.toContain(MOBILE);

    type Page = { items: { kind: string; title: string }[] };
    const timeline = await agent.client.get<Page>(`/api/v1/customers/${customer.id}/timeline?kinds=call`);
    expect(timeline.body.items.map((i) => i.title)).toEqual([MASKED_MOBILE]);

    const admin = await t().admin();
    const full = await admin.get<{ items: CallView[] }>('/api/v1/calls');
    expect(full.body.items.find((c) => c.id === logged.body.id)?.number).toBe(MOBILE);
    const fullTimeline = await admin.get<Page>(`/api/v1/customers/${customer.id}/timeline?kinds=call`);
    expect(fullTimeline.body.items.map((i) => i.title)).toEqual([MOBILE]);
  });

  it('a complaint filed from a masked type-ahead keeps the real contact details; readers see them masked', async () => {
    const { customer, contact, email } = await customerWithContact();
    const agent = await buildUser(t(), { permissions: [...agentPermissions] });
    const created = await agent.client.post<ComplaintDetail>('/api/v1/complaints', {
      subject: '吊具钢丝绳断股',
      content: '新换的钢丝绳一周断股',
      customerId: customer.id,
      contactId: contact.id,
      contactDetails: `${MASKED_MOBILE} / l***@${email.split('@')[1]}`,
    });
    expect(created.status).toBe(201);
    expect(created.body.contactDetails).toBe(`${MASKED_MOBILE} / l***@${email.split('@')[1]}`);
    const stored = await t()
      .db.selectFrom('complaint')
      .select('contact_details')
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.contact_details).toBe(`${MOBILE} / ${email}`);

    const admin = await t().admin();
    const full = await admin.get<ComplaintDetail>(`/api/v1/complaints/${created.body.id}`);
    expect(full.body.contactDetails).toBe(`${MOBILE} / ${email}`);
    const print = await agent.client.get<string>(`/api/v1/complaints/${created.body.id}/print/record`);
    expect(String(print.body)).not.toContain(MOBILE);
  });
});
