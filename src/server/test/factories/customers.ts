import type {
  ContactView,
  CustomerDetail,
  contactCreate,
  customerCreate,
} from '../../../shared/schemas/customers.ts';
import type { TestApp } from '../test-app.ts';
import { type Input, read, send, unique } from './api.ts';

/** Customers and their contacts. */

/**
 * A customer on file through the customer form: by default admitted (active) with credit II, 100 000 and
 * 45 days, so credit changes and returns can start from it (a prospect has no credit); a duplicate name
 * is allowed.
 */
export async function buildCustomer(
  t: TestApp,
  overrides: Partial<Input<typeof customerCreate>> = {},
): Promise<CustomerDetail> {
  const admitted = (overrides.lifecycle ?? 'active') === 'active';
  return send<CustomerDetail>(t, undefined, '/api/v1/customers', {
    name: `测试客户${unique()}`,
    ...(admitted ? { creditLevel: 'II', creditLimit: 100_000, creditPeriodDays: 45 } : {}),
    allowDuplicate: true,
    ...overrides,
  });
}

/**
 * A contact of a customer, added on the customer file. `customerId: null` is a person not yet linked to
 * any customer (as a first email or a portal invitation finds them) and is written straight in the table.
 */
export async function buildContact(
  t: TestApp,
  spec: { customerId: number | null } & Partial<Input<typeof contactCreate>>,
): Promise<ContactView> {
  const { customerId, ...contact } = spec;
  const body = { name: `联系人${unique()}`, ...contact };
  if (customerId !== null)
    return send<ContactView>(t, undefined, `/api/v1/customers/${customerId}/contacts`, body);
  const row = await t.db
    .insertInto('contact')
    .values({
      name: body.name,
      email: body.email ?? null,
      phone: body.phone ?? null,
      mobile: body.mobile ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return read<ContactView>(t, undefined, `/api/v1/contacts/${row.id}`);
}
