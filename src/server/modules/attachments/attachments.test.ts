import { describe, expect, it } from 'vitest';
import { buildPortalContact, buildTicket, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { writeSetting } from '../organisation/settings.queries.ts';

const t = setupTestApp();
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);

type Stored = { id: number; url: string; isImage: boolean; error?: { code: string } };

describe('attachments', () => {
  it('stores an image, sends it with a message, and serves it inline with safe headers', async () => {
    const admin = await t().admin();
    const ticket = await buildTicket(t(), { type: 'repair', subject: '货损照片' });
    const up = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: '破损照片.png',
      bytes: PNG,
    });
    expect(up.status).toBe(201);
    expect(up.body.isImage).toBe(true);
    const msg = await admin.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'public',
      body: '附上照片',
      attachmentIds: [up.body.id],
    });
    expect(msg.status).toBe(201);
    const res = await fetch(`${admin.baseUrl}${up.body.url}`, { headers: { cookie: admin.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('content-disposition')).toContain(
      `inline; filename="${encodeURIComponent('破损照片.png')}"`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    // Used once only.
    const again = await admin.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'public',
      body: 'x',
      attachmentIds: [up.body.id],
    });
    expect(errorCode(again.body)).toBe('VALIDATION_FAILED');
  });

  it('refuses forbidden types, disguised files and oversize uploads', async () => {
    const admin = await t().admin();
    const ticket = await buildTicket(t(), { type: 'repair', subject: '货损照片' });
    const html = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'page.html',
      bytes: Buffer.from('<script>alert(1)</script>'),
    });
    expect(html.status).toBe(415);
    expect(html.body.error?.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const disguised = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'photo.png',
      bytes: Buffer.from('MZ\x90\x00 this is an executable'),
    });
    expect(disguised.status).toBe(415);
    const pdf = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: '报告.pdf',
      bytes: Buffer.from('%PDF-1.7 ...'),
    });
    expect(pdf.status).toBe(201);
    const download = await fetch(`${admin.baseUrl}${pdf.body.url}`, {
      headers: { cookie: admin.cookie! },
    });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    await download.arrayBuffer();

    await writeSetting(t().db, 'attachments', { maxMegabytes: 1 });
    const big = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'big.png',
      bytes: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]),
    });
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('ATTACHMENT_TOO_LARGE');
    await writeSetting(t().db, 'attachments', { maxMegabytes: 20 });
    const stored = await t()
      .db.selectFrom('attachment')
      .select('file_name')
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(stored.map((s) => s.file_name)).toEqual(['报告.pdf']);
  });

  it('an agent takes an unsent file off the reply; sent files and other people’s files stay', async () => {
    const admin = await t().admin();
    const ticket = await buildTicket(t(), { type: 'repair', subject: '货损照片' });
    await writeSetting(t().db, 'attachments', { maxMegabytes: 7 });
    expect((await admin.get('/api/v1/attachment-settings')).body).toEqual({ maxMegabytes: 7 });
    await writeSetting(t().db, 'attachments', { maxMegabytes: 20 });
    const draft = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'draft.png',
      bytes: PNG,
    });
    const sent = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'sent.png',
      bytes: PNG,
    });
    await admin.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'internal',
      body: '照片',
      attachmentIds: [sent.body.id],
    });
    const list = await admin.get<{ id: number; staffDraft: boolean }[]>(
      `/api/v1/tickets/${ticket.id}/attachments`,
    );
    expect(list.body.map((a) => [a.id, a.staffDraft])).toEqual([
      [draft.body.id, true],
      [sent.body.id, false],
    ]);
    const colleague = await buildUser(t(), {
      permissions: ['ticket.read', 'ticket.update', 'ticket.read_all'],
    });
    expect((await colleague.client.delete(`/api/v1/attachments/${draft.body.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/attachments/${sent.body.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/attachments/${draft.body.id}`)).status).toBe(204);
    const after = await admin.get<{ id: number }[]>(`/api/v1/tickets/${ticket.id}/attachments`);
    expect(after.body.map((a) => a.id)).toEqual([sent.body.id]);
    const gone = await fetch(`${admin.baseUrl}${draft.body.url}`, { headers: { cookie: admin.cookie! } });
    expect(gone.status).toBe(404);
  });

  it("an agent outside the request's scope gets 404 for its files", async () => {
    const admin = await t().admin();
    const ticket = await buildTicket(t(), { type: 'repair', subject: '货损照片' });
    const owner = await buildUser(t(), { permissions: ['ticket.read', 'ticket.update'] });
    await admin.post(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: owner.userId });
    const up = await admin.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
      name: 'a.png',
      bytes: PNG,
    });
    const outsider = await buildUser(t(), { permissions: ['ticket.read', 'ticket.update'] });
    const res = await fetch(`${outsider.client.baseUrl}${up.body.url}`, {
      headers: { cookie: outsider.client.cookie! },
    });
    expect(res.status).toBe(404);
    expect(
      (
        await outsider.client.upload<Stored>(`/api/v1/tickets/${ticket.id}/attachments`, {
          name: 'b.png',
          bytes: PNG,
        })
      ).status,
    ).toBe(404);
  });
});

describe('attachments in the portal', () => {
  it('a customer uploads to their own request and sees files on public replies, never on internal notes', async () => {
    const { client: customer } = await buildPortalContact(t(), { name: '孙女士', email: 'sun@example.com' });
    const request = await customer.post<{ id: number }>('/api/portal/tickets', {
      subject: '外箱破损',
      description: '见照片',
    });

    const mine = await customer.upload<Stored>(`/api/portal/tickets/${request.body.id}/attachments`, {
      name: '外箱.png',
      bytes: PNG,
    });
    expect(mine.status).toBe(201);
    await customer.post(`/api/portal/tickets/${request.body.id}/messages`, {
      body: '照片已上传',
      attachmentIds: [mine.body.id],
    });

    const admin = await t().admin();
    const internal = await admin.upload<Stored>(`/api/v1/tickets/${request.body.id}/attachments`, {
      name: '内部核查.pdf',
      bytes: Buffer.from('%PDF-1.4'),
    });
    await admin.post(`/api/v1/tickets/${request.body.id}/messages`, {
      kind: 'internal',
      body: '内部核查报告',
      attachmentIds: [internal.body.id],
    });
    const reply = await admin.upload<Stored>(`/api/v1/tickets/${request.body.id}/attachments`, {
      name: '处理方案.pdf',
      bytes: Buffer.from('%PDF-1.4'),
    });
    await admin.post(`/api/v1/tickets/${request.body.id}/messages`, {
      kind: 'public',
      body: '处理方案见附件',
      attachmentIds: [reply.body.id],
    });

    const seen = await customer.get<{ fileName: string }[]>(
      `/api/portal/tickets/${request.body.id}/attachments`,
    );
    expect(seen.body.map((a) => a.fileName).sort()).toEqual(['外箱.png', '处理方案.pdf'].sort());
    const hidden = await fetch(`${customer.baseUrl}/api/portal/attachments/${internal.body.id}`, {
      headers: { cookie: customer.cookie! },
    });
    expect(hidden.status).toBe(404);
    await hidden.arrayBuffer();
  });
});
