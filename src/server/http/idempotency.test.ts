import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../shared/schemas/tickets.ts';
import { bodyHash, finishAttempt } from '../modules/idempotency/idempotency.service.ts';
import { registry } from '../modules/registry.ts';
import type { ApiClient, ApiResponse } from '../test/api-client.ts';
import {
  asAdmin,
  buildCustomer,
  buildPortalContact,
  buildUser,
  ticketTypeId,
  unique,
} from '../test/factories.ts';
import { errorCode, setupTestApp } from '../test/test-app.ts';

const t = setupTestApp();

const KEY = 'idempotency-key';
const REPLAYED = 'idempotent-replayed';

async function ticketBody(subject = `幂等请求 ${unique()}`) {
  return { typeId: await ticketTypeId(t()), subject, channel: 'phone' };
}

function createTicket(client: ApiClient, body: unknown, key?: string): Promise<ApiResponse<TicketView>> {
  return client.request<TicketView>('POST', '/api/v1/tickets', body, key ? { [KEY]: key } : {});
}

async function ticketsWithSubject(subject: string): Promise<number> {
  const rows = await t().db.selectFrom('ticket').select('id').where('subject', '=', subject).execute();
  return rows.length;
}

async function adminId(): Promise<number> {
  return (await t().db.selectFrom('app_user').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
}

describe('Idempotency-Key on creates', () => {
  it('answers a retry with the same key with the first result, without a second record', async () => {
    const admin = await asAdmin(t());
    const body = await ticketBody();
    const key = randomUUID();
    const first = await createTicket(admin, body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get(REPLAYED)).toBeNull();
    const retry = await createTicket(admin, body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get(REPLAYED)).toBe('true');
    expect(retry.headers.get('content-type')).toMatch(/application\/json/);
    expect(retry.body).toEqual(first.body);
    expect(await ticketsWithSubject(body.subject)).toBe(1);

    // Without a key every submission is its own create, as before.
    expect((await createTicket(admin, body)).status).toBe(201);
    expect(await ticketsWithSubject(body.subject)).toBe(2);
  });

  it('creates exactly one record from 8 concurrent posts with one key', async () => {
    const admin = await asAdmin(t());
    const body = await ticketBody();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => createTicket(admin, body, key)));
    expect(await ticketsWithSubject(body.subject)).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((a) => a.headers.get(REPLAYED) !== 'true')).toHaveLength(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(409);
      expect(errorCode(answer.body)).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
  });

  it('refuses the same key with a different body or on another route (422)', async () => {
    const admin = await asAdmin(t());
    const body = await ticketBody();
    const key = randomUUID();
    expect((await createTicket(admin, body, key)).status).toBe(201);
    const changed = await createTicket(admin, { ...body, subject: `${body.subject} 改` }, key);
    expect(changed.status).toBe(422);
    expect(errorCode(changed.body)).toBe('IDEMPOTENCY_KEY_REUSED');
    const elsewhere = await admin.request('POST', '/api/v1/complaints', body, { [KEY]: key });
    expect(elsewhere.status).toBe(422);
    expect(errorCode(elsewhere.body)).toBe('IDEMPOTENCY_KEY_REUSED');
    // The same fields in another order are the same body.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await createTicket(admin, reordered, key)).headers.get(REPLAYED)).toBe('true');
    expect(await ticketsWithSubject(body.subject)).toBe(1);
  });

  it('frees the key after a failed first attempt, so the corrected retry creates the record', async () => {
    const admin = await asAdmin(t());
    const key = randomUUID();
    const invalid = await createTicket(admin, { subject: '' }, key);
    expect(invalid.status).toBe(400);
    expect(errorCode(invalid.body)).toBe('VALIDATION_FAILED');
    const body = await ticketBody();
    const retry = await createTicket(admin, body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get(REPLAYED)).toBeNull();
    // A refusal by the service (an unknown type) frees it too.
    const key2 = randomUUID();
    const refused = await createTicket(admin, { ...body, typeId: 999_999 }, key2);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const second = await createTicket(admin, body, key2);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(retry.body.id);
  });

  it('rejects keys that are empty, too long or not printable (400)', async () => {
    const admin = await asAdmin(t());
    const body = await ticketBody();
    for (const key of ['x'.repeat(256), 'clé']) {
      const res = await createTicket(admin, body, key);
      expect(res.status).toBe(400);
      expect(errorCode(res.body)).toBe('IDEMPOTENCY_KEY_INVALID');
    }
    const empty = await admin.request('POST', '/api/v1/tickets', body, { [KEY]: '' });
    expect(errorCode(empty.body)).toBe('IDEMPOTENCY_KEY_INVALID');
    expect((await createTicket(admin, body, 'k'.repeat(255))).status).toBe(201);
    expect(await ticketsWithSubject(body.subject)).toBe(1);
  });

  it('keeps keys per caller: another user with the same key creates their own record', async () => {
    const admin = await asAdmin(t());
    const agent = await buildUser(t(), { permissions: ['ticket.create', 'ticket.read'] });
    const body = await ticketBody();
    const key = randomUUID();
    const mine = await createTicket(admin, body, key);
    const theirs = await createTicket(agent.client, body, key);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get(REPLAYED)).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await ticketsWithSubject(body.subject)).toBe(2);
  });

  it('makes portal creates idempotent per contact', async () => {
    const first = await buildPortalContact(t());
    const second = await buildPortalContact(t());
    const body = { subject: `门户幂等 ${unique()}`, description: '收到的货少了一箱' };
    const key = randomUUID();
    const post = (client: ApiClient) =>
      client.request<{ id: number }>('POST', '/api/portal/tickets', body, { [KEY]: key });
    const created = await post(first.client);
    expect(created.status).toBe(201);
    const retry = await post(first.client);
    expect(retry.status).toBe(201);
    expect(retry.headers.get(REPLAYED)).toBe('true');
    expect(retry.body).toEqual(created.body);
    const other = await post(second.client);
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(created.body.id);
    expect(await ticketsWithSubject(body.subject)).toBe(2);
  });

  it('makes the complaint registration idempotent', async () => {
    const admin = await asAdmin(t());
    const customer = await buildCustomer(t());
    const body = {
      subject: `幂等投诉 ${unique()}`,
      content: '叉车液压油管漏油',
      channel: 'phone',
      objectType: 'product',
      product: 'FD30 叉车',
      category: 'quality_defect',
      severity: 'major',
      customerId: customer.id,
    };
    const key = randomUUID();
    const first = await admin.request<{ id: number }>('POST', '/api/v1/complaints', body, { [KEY]: key });
    expect(first.status).toBe(201);
    const retry = await admin.request<{ id: number }>('POST', '/api/v1/complaints', body, { [KEY]: key });
    expect(retry.headers.get(REPLAYED)).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
  });

  it('forgets keys after a day (the clean-up job)', async () => {
    const admin = await asAdmin(t());
    const body = await ticketBody();
    const oldKey = randomUUID();
    const freshKey = randomUUID();
    expect((await createTicket(admin, body, oldKey)).status).toBe(201);
    expect((await createTicket(admin, body, freshKey)).status).toBe(201);
    await t()
      .db.updateTable('idempotency_key')
      .set({ created_at: sql<Date>`now() - interval '25 hours'` })
      .where('key', '=', oldKey)
      .execute();
    // The hourly job the module registered, run by hand.
    const job = registry.jobs.get('idempotency.cleanup');
    if (!job) throw new Error('idempotency.cleanup is not registered');
    const log: string[] = [];
    await job.run(t().db, (line) => log.push(line));
    expect(log.join('\n')).toMatch(/removed \d+ expired keys/);
    const left = await t()
      .db.selectFrom('idempotency_key')
      .select('key')
      .where('key', 'in', [oldKey, freshKey])
      .execute();
    expect(left.map((r) => r.key)).toEqual([freshKey]);
    // An expired key is a new key: the create runs again.
    const again = await createTicket(admin, body, oldKey);
    expect(again.status).toBe(201);
    expect(again.headers.get(REPLAYED)).toBeNull();
    expect((await createTicket(admin, body, freshKey)).headers.get(REPLAYED)).toBe('true');
  });

  it('settles a claim whose attempt never finished: runs again unless the audit trail shows it was saved', async () => {
    const admin = await asAdmin(t());
    const principal = `user:${await adminId()}`;
    const abandoned = async (key: string, body: unknown, requestId: string) =>
      t()
        .db.insertInto('idempotency_key')
        .values({
          principal,
          key,
          method: 'POST',
          route: '/api/v1/tickets',
          body_hash: bodyHash(body),
          request_id: requestId,
          created_at: sql<Date>`now() - interval '1 minute'`,
        })
        .execute();

    // The node died before writing anything: the retry takes the key over and creates the record.
    const lost = await ticketBody();
    const lostKey = randomUUID();
    await abandoned(lostKey, lost, randomUUID());
    const rerun = await createTicket(admin, lost, lostKey);
    expect(rerun.status).toBe(201);
    expect(rerun.headers.get(REPLAYED)).toBeNull();
    expect((await createTicket(admin, lost, lostKey)).headers.get(REPLAYED)).toBe('true');
    expect(await ticketsWithSubject(lost.subject)).toBe(1);

    // The node died after committing the create but before keeping its answer: no second record.
    const saved = await ticketBody();
    const requestId = randomUUID();
    const original = await admin.request<TicketView>('POST', '/api/v1/tickets', saved, {
      'x-request-id': requestId,
    });
    expect(original.status).toBe(201);
    const savedKey = randomUUID();
    await abandoned(savedKey, saved, requestId);
    const retry = await createTicket(admin, saved, savedKey);
    expect(retry.status).toBe(409);
    expect(retry.body).toMatchObject({
      error: {
        code: 'IDEMPOTENCY_INTERRUPTED',
        details: { entityType: 'ticket', entityId: String(original.body.id) },
      },
    });
    expect(await ticketsWithSubject(saved.subject)).toBe(1);
  });

  it('keeps the key unsettled when a server error came after the write committed', async () => {
    const admin = await asAdmin(t());
    const principal = `user:${await adminId()}`;
    const since = new Date(Date.now() - 60_000);
    const claimFor = async (requestId: string) => {
      const claim = {
        principal,
        key: randomUUID(),
        method: 'POST',
        route: '/api/v1/tickets',
        bodyHash: bodyHash({}),
        requestId,
      };
      await t()
        .db.insertInto('idempotency_key')
        .values({
          principal,
          key: claim.key,
          method: claim.method,
          route: claim.route,
          body_hash: claim.bodyHash,
          request_id: requestId,
        })
        .execute();
      return claim;
    };
    const held = async (key: string) =>
      !!(await t().db.selectFrom('idempotency_key').select('key').where('key', '=', key).executeTakeFirst());

    // Nothing written: the 500 frees the key.
    const clean = await claimFor(randomUUID());
    await finishAttempt(t().db, clean, 500, null, since);
    expect(await held(clean.key)).toBe(false);

    // The create committed (its audit row carries the request id), then the answer failed: kept.
    const requestId = randomUUID();
    const created = await admin.request('POST', '/api/v1/tickets', await ticketBody(), {
      'x-request-id': requestId,
    });
    expect(created.status).toBe(201);
    const dirty = await claimFor(requestId);
    await finishAttempt(t().db, dirty, 500, null, since);
    expect(await held(dirty.key)).toBe(true);
    // A refusal (4xx) always frees it: the service refused before writing.
    await finishAttempt(t().db, dirty, 409, null, since);
    expect(await held(dirty.key)).toBe(false);
  });

  it('answers 409 while the first attempt still runs', async () => {
    const admin = await asAdmin(t());
    const body = await ticketBody();
    const key = randomUUID();
    await t()
      .db.insertInto('idempotency_key')
      .values({
        principal: `user:${await adminId()}`,
        key,
        method: 'POST',
        route: '/api/v1/tickets',
        body_hash: bodyHash(body),
        request_id: randomUUID(),
      })
      .execute();
    const started = Date.now();
    const busy = await createTicket(admin, body, key);
    expect(busy.status).toBe(409);
    expect(errorCode(busy.body)).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await ticketsWithSubject(body.subject)).toBe(0);
  });
});

