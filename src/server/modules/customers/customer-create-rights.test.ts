import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../shared/errors.ts';
import type { CustomerDetail } from '../../../shared/schemas/customers.ts';
import { buildUser, unique } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

/**
 * Filing a customer sets only what the filer may set: admission (an active customer), class and credit
 * each have their own approval, so a salesperson's new customer is a prospect without class or credit.
 */
describe('what filing a customer may set', () => {
  const restricted = [
    { field: 'lifecycle', body: { lifecycle: 'active' }, permission: 'admission.approve' },
    { field: 'class', body: { class: 'A' }, permission: 'customer.classify' },
    { field: 'creditLevel', body: { creditLevel: 'I' }, permission: 'credit.approve' },
    { field: 'creditLimit', body: { creditLimit: 99_999_999_999 }, permission: 'credit.approve' },
    { field: 'creditPeriodDays', body: { creditPeriodDays: 365 }, permission: 'credit.approve' },
  ] as const;

  for (const { field, body, permission } of restricted) {
    it(`refuses ${field} from a salesperson without ${permission}, and files nothing`, async () => {
      const sales = await buildUser(t(), { roles: ['sales'] });
      const name = `越权客户${unique()}`;
      const res = await sales.client.post<ApiErrorBody>('/api/v1/customers', {
        name,
        allowDuplicate: true,
        ...body,
      });
      expect(res.status).toBe(403);
      expect(errorCode(res.body)).toBe('CUSTOMER_FIELD_NEEDS_APPROVAL');
      expect(res.body.error.details).toMatchObject({ field, permission });
      const stored = await t().db.selectFrom('customer').select('id').where('name', '=', name).execute();
      expect(stored).toEqual([]);
    });
  }

  it('files a salesperson’s customer as a prospect without class or credit', async () => {
    const sales = await buildUser(t(), { roles: ['sales'] });
    const res = await sales.client.post<CustomerDetail>('/api/v1/customers', {
      name: `新客户${unique()}`,
      allowDuplicate: true,
      class: null,
      creditLevel: null,
      creditLimit: null,
      creditPeriodDays: null,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      lifecycle: 'prospect',
      class: null,
      creditLevel: null,
      creditLimit: null,
      creditPeriodDays: null,
    });
    const prospect = await sales.client.post<CustomerDetail>('/api/v1/customers', {
      name: `新客户${unique()}`,
      allowDuplicate: true,
      lifecycle: 'prospect',
    });
    expect(prospect.status).toBe(201);
    expect(prospect.body.lifecycle).toBe('prospect');
  });

  it('lets whoever holds the approving permissions back-file an admitted customer with class and credit', async () => {
    const approver = await buildUser(t(), {
      permissions: [
        'customer.read',
        'customer.create',
        'admission.approve',
        'customer.classify',
        'credit.approve',
      ],
    });
    const res = await approver.client.post<CustomerDetail>('/api/v1/customers', {
      name: `老客户${unique()}`,
      allowDuplicate: true,
      class: 'A',
      creditLevel: 'I',
      creditLimit: 500_000,
      creditPeriodDays: 60,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      lifecycle: 'active',
      class: 'A',
      creditLevel: 'I',
      creditLimit: 500_000,
      creditPeriodDays: 60,
    });
  });
});
