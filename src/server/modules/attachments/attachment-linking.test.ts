import { describe, expect, it } from 'vitest';
import { buildPortalContact, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

/**
 * A message carries only files its own author uploaded and has not sent yet: nobody — a customer on the
 * portal least of all — can send (and so read) someone else's unsent upload by guessing its id.
 */
const t = setupTestApp();
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

type Stored = { id: number; url: string };

async function portalRequest() {
  const customer = await buildPortalContact(t());
  const created = await customer.client.post<{ id: number }>('/api/portal/tickets', {
    subject: '包装破损',
    description: '外箱压坏',
  });
  expect(created.status).toBe(201);
  return { customer, ticketId: created.body.id };
}

describe('linking files to a message', () => {
  it('a portal customer cannot send an agent’s unsent draft with their reply, nor download it', async () => {
    const { customer, ticketId } = await portalRequest();
    const admin = await t().admin();
    const draft = await admin.upload<Stored>(`/api/v1/tickets/${ticketId}/attachments`, {
      name: '内部报价草稿.png',
      bytes: PNG,
    });
    expect(draft.status).toBe(201);

    const reply = await customer.client.post(`/api/portal/tickets/${ticketId}/messages`, {
      body: '请看附件',
      attachmentIds: [draft.body.id],
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe('VALIDATION_FAILED');
    expect((await customer.client.download(`/api/portal/attachments/${draft.body.id}`)).status).toBe(404);
    const row = await t()
      .db.selectFrom('attachment')
      .select('message_id')
      .where('id', '=', draft.body.id)
      .executeTakeFirstOrThrow();
    expect(row.message_id).toBeNull();

    // The customer's own upload still goes with their reply.
    const own = await customer.client.upload<Stored>(`/api/portal/tickets/${ticketId}/attachments`, {
      name: '照片.png',
      bytes: PNG,
    });
    expect(own.status).toBe(201);
    const ok = await customer.client.post(`/api/portal/tickets/${ticketId}/messages`, {
      body: '照片',
      attachmentIds: [own.body.id],
    });
    expect(ok.status).toBe(201);
  });

  it('an agent cannot send a colleague’s draft or the customer’s unsent upload', async () => {
    const { customer, ticketId } = await portalRequest();
    const admin = await t().admin();
    const colleague = await buildUser(t(), {
      permissions: ['ticket.read', 'ticket.read_all', 'ticket.update', 'ticket.reply'],
    });
    const draft = await admin.upload<Stored>(`/api/v1/tickets/${ticketId}/attachments`, {
      name: '草稿.png',
      bytes: PNG,
    });
    const customerUnsent = await customer.client.upload<Stored>(
      `/api/portal/tickets/${ticketId}/attachments`,
      {
        name: '未发送.png',
        bytes: PNG,
      },
    );
    for (const id of [draft.body.id, customerUnsent.body.id]) {
      const res = await colleague.client.post(`/api/v1/tickets/${ticketId}/messages`, {
        kind: 'public',
        body: '转发附件',
        attachmentIds: [id],
      });
      expect(res.status).toBe(400);
      expect(errorCode(res.body)).toBe('VALIDATION_FAILED');
    }
    const own = await admin.post(`/api/v1/tickets/${ticketId}/messages`, {
      kind: 'public',
      body: '报价',
      attachmentIds: [draft.body.id],
    });
    expect(own.status).toBe(201);
  });
});
