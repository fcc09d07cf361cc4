import type { Kysely } from 'kysely';
import { columnForHeader } from '../../../shared/customer-columns.ts';
import type { Locale } from '../../../shared/locale.ts';
import { localise } from '../../../shared/localise.ts';
import { type CustomerCreate, customerCreate } from '../../../shared/schemas/customers.ts';
import { seal } from '../../crypto/secret-box.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { contactTerms } from '../../search/documents.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nextRecordNumbers } from '../organisation/record-numbers.ts';
import {
  existingCustomers,
  insertImportedContacts,
  insertImportedCustomers,
} from './customer-import.queries.ts';
import { defaultLifecycleOf, fieldsNeedingApproval } from './customers.policy.ts';
import { CUSTOMERS_TEXTS } from './customers.texts.ts';
import { customerSearchText } from './customers-search.queries.ts';

export const MAX_IMPORT_ROWS = 20_000;

export interface RowProblem {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  column: string | null;
  message: string;
}

export interface CheckedRow {
  row: number;
  input: CustomerCreate;
  existingCode: string | null;
}

const KINDS: Record<string, 'company' | 'individual'> = {
  企业: 'company',
  公司: 'company',
  企業: 'company',
  company: 'company',
  个人: 'individual',
  個人: 'individual',
  individual: 'individual',
};

/** A number as a spreadsheet cell writes it (thousands separators, spaces); '' is no value. */
const parseNumber = (v: string) => (v === '' ? null : Number(v.replace(/[,，\s]/g, '')));

/** Turns sheet rows into customer inputs, reporting every problem by row and column; nothing is written. */
export async function checkRows(
  db: Kysely<DB>,
  actor: Actor,
  sheet: string[][],
  locale: Locale,
): Promise<{ rows: CheckedRow[]; problems: RowProblem[] }> {
  const [header = [], ...body] = sheet;
  const columns = header.map((h) => columnForHeader(h));
  if (!columns.some((c) => c?.key === 'name'))
    return {
      rows: [],
      problems: [{ row: 1, column: null, message: localise(CUSTOMERS_TEXTS, 'importNoHeader', locale) }],
    };
  if (body.length > MAX_IMPORT_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });

  const problems: RowProblem[] = [];
  const rows: CheckedRow[] = [];
  const headerOf = (key: string) => header[columns.findIndex((c) => c?.key === key)] ?? key;
  body.forEach((cells, i) => {
    const rowNumber = i + 2;
    if (cells.every((c) => !c?.trim())) return;
    const v: Record<string, string> = {};
    columns.forEach((c, k) => {
      if (c && !c.exportOnly) v[c.key] = (cells[k] ?? '').trim();
    });
    let notNumbers = 0;
    const numeric = (key: string) => {
      const n = parseNumber(v[key] ?? '');
      if (n === null || !Number.isNaN(n)) return n;
      // Reported once as "must be a number"; the schema then sees no value there.
      problems.push({
        row: rowNumber,
        column: headerOf(key),
        message: localise(CUSTOMERS_TEXTS, 'importNumber', locale),
      });
      notNumbers++;
      return null;
    };
    const contact = v.contactName
      ? [
          {
            name: v.contactName,
            title: v.contactTitle,
            phone: v.contactPhone,
            mobile: v.contactMobile,
            email: v.contactEmail,
            isPrimary: true,
          },
        ]
      : [];
    const candidate = {
      code: v.code,
      name: v.name ?? '',
      kind: KINDS[(v.kind ?? '').toLowerCase()] ?? 'company',
      shortName: v.shortName,
      address: v.address,
      postalCode: v.postalCode,
      phone: v.phone,
      fax: v.fax,
      email: v.email,
      website: v.website,
      bankName: v.bankName,
      bankAccount: v.bankAccount,
      taxId: v.taxId,
      idNumber: v.idNumber,
      industry: v.industry,
      region: v.region,
      source: v.source,
      annualSales: numeric('annualSales'),
      salesYear: numeric('salesYear'),
      class: v.class ? v.class.toUpperCase() : null,
      creditLevel: v.creditLevel ? v.creditLevel.toUpperCase() : null,
      creditLimit: numeric('creditLimit'),
      creditPeriodDays: numeric('creditPeriodDays'),
      tags: (v.tags ?? '')
        .split(/[,，;；、]/)
        .map((t) => t.trim())
        .filter(Boolean),
      notes: v.notes,
      contacts: contact,
      allowDuplicate: true,
    };
    const parsed = customerCreate.safeParse(candidate);
    if (!parsed.success || notNumbers > 0) {
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        const key =
          path[0] === 'contacts'
            ? `contact${(path[2] ?? 'name').replace(/^./, (c) => c.toUpperCase())}`
            : (path[0] ?? '');
        const missing = issue.code === 'too_small' && candidate[path[0] as 'name'] === '';
        problems.push({
          row: rowNumber,
          column: headerOf(key),
          message: localise(CUSTOMERS_TEXTS, missing ? 'importRequired' : 'importInvalid', locale),
        });
      }
      return;
    }
    // Class and credit go through their approvals: only their approvers may import them.
    const refused = fieldsNeedingApproval(actor, parsed.data);
    for (const { field } of refused)
      problems.push({
        row: rowNumber,
        column: headerOf(field),
        message: localise(CUSTOMERS_TEXTS, 'importNeedsApproval', locale),
      });
    if (refused.length) return;
    rows.push({ row: rowNumber, input: parsed.data, existingCode: null });
  });

  // Duplicates inside the file, then against customers already on file (by name or tax id).
  const seen = new Map<string, number>();
  for (const r of rows) {
    for (const key of [`n:${r.input.name.toLowerCase()}`, r.input.taxId ? `t:${r.input.taxId}` : null]) {
      if (!key) continue;
      const first = seen.get(key);
      if (first)
        problems.push({
          row: r.row,
          column: headerOf(key.startsWith('n:') ? 'name' : 'taxId'),
          message: localise(CUSTOMERS_TEXTS, 'importDupInFile', locale, { n: first }),
        });
      else seen.set(key, r.row);
    }
  }
  const names = rows.map((r) => r.input.name.toLowerCase());
  const taxIds = rows.flatMap((r) => (r.input.taxId ? [r.input.taxId] : []));
  const codes = rows.flatMap((r) => (r.input.code ? [r.input.code] : []));
  const existing = rows.length === 0 ? [] : await existingCustomers(db, names, taxIds, codes);
  const byName = new Map(existing.map((e) => [e.name.toLowerCase(), e.code]));
  const byTax = new Map(existing.filter((e) => e.tax_id).map((e) => [e.tax_id!, e.code]));
  const byCode = new Set(existing.map((e) => e.code));
  for (const r of rows) {
    const code =
      byName.get(r.input.name.toLowerCase()) ??
      (r.input.taxId ? byTax.get(r.input.taxId) : undefined) ??
      (r.input.code && byCode.has(r.input.code) ? r.input.code : undefined);
    if (code) r.existingCode = code;
  }
  return { rows, problems };
}

