import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { maskPhone } from '../../../shared/mask.ts';
import type { activityCreate, timelineItem, timelineQuery } from '../../../shared/schemas/customers.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { invalid } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { cursorTimestamp, keyedCursor, pageOf } from '../../http/paging.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordRevisit } from '../key-accounts/key-accounts.service.ts';
import { contactOfCustomer } from './contacts.queries.ts';
import { maySeeSensitive, requireVisible, timelineRequestScope } from './customers.policy.ts';
import { findCustomerName } from './customers.queries.ts';
import { customerTimeline, insertActivity, type TimelineRow } from './timeline.queries.ts';

const cursorOf = (r: TimelineRow) => `${r.at_key}|${r.kind}|${r.id}`;

function parseCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const { key, id } = keyedCursor(cursor, 'text');
  const [at, kind, extra] = (key ?? '').split('|');
  if (!at || !kind || extra !== undefined) throw invalid('INVALID_CURSOR', 'cursor');
  return { at: cursorTimestamp(at), kind, id };
}

/** `sensitive`: a call's number in full (customer.view_sensitive); otherwise masked as on the file. */
const presentItem = (r: TimelineRow, sensitive: boolean): z.infer<typeof timelineItem> => ({
  key: `${r.kind}:${r.id}`,
  kind: r.kind,
  subtype: r.subtype,
  at: r.at.toISOString(),
  title: r.kind === 'call' && !sensitive ? (maskPhone(r.title) ?? r.title) : r.title,
  detail: r.detail,
  refId: r.id,
  actorName: r.actor_name,
});

/**
 * One page of a customer's history (requests, calls, activities, applications, credit, care), newest
 * first. A request shows only when the reader may see that request (customers.policy.ts
 * `timelineRequestScope`); call numbers are masked as on the customer file.
 */
export async function loadTimeline(
  db: Kysely<DB>,
  actor: Actor,
  customerId: number,
  query: z.output<typeof timelineQuery>,
) {
  requireVisible(actor, await findCustomerName(db, customerId));
  const before = parseCursor(query.cursor);
  const rows = await customerTimeline(db, customerId, timelineRequestScope(actor), {
    kinds: query.kinds,
    ...(before ? { before } : {}),
    limit: query.limit,
  });
  const sensitive = maySeeSensitive(actor);
  return pageOf(rows, query.limit, (r) => presentItem(r, sensitive), cursorOf);
}

/**
 * A visit, call, meeting or note recorded on the customer; a visit, call or meeting with a key account is
 * its revisit (大客户回访).
 */
export async function addActivity(
  db: Database,
  ctx: RequestContext,
  customerId: number,
  input: z.output<typeof activityCreate>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const customer = requireVisible(ctx.actor, await findCustomerName(trx, customerId));
    if (input.contactId && !(await contactOfCustomer(trx, customerId, input.contactId)))
      throw invalid('VALIDATION_FAILED', 'contactId');
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    const activityId = await insertActivity(trx, {
      customer_id: customerId,
      contact_id: input.contactId ?? null,
      kind: input.kind,
      subject: input.subject,
      body: input.body ?? null,
      occurred_at: occurredAt,
      user_id: ctx.actor.userId,
    });
    if (['visit', 'call', 'meeting'].includes(input.kind)) await recordRevisit(trx, customerId, occurredAt);
    await recordAudit(trx, ctx, {
      action: 'customer.activity',
      entityType: 'customer',
      entityId: customerId,
      entityLabel: customer.name,
      after: { activityId, kind: input.kind, subject: input.subject },
    });
    return activityId;
  });
}
