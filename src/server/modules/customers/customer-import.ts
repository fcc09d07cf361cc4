import { type Kysely, sql } from 'kysely';
import { columnForHeader } from '../../../shared/customer-columns.ts';
import type { Locale } from '../../../shared/locale.ts';
import { type CustomerCreate, customerCreate } from '../../../shared/schemas/customers.ts';
import { seal } from '../../crypto/secret-box.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { indexTerms } from '../../search/text-search.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nextRecordNumbers } from '../organisation/record-numbers.ts';
import { customerSearchText } from './customers.queries.ts';

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

const MESSAGES = {
  required: { 'zh-CN': '必填', 'zh-TW': '必填', en: 'required' },
  invalid: { 'zh-CN': '格式不正确', 'zh-TW': '格式不正確', en: 'not valid' },
  number: { 'zh-CN': '应为数字', 'zh-TW': '應為數字', en: 'must be a number' },
  dupInFile: { 'zh-CN': '与第 {n} 行重复', 'zh-TW': '與第 {n} 行重複', en: 'same as row {n}' },
  exists: { 'zh-CN': '已有客户 {code}', 'zh-TW': '已有客戶 {code}', en: 'customer {code} already exists' },
  noHeader: {
    'zh-CN': '第一行应为表头，未找到“客户名称”列',
    'zh-TW': '第一行應為表頭，未找到「客戶名稱」欄',
    en: 'The first row must be the header with a “Name” column',
  },
} as const;

const num = (v: string) => (v === '' ? null : Number(v.replace(/[,，\s]/g, '')));

/** Turns sheet rows into customer inputs, reporting every problem by row and column; nothing is written. */
export async function checkRows(
  db: Kysely<DB>,
  sheet: string[][],
  locale: Locale,
): Promise<{ rows: CheckedRow[]; problems: RowProblem[] }> {
  const [header = [], ...body] = sheet;
  const columns = header.map((h) => columnForHeader(h));
  if (!columns.some((c) => c?.key === 'name'))
    return { rows: [], problems: [{ row: 1, column: null, message: MESSAGES.noHeader[locale] }] };
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
      const n = num(v[key] ?? '');
      if (n === null || !Number.isNaN(n)) return n;
      // Reported once as "must be a number"; the schema then sees no value there.
      problems.push({ row: rowNumber, column: headerOf(key), message: MESSAGES.number[locale] });
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
          message: missing ? MESSAGES.required[locale] : MESSAGES.invalid[locale],
        });
      }
      return;
    }
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
          message: MESSAGES.dupInFile[locale].replace('{n}', String(first)),
        });
      else seen.set(key, r.row);
    }
  }
  const names = rows.map((r) => r.input.name.toLowerCase());
  const taxIds = rows.flatMap((r) => (r.input.taxId ? [r.input.taxId] : []));
  const codes = rows.flatMap((r) => (r.input.code ? [r.input.code] : []));
  const existing =
    rows.length === 0
      ? []
      : await db
          .selectFrom('customer')
          .select(['code', 'name', 'tax_id'])
          .where('merged_into_id', 'is', null)
          .where((eb) =>
            eb.or([
              eb(sql<string>`lower(name)`, '=', sql<string>`ANY(${names}::text[])`),
              ...(taxIds.length ? [eb('tax_id', '=', sql<string>`ANY(${taxIds}::text[])`)] : []),
              ...(codes.length ? [eb('code', '=', sql<string>`ANY(${codes}::text[])`)] : []),
            ]),
          )
          .execute();
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

/** Files every checked row in one transaction (or none): numbers, sealed secrets, contacts, search terms, one audit entry. */
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
    const inserted = await sql<{ id: number; code: string }>`
      INSERT INTO customer (code, name, kind, short_name, address, postal_code, phone, fax, email, website, bank_name,
        bank_account_enc, bank_account_last4, tax_id, id_number_enc, id_number_last4, industry, region, source,
        annual_sales, sales_year, class, class_changed_at, credit_level, credit_limit, credit_period_days, tags, notes,
        lifecycle, lifecycle_changed_at, last_activity_at, created_by, search_terms)
      SELECT r.code, r.name, r.kind, r.short_name, r.address, r.postal_code, r.phone, r.fax, r.email, r.website, r.bank_name,
        r.bank_account_enc, r.bank_account_last4, r.tax_id, r.id_number_enc, r.id_number_last4, r.industry, r.region, r.source,
        r.annual_sales, r.sales_year, r.class, CASE WHEN r.class IS NOT NULL THEN now() END, r.credit_level, r.credit_limit,
        r.credit_period_days, r.tags, r.notes, 'active', now(), now(), ${ctx.actor.userId}::bigint, array_to_tsvector(r.terms)
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r(code text, name text, kind text, short_name text,
        address text, postal_code text, phone text, fax text, email text, website text, bank_name text,
        bank_account_enc text, bank_account_last4 text, tax_id text, id_number_enc text, id_number_last4 text,
        industry text, region text, source text, annual_sales numeric, sales_year int, class text, credit_level text,
        credit_limit numeric, credit_period_days int, tags text[], notes text, terms text[])
      RETURNING id, code`.execute(trx);
    const idByCode = new Map(inserted.rows.map((r) => [r.code, Number(r.id)]));
    const contacts = chunk.flatMap((c) =>
      c.contact
        ? [
            {
              customer_id: idByCode.get(c.code)!,
              ...c.contact,
              terms: indexTerms(
                [c.contact.name, c.contact.phone, c.contact.mobile, c.contact.email]
                  .filter(Boolean)
                  .join(' '),
              ),
            },
          ]
        : [],
    );
    if (contacts.length)
      await sql`
        INSERT INTO contact (customer_id, name, title, phone, mobile, email, is_primary, search_terms)
        SELECT c.customer_id, c.name, c.title, c.phone, c.mobile, c.email, true, array_to_tsvector(c.terms)
        FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS c(customer_id bigint, name text, title text,
          phone text, mobile text, email text, terms text[])`.execute(trx);
    ids.push(...inserted.rows.map((r) => Number(r.id)));
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