/**
 * Files every checked row inside the caller's transaction (all or none): numbers, sealed secrets, contacts,
 * search terms, one audit entry.
 */
export async function importRows(
  trx: Kysely<DB>,
  ctx: RequestContext,
  rows: CheckedRow[],
  fileName: string,
): Promise<number[]> {
  const numbers = await nextRecordNumbers(trx, 'customer', rows.filter((r) => !r.input.code).length);
  let n = 0;
  const ids: number[] = [];
  const last4 = (v: string | null | undefined) => (v ? v.replace(/\s/g, '').slice(-4) : null);
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500).map(({ input: c }) => {
      const code = c.code || numbers[n++]!;
      const contact = c.contacts[0];
      return {
        code,
        name: c.name,
        kind: c.kind,
        short_name: c.shortName ?? null,
        address: c.address ?? null,
        postal_code: c.postalCode ?? null,
        phone: c.phone ?? null,
        fax: c.fax ?? null,
        email: c.email ?? null,
        website: c.website ?? null,
        bank_name: c.bankName ?? null,
        bank_account_enc: c.bankAccount ? seal(c.bankAccount) : null,
        bank_account_last4: last4(c.bankAccount),
        tax_id: c.taxId ?? null,
        id_number_enc: c.idNumber ? seal(c.idNumber) : null,
        id_number_last4: last4(c.idNumber),
        industry: c.industry ?? null,
        region: c.region ?? null,
        source: c.source ?? null,
        annual_sales: c.annualSales ?? null,
        sales_year: c.salesYear ?? null,
        class: c.class ?? null,
        credit_level: c.creditLevel ?? null,
        credit_limit: c.creditLimit ?? null,
        credit_period_days: c.creditPeriodDays ?? null,
        tags: c.tags,
        notes: c.notes ?? null,
        contact,
        terms: customerSearchText({
          ...c,
          code,
          short_name: c.shortName ?? null,
          tax_id: c.taxId ?? null,
          contactText: contact
            ? [contact.name, contact.phone, contact.mobile, contact.email].filter(Boolean).join(' ')
            : '',
        }),
      };
    });
    const inserted = await insertImportedCustomers(
      trx,
      chunk,
      ctx.actor.userId,
      defaultLifecycleOf(ctx.actor),
    );
    const idByCode = new Map(inserted.map((r) => [r.code, Number(r.id)]));
    const contacts = chunk.flatMap((c) =>
      c.contact
        ? [
            {
              customer_id: idByCode.get(c.code)!,
              ...c.contact,
              terms: contactTerms(c.contact),
            },
          ]
        : [],
    );
    if (contacts.length) await insertImportedContacts(trx, contacts);
    ids.push(...inserted.map((r) => Number(r.id)));
  }
  await recordAudit(trx, ctx, {
    action: 'customer.import',
    entityType: 'customer',
    entityId: null,
    entityLabel: fileName,
    after: { count: ids.length, fileName, ids },
  });
  return ids;
}
