import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CustomerDetail, CustomerListItem } from '../../../shared/schemas/customers.ts';
import { buildCustomer, buildPortalContact, buildTicket, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

const huadong = {
  name: '华东精密机械有限公司',
  shortName: '华东精密',
  address: '上海市嘉定区叶城路 1288 号',
  postalCode: '201800',
  phone: '021-59991234',
  bankName: '中国工商银行嘉定支行',
  bankAccount: '1001 2345 6789 0123 456',
  taxId: '91310114MA1GT12345',
  industry: '机械制造',
  region: '华东',
  source: '展会',
  annualSales: 3_800_000,
  salesYear: 2025,
  tags: ['轴承', '长期合作'],
  contacts: [
    {
      name: '赵敏',
      title: '采购经理',
      mobile: '13800138000',
      email: 'zhao.min@huadong.example',
      isPrimary: true,
    },
  ],
};

describe('customer file', () => {
  it('files a customer with contacts; bank account is stored only encrypted and revealed with an audit entry', async () => {
    const admin = await t().admin();
    const res = await admin.post<CustomerDetail>('/api/v1/customers', huadong);
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^KH\d{4}\d{5}$/);
    expect(res.body.lifecycle).toBe('active');
    expect(res.body.bankAccount).toBe('**** 3456');
    expect(res.body.contacts[0]).toMatchObject({ name: '赵敏', mobile: '13800138000', isPrimary: true });

    const raw = await sql<Record<string, unknown>>`SELECT * FROM customer WHERE id = ${res.body.id}`.execute(
      t().db,
    );
    const rawText = JSON.stringify(raw.rows[0]);
    expect(rawText).not.toContain('6789');
    expect(rawText).not.toContain('1001 2345');

    const reveal = await admin.post<{ value: string }>(`/api/v1/customers/${res.body.id}/reveal`, {
      field: 'bankAccount',
    });
    expect(reveal.body.value).toBe('1001 2345 6789 0123 456');
    const audit = await t()
      .db.selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'customer')
      .where('entity_id', '=', String(res.body.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['customer.create', 'customer.reveal']),
    );
    expect(JSON.stringify(audit)).not.toContain('6789');
  });

  it('masks phones and emails for roles without "view sensitive", who also cannot reveal', async () => {
    const created = await buildCustomer(t(), { ...huadong, name: '华北重工', taxId: null });
    const reader = await buildUser(t(), { permissions: ['customer.read'] });
    const seen = await reader.client.get<CustomerDetail>(`/api/v1/customers/${created.id}`);
    expect(seen.body.masked).toBe(true);
    expect(seen.body.phone).toBe('021****1234');
    expect(seen.body.contacts[0]?.mobile).toBe('138****8000');
    expect(seen.body.contacts[0]?.email).toBe('z***@huadong.example');
    const list = await reader.client.get<{ items: CustomerListItem[] }>('/api/v1/customers?q=华北');
    expect(list.body.items[0]?.phone).toBe('021****1234');
    expect(
      (await reader.client.post(`/api/v1/customers/${created.id}/reveal`, { field: 'bankAccount' })).status,
    ).toBe(403);
    const trusted = await buildUser(t(), { permissions: ['customer.read', 'customer.view_sensitive'] });
    const plain = await trusted.client.get<CustomerDetail>(`/api/v1/customers/${created.id}`);
    expect(plain.body.contacts[0]?.mobile).toBe('13800138000');
    expect(plain.body.bankAccount).toBe('**** 3456');
  });

  it('warns of possible duplicates by name, name without company suffix and tax id, and files anyway when told to', async () => {
    const admin = await t().admin();
    const first = await admin.post('/api/v1/customers', {
      name: '南方物流有限公司',
      taxId: '91440300MA5DXXXX01',
    });
    expect(first.status).toBe(201);
    const same = await admin.post<{ error: { details: { candidates: { matchedOn: string[] }[] } } }>(
      '/api/v1/customers',
      {
        name: '南方物流股份有限公司',
        taxId: '91440300MA5DXXXX01',
      },
    );
    expect(same.status).toBe(409);
    expect(errorCode(same.body)).toBe('CUSTOMER_POSSIBLE_DUPLICATE');
    expect(same.body.error.details.candidates[0]?.matchedOn).toEqual(['similar_name', 'tax_id']);
    const check = await admin.get<{ name: string }[]>(
      `/api/v1/customers/duplicates?name=${encodeURIComponent('南方物流有限公司')}`,
    );
    expect(check.body.map((c) => c.name)).toEqual(['南方物流有限公司']);
    const forced = await admin.post('/api/v1/customers', {
      name: '南方物流股份有限公司',
      allowDuplicate: true,
    });
    expect(forced.status).toBe(201);
  });

  it('merges a duplicate: requests, contacts and calls move; the duplicate is closed and points to the survivor', async () => {
    const admin = await t().admin();
    const keep = await buildCustomer(t(), { name: '西部电气', tags: ['电气'] });
    const dup = await buildCustomer(t(), {
      name: '西部电气有限公司',
      phone: '028-88886666',
      tags: ['重点'],
      contacts: [{ name: '钱多多', mobile: '13900139000' }],
    });
    const ticket = await buildTicket(t(), { subject: '报价咨询', contactId: dup.contacts[0]!.id });
    const merged = await admin.post<{ moved: Record<string, number> }>(`/api/v1/customers/${keep.id}/merge`, {
      sourceId: dup.id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.moved).toMatchObject({ ticket: 1, contact: 1 });
    const survivor = (await admin.get<CustomerDetail>(`/api/v1/customers/${keep.id}`)).body;
    expect(survivor.contacts.map((c) => c.name)).toEqual(['钱多多']);
    expect(survivor.phone).toBe('028-88886666');
    expect(survivor.tags.sort()).toEqual(['电气', '重点'].sort());
    expect(survivor.openTickets).toBe(1);
    const moved = await admin.get<{ customerId: number }>(`/api/v1/tickets/${ticket.id}`);
    expect(moved.body.customerId).toBe(keep.id);
    const old = (await admin.get<CustomerDetail>(`/api/v1/customers/${dup.id}`)).body;
    expect(old.mergedIntoId).toBe(keep.id);
    expect(errorCode((await admin.patch(`/api/v1/customers/${dup.id}`, { region: '西南' })).body)).toBe(
      'CUSTOMER_MERGED',
    );
    const list = await admin.get<{ items: CustomerListItem[] }>(
      `/api/v1/customers?q=${encodeURIComponent('西部电气')}`,
    );
    expect(list.body.items.map((c) => c.id)).toEqual([keep.id]);
    // A customer can be found by a contact's name, in either script.
    const byContact = await admin.get<{ items: CustomerListItem[] }>(
      `/api/v1/customers?q=${encodeURIComponent('錢多多')}`,
    );
    expect(byContact.body.items.map((c) => c.id)).toEqual([keep.id]);
  });
});

