import { expressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TicketScope } from '../tickets/tickets.policy.ts';
import { scoped } from '../tickets/tickets.queries.ts';

export interface TimelineRow {
  kind: string;
  id: number;
  subtype: string | null;
  at: Date;
  /** `at` to the microsecond, for the cursor (a JS Date keeps only milliseconds). */
  at_key: string;
  title: string;
  detail: string | null;
  actor_name: string | null;
}

/**
 * One customer's history across the tables that record contact with it, newest first, keyset-paginated
 * on (at, kind, id). Each source is read through its (customer_id, time) index and limited before the union,
 * so a page costs the same however long the history is. Modules added later (complaints, orders, surveys)
 * add their source here. Requests are only those in `requests` (the tickets policy's scope of the reader).
 */
export async function customerTimeline(
  db: Kysely<DB>,
  customerId: number,
  requests: TicketScope,
  options: { kinds?: string[] | undefined; before?: { at: string; kind: string; id: number }; limit: number },
): Promise<TimelineRow[]> {
  const want = (kind: string) => !options.kinds || options.kinds.includes(kind);
  const b = options.before;
  // Rows strictly after the cursor in (at DESC, kind DESC, id DESC) order.
  const after = (at: ReturnType<typeof sql.ref>, kind: string, id: ReturnType<typeof sql.ref>) =>
    b ? sql`AND (${at}, ${kind}, ${id}) < (${b.at}::timestamptz, ${b.kind}, ${b.id})` : sql``;
  // One more than a page from each source, so the union can tell whether another page follows.
  const n = options.limit + 1;
  const parts = [];
  if (want('request'))
    parts.push(sql`(SELECT 'request' AS kind, ticket.id, ticket.status AS subtype, ticket.created_at AS at,
        ticket.number || ' ' || ticket.subject AS title, left(ticket.description, 300) AS detail,
        u.display_name AS actor_name
      FROM ticket LEFT JOIN app_user u ON u.id = ticket.assignee_id
      WHERE ticket.customer_id = ${customerId} AND ${scoped(expressionBuilder<DB, 'ticket'>(), requests)}
        ${after(sql.ref('ticket.created_at'), 'request', sql.ref('ticket.id'))}
      ORDER BY ticket.created_at DESC, ticket.id DESC LIMIT ${n})`);
  if (want('call'))
    parts.push(sql`(SELECT 'call' AS kind, c.id, c.direction AS subtype, c.started_at AS at,
        c.number AS title, c.notes AS detail, u.display_name AS actor_name
      FROM call_record c LEFT JOIN app_user u ON u.id = c.agent_user_id
      WHERE c.customer_id = ${customerId} ${after(sql.ref('c.started_at'), 'call', sql.ref('c.id'))}
      ORDER BY c.started_at DESC, c.id DESC LIMIT ${n})`);
  if (want('activity'))
    parts.push(sql`(SELECT 'activity' AS kind, a.id, a.kind AS subtype, a.occurred_at AS at,
        a.subject AS title, left(a.body, 300) AS detail, u.display_name AS actor_name
      FROM customer_activity a LEFT JOIN app_user u ON u.id = a.user_id
      WHERE a.customer_id = ${customerId} ${after(sql.ref('a.occurred_at'), 'activity', sql.ref('a.id'))}
      ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${n})`);
  if (want('application'))
    parts.push(sql`(SELECT 'application' AS kind, p.id, p.status AS subtype, p.created_at AS at,
        p.number AS title, left(p.investigation_notes, 300) AS detail, u.display_name AS actor_name
      FROM customer_application p LEFT JOIN app_user u ON u.id = p.applicant_user_id
      WHERE p.customer_id = ${customerId} ${after(sql.ref('p.created_at'), 'application', sql.ref('p.id'))}
      ORDER BY p.created_at DESC, p.id DESC LIMIT ${n})`);
  if (want('credit'))
    parts.push(sql`(SELECT 'credit' AS kind, r.id, r.status AS subtype, r.created_at AS at,
        coalesce(r.from_level, '—') || ' → ' || r.to_level AS title, r.reason AS detail, u.display_name AS actor_name
      FROM credit_change_request r LEFT JOIN app_user u ON u.id = r.requested_by
      WHERE r.customer_id = ${customerId} ${after(sql.ref('r.created_at'), 'credit', sql.ref('r.id'))}
      ORDER BY r.created_at DESC, r.id DESC LIMIT ${n})`);
  if (want('care'))
    parts.push(sql`(SELECT 'care' AS kind, e.id, e.event AS subtype, e.created_at AS at,
        coalesce(r.name, e.event) AS title, coalesce(e.gift, e.notes, e.skip_reason) AS detail, u.display_name AS actor_name
      FROM care_event e LEFT JOIN care_rule r ON r.id = e.rule_id LEFT JOIN app_user u ON u.id = e.created_by
      WHERE e.customer_id = ${customerId} ${after(sql.ref('e.created_at'), 'care', sql.ref('e.id'))}
      ORDER BY e.created_at DESC, e.id DESC LIMIT ${n})`);
  if (parts.length === 0) return [];
  const union = sql.join(parts, sql` UNION ALL `);
  const result = await sql<TimelineRow>`SELECT *,
      to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key
    FROM (${union}) AS timeline
    ORDER BY at DESC, kind DESC, id DESC LIMIT ${n}`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function insertActivity(
  db: Kysely<DB>,
  row: {
    customer_id: number;
    contact_id: number | null;
    kind: string;
    subject: string;
    body: string | null;
    occurred_at: Date;
    user_id: number;
  },
) {
  return (await db.insertInto('customer_activity').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