describe('Idempotency-Key in the OpenAPI', () => {
  type Operation = {
    parameters?: Array<{ in: string; name: string; description?: string }>;
    responses?: Record<string, unknown>;
  };
  type Spec = { paths: Record<string, Record<string, Operation>> };

  const documented = (op: Operation | undefined) =>
    !!op?.parameters?.some((p) => p.in === 'header' && p.name === KEY);

  it('documents the header on POST /api/v1/tickets', async () => {
    const spec = (await t().client().get<Spec>('/api/openapi.json')).body;
    const create = spec.paths['/api/v1/tickets']?.post;
    expect(documented(create)).toBe(true);
    expect(create?.parameters?.find((p) => p.name === KEY)?.description).toContain('24 hours');
    expect(documented(spec.paths['/api/portal/tickets']?.post)).toBe(true);
    expect(documented(spec.paths['/api/public/requests']?.post)).toBe(true);
    expect(documented(spec.paths['/api/v1/tickets/{id}/transition']?.post)).toBe(false);
  });

  it('every create (POST answering 201/202) takes the header, apart from the listed exceptions', async () => {
    const spec = (await t().client().get<Spec>('/api/openapi.json')).body;
    // Uploads: a multipart body cannot be compared before its file is read. Sign-up and password
    // mails create nothing the caller sees. An API token's answer is its secret, which must not be
    // kept in the database for a day to be replayed.
    const EXCEPTIONS = new Set([
      '/api/v1/customer-applications/{id}/attachments',
      '/api/v1/customers/{id}/documents',
      '/api/v1/customer-imports',
      '/api/v1/capas/{id}/attachments',
      '/api/v1/returns/{id}/attachments',
      '/api/v1/tickets/{id}/attachments',
      '/api/portal/tickets/{id}/attachments',
      '/api/portal/register',
      '/api/portal/password/forgot',
      '/api/v1/me/api-tokens',
    ]);
    const creates = Object.entries(spec.paths)
      .filter(
        ([, ops]) => ops.post?.responses && ('201' in ops.post.responses || '202' in ops.post.responses),
      )
      .map(([path]) => path);
    expect(creates.length).toBeGreaterThan(30);
    const missing = creates.filter((path) => !EXCEPTIONS.has(path) && !documented(spec.paths[path]?.post));
    expect(missing).toEqual([]);
    const needless = [...EXCEPTIONS].filter((path) => !creates.includes(path));
    expect(needless).toEqual([]);
  });
});
