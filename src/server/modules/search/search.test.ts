import { describe, expect, it } from 'vitest';
import type { GlobalSearchResult, SearchKind } from '../../../shared/schemas/search.ts';
import type { ApiClient } from '../../test/api-client.ts';
import {
  buildArticle,
  buildCapa,
  buildComplaint,
  buildContact,
  buildCustomer,
  buildReturn,
  buildTicket,
  buildUser,
  unique,
} from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

/** The ids the global search finds, per kind. */
async function found(
  client: ApiClient | undefined,
  q: string,
): Promise<Partial<Record<SearchKind, number[]>>> {
  const res = await (client ?? (await t().admin())).get<GlobalSearchResult>(
    `/api/v1/search?q=${encodeURIComponent(q)}`,
  );
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.groups.map((g) => [g.kind, g.items.map((i) => i.id)]));
}

describe('global search (header, Ctrl+K)', () => {
  it('finds a contact and its customer by phone number in any format, and by pinyin full and initials', async () => {
    const customer = await buildCustomer(t(), { name: `鸿运达精密机械有限公司${unique()}` });
    const contact = await buildContact(t(), {
      customerId: customer.id,
      name: '欧阳建华',
      mobile: '+86 139 2468 1357',
    });
    for (const q of [
      '13924681357',
      '139-2468-1357',
      '+86 139 2468 1357',
      '0086 13924681357',
      '139 2468 1357',
    ]) {
      expect((await found(undefined, q)).contact, q).toContain(contact.id);
    }
    for (const q of ['ouyangjianhua', 'oyjh', 'jianhua', 'ouyang']) {
      expect((await found(undefined, q)).contact, q).toContain(contact.id);
    }
    for (const q of ['hongyunda', 'hyd', 'hydjmjx', 'jingmi', '鸿运达']) {
      expect((await found(undefined, q)).customer, q).toContain(customer.id);
    }
    // Traditional characters find the Simplified name.
    expect((await found(undefined, '鴻運達')).customer).toContain(customer.id);
  });

  it('finds a request by its contact’s name, pinyin and phone, and again after the contact is renamed', async () => {
    const customer = await buildCustomer(t());
    const contact = await buildContact(t(), {
      customerId: customer.id,
      name: '司马懿',
      phone: '021-6543 2109',
    });
    const ticket = await buildTicket(t(), {
      customerId: customer.id,
      contactId: contact.id,
      subject: '发票抬头有误',
    });
    for (const q of ['司马懿', 'simayi', 'smy', '02165432109', '(021) 6543-2109', '65432109']) {
      expect((await found(undefined, q)).ticket, q).toContain(ticket.id);
    }
    const list = await (await t().admin()).get<{ items: { id: number }[] }>(
      `/api/v1/tickets?q=${encodeURIComponent('司马懿')}`,
    );
    expect(list.body.items.map((i) => i.id)).toContain(ticket.id);

    const renamed = await (await t().admin()).patch(`/api/v1/contacts/${contact.id}`, { name: '诸葛亮' });
    expect(renamed.status).toBe(200);
    expect((await found(undefined, 'zhugeliang')).ticket).toContain(ticket.id);
    expect((await found(undefined, 'simayi')).ticket ?? []).not.toContain(ticket.id);
  });

  it('finds CAPA by its problem and causes, returns by reason and product, complaints by content, articles by text', async () => {
    const capa = await buildCapa(t(), {
      title: `冷凝器焊缝渗漏${unique()}`,
      problem: '第三批冷凝器氦检发现焊缝微漏',
      whyChain: ['焊缝气孔', '保护气体流量不足'],
      rootCause: '氩气减压阀老化',
    });
    const notice = await buildReturn(t(), {
      reason: '轴承游隙超差，客户整批退回',
      items: [{ product: '圆锥滚子轴承', spec: '30205', unit: '个', quantity: 40 }],
    });
    const complaint = await buildComplaint(t(), { content: '变速箱异响并伴随漏油' });
    const article = await buildArticle(t(), { title: '如何更换减压阀', status: 'published' });

    expect((await found(undefined, '减压阀')).capa).toContain(capa.id);
    expect((await found(undefined, '保护气体')).capa).toContain(capa.id);
    expect((await found(undefined, '游隙超差')).return).toContain(notice.id);
    expect((await found(undefined, '圆锥滚子')).return).toContain(notice.id);
    expect((await found(undefined, '變速箱異響')).complaint).toContain(complaint.id);
    expect((await found(undefined, '减压阀')).kb_article).toContain(article.id);

    // The lists' own search boxes use the same index.
    const capas = await (await t().admin()).get<{ items: { id: number }[] }>(
      `/api/v1/capas?q=${encodeURIComponent('氩气')}`,
    );
    expect(capas.body.items.map((c) => c.id)).toEqual([capa.id]);
    const returns = await (await t().admin()).get<{ items: { id: number }[] }>(
      `/api/v1/returns?q=${encodeURIComponent('圆锥滚子轴承')}`,
    );
    expect(returns.body.items.map((r) => r.id)).toEqual([notice.id]);
  });

  it('searches the call log by the number in any format and by the notes', async () => {
    const admin = await t().admin();
    const call = await admin.post<{ id: number }>('/api/v1/calls', {
      direction: 'inbound',
      number: '+86 137-1122-3344',
      purpose: '催问交期',
      notes: '客户要求周五前送达备用滤芯',
    });
    expect(call.status).toBe(201);
    for (const q of ['13711223344', '137 1122 3344', '3344', '备用滤芯']) {
      const list = await admin.get<{ items: { id: number }[] }>(`/api/v1/calls?q=${encodeURIComponent(q)}`);
      expect(
        list.body.items.map((c) => c.id),
        q,
      ).toContain(call.body.id);
    }
    const none = await admin.get<{ items: unknown[] }>(
      `/api/v1/calls?q=${encodeURIComponent('13711229999')}`,
    );
    expect(none.body.items).toEqual([]);
  });

  it('keeps to each kind’s permission and scope: an agent does not find another agent’s request', async () => {
    const [alice, bob] = [
      await buildUser(t(), { roles: ['agent'] }),
      await buildUser(t(), { roles: ['agent'] }),
    ];
    const tag = `密封圈${unique()}`;
    const bobs = await buildTicket(t(), { subject: `${tag} 泄漏`, assigneeId: bob.userId });
    expect((await found(bob.client, tag)).ticket).toEqual([bobs.id]);
    const aliceSees = await found(alice.client, tag);
    expect(aliceSees.ticket).toEqual([]);
    // Kinds without the read permission are left out, not reported as forbidden.
    expect(Object.keys(aliceSees)).not.toContain('capa');
    expect(Object.keys(aliceSees)).not.toContain('return');

    const anonymous = await t().client().get('/api/v1/search?q=x');
    expect(anonymous.status).toBe(401);
    expect((await (await t().admin()).get('/api/v1/search?q=')).status).toBe(400);
  });
});
