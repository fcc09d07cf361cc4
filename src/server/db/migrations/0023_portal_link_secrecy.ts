import { type Kysely, sql } from 'kysely';

/**
 * One-time links stay out of the outbound log (issue 10 items 3 and 8):
 * - `outbound_message.sealed_content`: the message as it is sent, sealed with the instance key, for
 *   messages that carry a one-time link; `subject`/`body` keep the version the log shows, with the link
 *   hidden. The delivery job (also a retry after a restart) opens the sealed copy; it is dropped once sent.
 * - `request_rate`: counters of portal sign-up and password-reset requests per address and per IP in a
 *   fixed window, in the database so that every app node counts the same requests.
 * Links already in the log from before are hidden there as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE outbound_message ADD COLUMN sealed_content text;
    CREATE TABLE request_rate (
      key text PRIMARY KEY,
      hits integer NOT NULL,
      window_started_at timestamptz NOT NULL
    );
    CREATE INDEX request_rate_window_idx ON request_rate (window_started_at);
    -- Links already in the log (sent, logged, or given up) are hidden there too; mail still waiting to be
    -- sent keeps its link so that it still works when it arrives.
    UPDATE outbound_message
      SET body = regexp_replace(body, '\\S*[?&]token=\\S+', '[一次性链接已隐藏]', 'g'),
          subject = regexp_replace(subject, '\\S*[?&]token=\\S+', '[一次性链接已隐藏]', 'g')
      WHERE template_key LIKE 'portal.%'
        AND (status IN ('sent', 'logged') OR (status = 'failed' AND attempts >= 5));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
