import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { linkTokenSentTo } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';

/**
 * The scope decisions of portal.policy.ts, attachments.policy.ts and notifications.policy.ts, from the
 * outside: another contact's request and its files are a 404, and so is another user's notification.
 */
const t = setupTestApp();
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

async function contact(email: string, name: string): Promise<ApiClient> {
  const client = t().client();
  await client.post('/api/portal/register', { name, email });
  const token = await linkTokenSentTo(t(), email);
  expect((await client.post('/api/portal/verify', { token, password: 'Kehu-2026!' })).status).toBe(200);
  expect((await client.post('/api/portal/login', { email, password: 'Kehu-2026!' })).status).toBe(200);
  client.csrfToken = (await client.get<{ csrfToken: string }>('/api/portal/me')).body.csrfToken;
  return client;
}

async function upload(client: ApiClient, path: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG)]), '破损.png');
  const res = await fetch(client.baseUrl + path, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! },
    body: form,
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, body: (await res.json()) as { id: number; url: string } };
}

async function download(client: ApiClient, url: string): Promise<number> {
  const res = await fetch(client.baseUrl + url, { headers: { cookie: client.cookie! } });
  await res.arrayBuffer();
  return res.status;
}

describe('portal scope', () => {
  it("another contact's request, its conversation and its files are a 404", async () => {
    const owner = await contact('lin@example.com', '林女士');
    const other = await contact('he@example.com', '何先生');
    const request = await owner.post<{ id: number }>('/api/portal/tickets', {
      subject: '包装破损',
      description: '外箱压坏，见照片',
    });
    expect(request.status).toBe(201);
    const id = request.body.id;
    const file = await upload(owner, `/api/portal/tickets/${id}/attachments`);
    expect(file.status).toBe(201);
    await owner.post(`/api/portal/tickets/${id}/messages`, { body: '照片', attachmentIds: [file.body.id] });

    // The owner sees all of it.
    expect((await owner.get(`/api/portal/tickets/${id}`)).status).toBe(200);
    const ownFiles = await owner.get<{ id: number }[]>(`/api/portal/tickets/${id}/attachments`);
    expect(ownFiles.body.map((f) => f.id)).toEqual([file.body.id]);
    expect(await download(owner, file.body.url)).toBe(200);

    // Another contact learns nothing, not even that the request exists.
    expect((await other.get(`/api/portal/tickets/${id}`)).status).toBe(404);
    expect((await other.get(`/api/portal/tickets/${id}/messages`)).status).toBe(404);
    expect((await other.get(`/api/portal/tickets/${id}/attachments`)).status).toBe(404);
    expect(await download(other, file.body.url)).toBe(404);
    expect((await upload(other, `/api/portal/tickets/${id}/attachments`)).status).toBe(404);
    expect((await other.post(`/api/portal/tickets/${id}/rating`, { score: 1 })).status).toBe(404);
    expect((await other.get<{ items: unknown[] }>('/api/portal/tickets')).body.items).toEqual([]);
  });
});

describe('notification scope', () => {
  it("a user cannot mark another user's notification read", async () => {
    const admin = await t().admin();
    const colleague = await t().userWith(['ticket.read'], 'mei');
    const intruder = await t().userWith(['ticket.read', 'ticket.read_all']);
    const typeId = (
      await t()
        .db.selectFrom('ticket_type')
        .select('id')
        .where('code', '=', 'inquiry')
        .executeTakeFirstOrThrow()
    ).id;
    const ticket = await admin.post<TicketView>('/api/v1/tickets', { typeId, subject: '发票抬头' });
    await admin.post(`/api/v1/tickets/${ticket.body.id}/messages`, { kind: 'internal', body: '@mei 请核对' });
    type Inbox = { items: { id: number; readAt: string | null }[]; unread: number };
    const inbox = await colleague.client.get<Inbox>('/api/v1/notifications');
    expect(inbox.body.unread).toBe(1);
    const notificationId = inbox.body.items[0]!.id;

    const foreign = await intruder.client.post('/api/v1/notifications/read', { ids: [notificationId] });
    expect(foreign.status).toBe(404);
    expect((await colleague.client.get<Inbox>('/api/v1/notifications')).body.unread).toBe(1);
    // Marking "all" read touches only the caller's own.
    expect((await intruder.client.post('/api/v1/notifications/read', {})).status).toBe(200);
    expect((await colleague.client.get<Inbox>('/api/v1/notifications')).body.unread).toBe(1);

    expect(
      (await colleague.client.post('/api/v1/notifications/read', { ids: [notificationId] })).status,
    ).toBe(200);
    expect((await colleague.client.get<Inbox>('/api/v1/notifications')).body.unread).toBe(0);
  });
});
