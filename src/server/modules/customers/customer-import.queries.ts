import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Live customers an import would repeat: the same name (case aside), tax id or code. */
export function existingCustomers(db: Kysely<DB>, names: string[], taxIds: string[], codes: string[]) {
  return db
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
}

/**
 * Inserts a chunk of imported customers in one statement (`lifecycle` — active when the importer may admit
 * customers, else prospect —, created by `userId`); each row carries the customer columns and its search
 * `terms`. Returns the new ids by code.
 */
export async function insertImportedCustomers(
  db: Kysely<DB>,
  chunk: readonly object[],
  userId: number,
  lifecycle: 'active' | 'prospect',
) {
  const inserted = await sql<{ id: number; code: string }>`
      INSERT INTO customer (code, name, kind, short_name, address, postal_code, phone, fax, email, website, bank_name,
        bank_account_enc, bank_account_last4, tax_id, id_number_enc, id_number_last4, industry, region, source,
        annual_sales, sales_year, class, class_changed_at, credit_level, credit_limit, credit_period_days, tags, notes,
        lifecycle, lifecycle_changed_at, last_activity_at, created_by, search_terms)
      SELECT r.code, r.name, r.kind, r.short_name, r.address, r.postal_code, r.phone, r.fax, r.email, r.website, r.bank_name,
        r.bank_account_enc, r.bank_account_last4, r.tax_id, r.id_number_enc, r.id_number_last4, r.industry, r.region, r.source,
        r.annual_sales, r.sales_year, r.class, CASE WHEN r.class IS NOT NULL THEN now() END, r.credit_level, r.credit_limit,
        r.credit_period_days, r.tags, r.notes, ${lifecycle}, now(), now(), ${userId}::bigint, array_to_tsvector(r.terms)
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r(code text, name text, kind text, short_name text,
        address text, postal_code text, phone text, fax text, email text, website text, bank_name text,
        bank_account_enc text, bank_account_last4 text, tax_id text, id_number_enc text, id_number_last4 text,
        industry text, region text, source text, annual_sales numeric, sales_year int, class text, credit_level text,
        credit_limit numeric, credit_period_days int, tags text[], notes text, terms text[])
      RETURNING id, code`.execute(db);
  return inserted.rows;
}

/** Inserts the primary contacts of imported customers in one statement, each with its search `terms`. */
export async function insertImportedContacts(db: Kysely<DB>, contacts: readonly object[]) {
  await sql`
        INSERT INTO contact (customer_id, name, title, phone, mobile, email, is_primary, search_terms)
        SELECT c.customer_id, c.name, c.title, c.phone, c.mobile, c.email, true, array_to_tsvector(c.terms)
        FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS c(customer_id bigint, name text, title text,
          phone text, mobile text, email text, terms text[])`.execute(db);
}
