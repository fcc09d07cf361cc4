import type { Kysely, Updateable } from 'kysely';
import type {
  CustomerCreate,
  CustomerListQuery,
  CustomerUpdate,
  Lifecycle,
} from '../../../shared/schemas/customers.ts';
import { open, seal } from '../../crypto/secret-box.ts';
import type { Database } from '../../db/database.ts';
import type { Customer, DB } from '../../db/schema.ts';
import { searchWithPlanGuard } from '../../db/search-plan.ts';
import { AppError, isUniqueViolation, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import { checkFieldValues } from '../ticket-config/custom-fields.ts';
import { listContacts } from './contacts.queries.ts';
import { insertContact } from './contacts.service.ts';
import { customerFields } from './customer-fields.service.ts';
import {
  defaultLifecycleOf,
  maySeeSensitive,
  requireMaySetOnCreate,
  requireVisible,
  scopeOf,
} from './customers.policy.ts';
import { presentContact, presentCustomer } from './customers.presenter.ts';
import {
  findCustomerRow,
  findSecrets,
  insertCustomerRow,
  lockCustomer,
  updateCustomerRow,
} from './customers.queries.ts';
import {
  customerCursor,
  findDuplicates,
  listCustomers as listCustomerRows,
  reindexCustomer,
  topValues,
} from './customers-search.queries.ts';

/**
 * The customer file: listing, reading, filing, editing and revealing a sealed number. Class and lifecycle
 * changes are in customers-lifecycle.service.ts, merging duplicates in customers-merge.service.ts.
 */

const last4 = (v: string | null | undefined) => (v ? v.replace(/\s/g, '').slice(-4) : null);

/** Column values of the editable fields present in `input`; secrets sealed, their last four kept. */
function columnsOf(input: CustomerUpdate): Updateable<Customer> {
  const c: Updateable<Customer> = {};
  const set = <K extends keyof Updateable<Customer>>(key: K, value: Updateable<Customer>[K] | undefined) => {
    if (value !== undefined) c[key] = value;
  };
  set('kind', input.kind);
  set('name', input.name);
  set('short_name', input.shortName);
  set('address', input.address);
  set('postal_code', input.postalCode);
  set('phone', input.phone);
  set('fax', input.fax);
  set('email', input.email);
  set('website', input.website);
  set('bank_name', input.bankName);
  set('tax_id', input.taxId);
  set('industry', input.industry);
  set('region', input.region);
  set('source', input.source);
  set('annual_sales', input.annualSales === undefined ? undefined : (input.annualSales?.toString() ?? null));
  set('sales_year', input.salesYear);
  set('tags', input.tags);
  set('notes', input.notes);
  set('owner_user_id', input.ownerUserId);
  set('advisor_user_id', input.advisorUserId);
  set('partner_since', input.partnerSince);
  if (input.customFields !== undefined) c.custom_fields = JSON.stringify(input.customFields);
  if (input.code) c.code = input.code;
  if (input.bankAccount !== undefined) {
    c.bank_account_enc = input.bankAccount ? seal(input.bankAccount) : null;
    c.bank_account_last4 = last4(input.bankAccount);
  }
  if (input.idNumber !== undefined) {
    c.id_number_enc = input.idNumber ? seal(input.idNumber) : null;
    c.id_number_last4 = last4(input.idNumber);
  }
  return c;
}

/** What the audit trail keeps of a change: never the plain bank account or ID number. */
function auditable(c: Updateable<Customer>): Record<string, unknown> {
  const { bank_account_enc, id_number_enc, search_terms, ...rest } = c;
  return {
    ...rest,
    ...(bank_account_enc !== undefined
      ? { bank_account: c.bank_account_last4 ? `****${c.bank_account_last4}` : null }
      : {}),
    ...(id_number_enc !== undefined
      ? { id_number: c.id_number_last4 ? `****${c.id_number_last4}` : null }
      : {}),
  };
}

function codeTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('CODE_TAKEN', { field: 'code' });
  throw error;
}

/** One page (limit + 1 rows) of the customers the actor may list. */
export function listCustomers(db: Kysely<DB>, actor: Actor, query: CustomerListQuery) {
  return listCustomerRows(db, scopeOf(actor), query, actor.userId);
}

/**
 * One page of the customers the actor may list, masked as for the actor, with the cursor to continue. A
 * search goes through the plan guard.
 */
export async function customerPage(db: Kysely<DB>, actor: Actor, query: CustomerListQuery) {
  const list = (conn: Kysely<DB>) => listCustomers(conn, actor, query);
  const rows = query.q ? await searchWithPlanGuard(db, list) : await list(db);
  const show = maySeeSensitive(actor);
  return pageOf(
    rows,
    query.limit,
    (r) => presentCustomer(r, show),
    (r) => customerCursor(r, query.sort),
  );
}

/**
 * Live customers that may be the same company or person as the probe (every `customer.read` holder may
 * check; merged customers are left out).
 */
export function findDuplicateCustomers(
  db: Kysely<DB>,
  probe: Parameters<typeof findDuplicates>[1],
  excludeId?: number,
) {
  return findDuplicates(db, probe, excludeId);
}

/** The customer file with its contacts, masked as for the actor; a merged customer stays reachable. */
export async function loadCustomerDetail(db: Kysely<DB>, actor: Actor, id: number) {
  const row = requireVisible(actor, await findCustomerRow(db, id));
  const sensitive = maySeeSensitive(actor);
  const contacts = await listContacts(db, id);
  return {
    ...presentCustomer(row, sensitive),
    contacts: contacts.map((c) => presentContact(c, sensitive)),
  };
}

