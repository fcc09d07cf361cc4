import { type Kysely, sql } from 'kysely';
import {
  applicationTerms,
  callTerms,
  capaTerms,
  complaintTerms,
  contactTerms,
  customerExtraTerms,
  returnTerms,
} from '../../search/documents.ts';

/**
 * Search everywhere (issue 11 item 5): CAPA, returns, new-customer applications, calls and complaints get
 * a `search_terms` index over their meaningful text (segmented like every other index, see
 * src/server/search); contacts get a GIN index and pinyin / phone-number forms; customers get pinyin.
 * A request is also found by its contact's name and phone: its `search_all` now includes the contact's
 * terms, rebuilt by trigger when the request changes contact or the contact's terms change.
 *
 * Existing rows are indexed here in batches (the lexemes are computed in TypeScript: Chinese
 * segmentation, Traditional → Simplified and pinyin are not PostgreSQL's).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE capa ADD COLUMN search_terms tsvector NOT NULL DEFAULT ''::tsvector;
    ALTER TABLE return_notice ADD COLUMN search_terms tsvector NOT NULL DEFAULT ''::tsvector;
    ALTER TABLE customer_application ADD COLUMN search_terms tsvector NOT NULL DEFAULT ''::tsvector;
    ALTER TABLE call_record ADD COLUMN search_terms tsvector NOT NULL DEFAULT ''::tsvector;
    ALTER TABLE complaint ADD COLUMN search_terms tsvector NOT NULL DEFAULT ''::tsvector;
  `.execute(db);

  await backfill(db, 'contact', contactTerms);
  await backfill(db, 'capa', capaTerms);
  await backfill(db, 'customer_application', applicationTerms);
  await backfill(db, 'call_record', callTerms);
  await backfill(db, 'complaint', complaintTerms);
  type ReturnRow = Parameters<typeof returnTerms>[0] & { items: Parameters<typeof returnTerms>[1] };
  await backfill(
    db,
    'return_notice',
    (r: ReturnRow) => returnTerms(r, r.items),
    sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('product', i.product, 'spec', i.spec, 'note', i.note)), '[]')
         FROM return_item i WHERE i.return_id = t.id) AS items`,
  );
  // Customers keep their terms (name, code, contacts …) and gain the pinyin of their names and phone forms.
  await backfill(db, 'customer', customerExtraTerms, sql`1 AS one`, true);

  await sql`
    CREATE INDEX capa_search_idx ON capa USING gin (search_terms);
    CREATE INDEX return_notice_search_idx ON return_notice USING gin (search_terms);
    CREATE INDEX customer_application_search_idx ON customer_application USING gin (search_terms);
    CREATE INDEX call_record_search_idx ON call_record USING gin (search_terms);
    CREATE INDEX complaint_search_idx ON complaint USING gin (search_terms);
    CREATE INDEX IF NOT EXISTS contact_search_idx ON contact USING gin (search_terms);

    -- A request's search_all: its own terms, its contact's (name, pinyin, phone forms) and its messages'.
    CREATE OR REPLACE FUNCTION ticket_search_all_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.search_all := NEW.search_terms
        || coalesce((SELECT c.search_terms FROM contact c WHERE c.id = NEW.contact_id), ''::tsvector)
        || ticket_message_terms(NEW.id);
      RETURN NEW;
    END $$;
    DROP TRIGGER ticket_search_all_rebuild ON ticket;
    CREATE TRIGGER ticket_search_all_rebuild BEFORE INSERT OR UPDATE OF search_terms, contact_id ON ticket
      FOR EACH ROW EXECUTE FUNCTION ticket_search_all_rebuild();

    -- A contact renamed (or a number changed): its requests are found by the new name.
    CREATE FUNCTION contact_search_to_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE ticket SET search_terms = search_terms WHERE contact_id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER contact_search_to_tickets AFTER UPDATE OF search_terms ON contact
      FOR EACH ROW WHEN (OLD.search_terms IS DISTINCT FROM NEW.search_terms)
      EXECUTE FUNCTION contact_search_to_tickets();
  `.execute(db);

  // Existing requests with a contact: rebuild search_all, a batch of ids at a time.
  const { rows } = await sql<{ max: number | null }>`SELECT max(id)::int AS max FROM ticket`.execute(db);
  const max = Number(rows[0]?.max ?? 0);
  for (let from = 0; from < max; from += 20_000) {
    await sql`UPDATE ticket SET search_terms = search_terms
      WHERE contact_id IS NOT NULL AND id > ${from} AND id <= ${from + 20_000}`.execute(db);
  }
  await sql`ANALYZE ticket; ANALYZE contact; ANALYZE customer;`.execute(db);
}

/** Computes and stores the terms of every row of `table`, 500 rows at a time, in id order. */
async function backfill<R>(
  db: Kysely<unknown>,
  table: string,
  terms: (row: R) => string[],
  extra = sql`1 AS one`,
  append = false,
) {
  let after = '0';
  for (;;) {
    const { rows } = await sql<
      R & { id: string }
    >`SELECT t.*, t.id::text AS id, ${extra} FROM ${sql.table(table)} t
      WHERE t.id > ${after}::bigint ORDER BY t.id LIMIT 500`.execute(db);
    if (rows.length === 0) return;
    const values = JSON.stringify(rows.map((r) => ({ id: r.id, terms: terms(r) })));
    const vector = sql`array_to_tsvector(ARRAY(SELECT jsonb_array_elements_text(v.terms)))`;
    await sql`UPDATE ${sql.table(table)} t
      SET search_terms = ${append ? sql`t.search_terms || ${vector}` : vector}
      FROM jsonb_to_recordset(${values}::jsonb) AS v(id bigint, terms jsonb)
      WHERE t.id = v.id`.execute(db);
    after = rows.at(-1)!.id;
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