describe('class and lifecycle', () => {
  it('changes class with a reason (audited, classify permission) and moves the lifecycle only along allowed paths', async () => {
    const admin = await t().admin();
    const c = await buildCustomer(t(), { name: '东莞塑胶制品厂', lifecycle: 'prospect' });
    expect(c.lifecycle).toBe('prospect');
    const sales = await buildUser(t(), { permissions: ['customer.read', 'customer.update'] });
    expect(
      (
        await sales.client.post(`/api/v1/customers/${c.id}/class`, {
          class: 'A',
          reason: '年销售额超过 500 万',
        })
      ).status,
    ).toBe(403);
    const classed = await admin.post<CustomerDetail>(`/api/v1/customers/${c.id}/class`, {
      class: 'B',
      reason: '主要客户',
    });
    expect(classed.body).toMatchObject({ class: 'B', classReason: '主要客户' });

    const skip = await sales.client.post(`/api/v1/customers/${c.id}/lifecycle`, { to: 'active' });
    expect(errorCode(skip.body)).toBe('CUSTOMER_LIFECYCLE_NOT_ALLOWED');
    const noReason = await sales.client.post(`/api/v1/customers/${c.id}/lifecycle`, { to: 'lost' });
    expect(noReason.status).toBe(400);
    const lost = await sales.client.post<CustomerDetail>(`/api/v1/customers/${c.id}/lifecycle`, {
      to: 'lost',
      reason: '已转向竞争对手',
    });
    expect(lost.body).toMatchObject({ lifecycle: 'lost', lostReason: '已转向竞争对手' });
    const back = await sales.client.post<CustomerDetail>(`/api/v1/customers/${c.id}/lifecycle`, {
      to: 'active',
    });
    expect(back.body.lifecycle).toBe('active');
  });

  it('lists with filters and keyset pages that neither skip nor repeat', async () => {
    const admin = await t().admin();
    for (let i = 0; i < 23; i++)
      await buildCustomer(t(), {
        name: `分页测试客户${String(i).padStart(2, '0')}`,
        region: i % 2 ? '华南' : '华北',
      });
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { body: { items: CustomerListItem[]; nextCursor: string | null } } = await admin.get(
        `/api/v1/customers?q=${encodeURIComponent('分页测试')}&sort=name&limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.body.items.map((c) => c.name));
      cursor = page.body.nextCursor;
    }
    expect(seen).toHaveLength(23);
    expect([...seen].sort()).toEqual(seen);
    const south = await admin.get<{ items: CustomerListItem[] }>(
      `/api/v1/customers?q=${encodeURIComponent('分页测试')}&region=${encodeURIComponent('华南')}&limit=100`,
    );
    expect(south.body.items).toHaveLength(11);
  });
});

describe('customers and the portal', () => {
  it("a portal contact reaches no customer file — not even their own company's — and sees only their own requests", async () => {
    const { client: customer, customerId: ownId } = await buildPortalContact(t(), {
      name: '钱女士',
      email: 'qian@portal-scope.example',
      company: '门户范围测试公司',
    });
    const other = await buildCustomer(t(), { name: '别家客户有限公司' });
    for (const path of [
      `/api/v1/customers/${ownId}`,
      `/api/v1/customers/${other.id}`,
      '/api/v1/customers',
      `/api/v1/customers/${other.id}/timeline`,
      `/api/v1/customers/${other.id}/contacts`,
    ])
      expect((await customer.get(path)).status, path).toBe(401);
    const mine = await customer.get<{ items: unknown[] }>('/api/portal/tickets');
    expect(mine.status).toBe(200);
  });
});
