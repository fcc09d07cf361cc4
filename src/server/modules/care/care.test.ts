import { describe, expect, it } from 'vitest';
import { buildCustomer, buildUser } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { orgToday } from '../key-accounts/key-accounts.presenter.ts';
import { sendCareGreetings } from './care.jobs.ts';

const t = setupTestApp();

const shift = (date: string, days: number, years = 0) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};

describe('customer care', () => {
  it('greets contacts the day before their birthday, by class and channel, once; contacts without an address are recorded as skipped', async () => {
    const admin = await t().admin();
    const today = await orgToday(t().db);
    const tomorrow = shift(today, 1, 30);
    const a = await buildCustomer(t(), {
      name: '关怀测试甲公司',
      class: 'A',
      contacts: [
        { name: '郑秀', email: 'zheng.xiu@care-a.example', birthday: tomorrow },
        { name: '韩梅', mobile: '13500135000', birthday: tomorrow },
      ],
    });
    await buildCustomer(t(), {
      name: '关怀测试丙公司',
      class: 'C',
      contacts: [{ name: '曹操', email: 'cao@care-c.example', birthday: tomorrow }],
    });
    const rule = await admin.post('/api/v1/care-rules', {
      name: '客户生日祝福',
      event: 'birthday',
      channel: 'email',
      daysBefore: 1,
      classes: ['A', 'B'],
      gift: '生日蛋糕券',
    });
    expect(rule.status).toBe(201);
    expect(await sendCareGreetings(t().db)).toEqual({ queued: 1, skipped: 1 });
    expect(await sendCareGreetings(t().db)).toEqual({ queued: 0, skipped: 0 });
    const mail = await t()
      .db.selectFrom('outbound_message')
      .select(['recipient', 'subject', 'body'])
      .where('template_key', '=', 'care.birthday')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ recipient: 'zheng.xiu@care-a.example', subject: '生日快乐，郑秀！' });
    const events = await admin.get<{
      items: { contactName: string; status: string; skipReason: string | null; gift: string }[];
    }>(`/api/v1/care-events?customerId=${a.id}`);
    expect(events.body.items.map((e) => [e.contactName, e.status, e.skipReason, e.gift]).sort()).toEqual([
      ['郑秀', 'queued', null, '生日蛋糕券'],
      ['韩梅', 'skipped', 'no email', '生日蛋糕券'],
    ]);
  });

  it('thanks customers on the anniversary of the partnership and greets everyone on a holiday by SMS', async () => {
    const admin = await t().admin();
    const today = await orgToday(t().db);
    await buildCustomer(t(), {
      name: '周年客户有限公司',
      class: 'B',
      partnerSince: shift(today, 0, 5),
      contacts: [{ name: '冯远', email: 'feng.yuan@anniv.example', mobile: '13300133000', isPrimary: true }],
    });
    await admin.post('/api/v1/care-rules', {
      name: '合作周年致谢',
      event: 'anniversary',
      channel: 'email',
      classes: ['B'],
    });
    const undated = await admin.post('/api/v1/care-rules', {
      name: '春节',
      event: 'holiday',
      channel: 'sms',
    });
    expect(undated.status).toBe(400);
    await admin.post('/api/v1/care-rules', {
      name: '中秋节',
      event: 'holiday',
      holidayOn: today,
      channel: 'sms',
      classes: ['B'],
    });
    await sendCareGreetings(t().db);
    const sent = await t()
      .db.selectFrom('outbound_message')
      .select(['template_key', 'recipient', 'body'])
      .where('template_key', 'in', ['care.anniversary', 'care.holiday'])
      .where('recipient', 'in', ['feng.yuan@anniv.example', '13300133000'])
      .orderBy('template_key')
      .execute();
    expect(sent.map((s) => s.template_key)).toEqual(['care.anniversary', 'care.holiday']);
    expect(sent[0]!.body).toContain('合作已满 5 年');
    expect(sent[1]!.body).toContain('中秋节将至');
  });

  it('records a gift given by hand on the customer timeline', async () => {
    const admin = await t().admin();
    const c = await buildCustomer(t(), { name: '送礼记录客户', class: 'A' });
    const gift = await admin.post(`/api/v1/customers/${c.id}/care-events`, {
      event: 'gift',
      occasionOn: await orgToday(t().db),
      gift: '中秋月饼礼盒',
      giftCost: 298,
    });
    expect(gift.status).toBe(201);
    const timeline = await admin.get<{ items: { kind: string; subtype: string; detail: string }[] }>(
      `/api/v1/customers/${c.id}/timeline?kinds=care`,
    );
    expect(timeline.body.items[0]).toMatchObject({ kind: 'care', subtype: 'gift', detail: '中秋月饼礼盒' });
    const agent = await buildUser(t(), { permissions: ['customer.read'] });
    expect(
      (
        await agent.client.post(`/api/v1/customers/${c.id}/care-events`, {
          event: 'gift',
          occasionOn: '2026-01-01',
        })
      ).status,
    ).toBe(403);
  });
});