/** The values in use, most frequent first, for the list filters and the form's suggestions. */
export async function customerFacets(db: Kysely<DB>) {
  return {
    regions: await topValues(db, 'region'),
    industries: await topValues(db, 'industry'),
    sources: await topValues(db, 'source'),
  };
}

/** Files a customer (with its first contacts) inside the caller's transaction; the admission flow uses it too. */
export async function insertCustomer(
  trx: Kysely<DB>,
  ctx: RequestContext,
  input: CustomerCreate,
  options: { lifecycle?: Lifecycle; requireFields?: boolean } = {},
): Promise<number> {
  // Required custom fields are asked for on the customer form; admission files the customer without them.
  const columns = columnsOf({
    ...input,
    customFields: checkFieldValues(
      await customerFields(trx, true),
      input.customFields,
      options.requireFields ?? false,
    ),
  });
  const code = input.code || (await nextRecordNumber(trx, 'customer'));
  const lifecycle = options.lifecycle ?? input.lifecycle ?? 'prospect';
  const id = await insertCustomerRow(trx, {
    ...columns,
    code,
    name: input.name,
    class: input.class ?? null,
    class_changed_at: input.class ? new Date() : null,
    credit_level: input.creditLevel ?? null,
    credit_limit: input.creditLimit?.toString() ?? null,
    credit_period_days: input.creditPeriodDays ?? null,
    lifecycle,
    lifecycle_changed_at: new Date(),
    created_by: ctx.actor.userId,
    last_activity_at: new Date(),
  });
  for (const contact of input.contacts) await insertContact(trx, id, contact);
  await reindexCustomer(trx, id);
  await recordAudit(trx, ctx, {
    action: 'customer.create',
    entityType: 'customer',
    entityId: id,
    entityLabel: input.name,
    after: {
      ...auditable(columns),
      code,
      lifecycle,
      class: input.class ?? null,
      credit_level: input.creditLevel ?? null,
    },
  });
  return id;
}

export async function createCustomer(db: Database, ctx: RequestContext, input: CustomerCreate) {
  requireMaySetOnCreate(ctx.actor, input);
  const filed = { ...input, lifecycle: input.lifecycle ?? defaultLifecycleOf(ctx.actor) };
  if (!input.allowDuplicate) {
    const candidates = await findDuplicates(db, input);
    if (candidates.length > 0) throw new AppError('CUSTOMER_POSSIBLE_DUPLICATE', { candidates });
  }
  try {
    return await db.transaction().execute((trx) => insertCustomer(trx, ctx, filed, { requireFields: true }));
  } catch (error) {
    codeTaken(error);
  }
}

/** The customer, locked for a change; 404 when there is none, CUSTOMER_MERGED when it was merged away. */
export async function lockLive(trx: Kysely<DB>, id: number) {
  const current = await lockCustomer(trx, id);
  if (!current) throw notFound();
  if (current.merged_into_id) throw new AppError('CUSTOMER_MERGED', { mergedIntoId: current.merged_into_id });
  return current;
}

/** Applies an edit inside the caller's transaction (the admission flow edits a draft's customer this way). */
export async function applyCustomerUpdate(
  trx: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  input: CustomerUpdate,
) {
  const before = await lockLive(trx, id);
  let customFields: CustomerUpdate['customFields'];
  if (input.customFields !== undefined) {
    const active = await customerFields(trx, true);
    const activeKeys = new Set(active.map((f) => f.key));
    // Values of fields switched off since are kept: the form cannot send them back.
    const kept = Object.fromEntries(
      Object.entries((before.custom_fields ?? {}) as Record<string, string | number | null>).filter(
        ([key]) => !activeKeys.has(key),
      ),
    );
    customFields = { ...kept, ...checkFieldValues(active, input.customFields) };
  }
  const columns = columnsOf(customFields === undefined ? input : { ...input, customFields });
  if (Object.keys(columns).length === 0) return;
  await updateCustomerRow(trx, id, columns);
  await reindexCustomer(trx, id);
  const changed = auditable(columns);
  const previous = Object.fromEntries(
    Object.keys(changed).map((k) => [k, k in before ? before[k as keyof typeof before] : undefined]),
  );
  if ('bank_account' in changed)
    previous.bank_account = before.bank_account_last4 ? `****${before.bank_account_last4}` : null;
  if ('id_number' in changed)
    previous.id_number = before.id_number_last4 ? `****${before.id_number_last4}` : null;
  await recordAudit(trx, ctx, {
    action: 'customer.update',
    entityType: 'customer',
    entityId: id,
    entityLabel: before.name,
    before: previous,
    after: changed,
  });
}

export async function updateCustomer(db: Database, ctx: RequestContext, id: number, input: CustomerUpdate) {
  try {
    await db.transaction().execute((trx) => applyCustomerUpdate(trx, ctx, id, input));
  } catch (error) {
    codeTaken(error);
  }
}

/** Shows one encrypted number in full; each reveal is in the audit trail. */
export async function revealField(
  db: Database,
  ctx: RequestContext,
  id: number,
  field: 'bankAccount' | 'idNumber',
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const row = await findSecrets(trx, id);
    if (!row) throw notFound();
    const sealed = field === 'bankAccount' ? row.bank_account_enc : row.id_number_enc;
    await recordAudit(trx, ctx, {
      action: 'customer.reveal',
      entityType: 'customer',
      entityId: id,
      entityLabel: row.name,
      changes: [{ field, before: null, after: 'revealed' }],
    });
    return sealed ? open(sealed) : null;
  });
}
