import { type Kysely, sql } from 'kysely';

/**
 * One search vector per request covering its subject, description and every message (`search_all`), kept
 * by triggers, so a search is a single GIN lookup that PostgreSQL can also walk newest-first when a term
 * is common. The old "request OR any of its messages" query had to collect every matching message first
 * and took seconds at a million requests. A high statistics target lets the planner tell rare terms
 * (use the index) from common ones (walk the primary key backwards).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE ticket ADD COLUMN search_all tsvector NOT NULL DEFAULT ''::tsvector;

    CREATE FUNCTION ticket_message_terms(ticket_id bigint) RETURNS tsvector LANGUAGE sql STABLE AS $$
      SELECT coalesce(array_to_tsvector(array_agg(DISTINCT u.lexeme)), ''::tsvector)
      FROM ticket_message m, unnest(m.search_terms) AS u
      WHERE m.ticket_id = $1
    $$;

    -- The request's own terms changed (subject, description, customer): rebuild from them and the messages.
    CREATE FUNCTION ticket_search_all_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.search_all := NEW.search_terms || ticket_message_terms(NEW.id);
      RETURN NEW;
    END $$;
    CREATE TRIGGER ticket_search_all_rebuild BEFORE INSERT OR UPDATE OF search_terms ON ticket
      FOR EACH ROW EXECUTE FUNCTION ticket_search_all_rebuild();

    -- A new message adds its terms; a moved, edited or deleted message rebuilds the requests involved.
    CREATE FUNCTION ticket_message_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE ticket SET search_all = search_all || NEW.search_terms WHERE id = NEW.ticket_id;
      ELSE
        UPDATE ticket SET search_terms = search_terms
        WHERE id IN (OLD.ticket_id, CASE WHEN TG_OP = 'UPDATE' THEN NEW.ticket_id END);
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER ticket_message_search_insert AFTER INSERT ON ticket_message
      FOR EACH ROW EXECUTE FUNCTION ticket_message_search_sync();
    CREATE TRIGGER ticket_message_search_change AFTER UPDATE OF ticket_id, search_terms OR DELETE ON ticket_message
      FOR EACH ROW EXECUTE FUNCTION ticket_message_search_sync();

    UPDATE ticket SET search_terms = search_terms;
    DROP INDEX ticket_search_idx;
    CREATE INDEX ticket_search_all_idx ON ticket USING gin (search_all);
    ALTER TABLE ticket ALTER COLUMN search_all SET STATISTICS 2000;
    ALTER TABLE customer ALTER COLUMN search_terms SET STATISTICS 2000;
    ANALYZE ticket;
    ANALYZE customer;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
