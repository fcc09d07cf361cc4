import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Locale } from '../../../shared/locale.ts';
import type {
  careEventListQuery,
  careRecordCreate,
  careRuleCreate,
  careRuleUpdate,
} from '../../../shared/schemas/care.ts';
import type { Database } from '../../db/database.ts';
import type { CareRule, DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueMessage } from '../notifications/notifications.service.ts';
import { requireVisible, scopeOf } from './care.policy.ts';
import { presentEvent, presentRule } from './care.presenter.ts';
import * as q from './care.queries.ts';

type RuleUpdate = z.output<typeof careRuleUpdate>;

function ruleColumns(b: RuleUpdate) {
  return {
    ...(b.name !== undefined ? { name: b.name } : {}),
    ...(b.event !== undefined ? { event: b.event } : {}),
    ...(b.holidayOn !== undefined ? { holiday_on: b.holidayOn } : {}),
    ...(b.classes !== undefined ? { classes: b.classes } : {}),
    ...(b.channel !== undefined ? { channel: b.channel } : {}),
    ...(b.daysBefore !== undefined ? { days_before: b.daysBefore } : {}),
    ...(b.gift !== undefined ? { gift: b.gift } : {}),
    ...(b.isActive !== undefined ? { is_active: b.isActive } : {}),
  };
}

export async function listRules(db: Kysely<DB>) {
  return (await q.listRules(db)).map(presentRule);
}

export async function createRule(db: Database, ctx: RequestContext, input: z.output<typeof careRuleCreate>) {
  return db.transaction().execute(async (trx) => {
    const created = await q.insertRule(trx, {
      ...ruleColumns(input),
      name: input.name,
      event: input.event,
      channel: input.channel,
    });
    await recordAudit(trx, ctx, {
      action: 'care_rule.create',
      entityType: 'care_rule',
      entityId: created.id,
      entityLabel: created.name,
      after: presentRule(created),
    });
    return presentRule(created);
  });
}

export async function updateRule(db: Database, ctx: RequestContext, id: number, input: RuleUpdate) {
  return db.transaction().execute(async (trx) => {
    const before = await q.lockRule(trx, id);
    if (!before) throw notFound();
    const after = await q.updateRule(trx, id, { ...ruleColumns(input), updated_at: new Date() });
    await recordAudit(trx, ctx, {
      action: 'care_rule.update',
      entityType: 'care_rule',
      entityId: after.id,
      entityLabel: after.name,
      before: presentRule(before),
      after: presentRule(after),
    });
    return presentRule(after);
  });
}

/** One page of greetings and gifts the actor may see, newest first. */
export async function listCareEvents(
  db: Kysely<DB>,
  actor: Actor,
  query: z.output<typeof careEventListQuery>,
) {
  return pageOf(await q.listEvents(db, scopeOf(actor), query), query.limit, presentEvent);
}

/** A gift or greeting given by hand, recorded on the customer. */
export async function recordCareEvent(
  db: Database,
  ctx: RequestContext,
  customerId: number,
  input: z.output<typeof careRecordCreate>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const customer = requireVisible(ctx.actor, await q.findCustomer(trx, customerId));
    if (input.contactId && !(await q.findContactOf(trx, customer.id, input.contactId))) throw notFound();
    const id = await q.insertEvent(trx, {
      customer_id: customer.id,
      contact_id: input.contactId ?? null,
      event: input.event,
      occasion_on: input.occasionOn,
      status: 'recorded',
      gift: input.gift ?? null,
      gift_cost: input.giftCost?.toString() ?? null,
      notes: input.notes ?? null,
      created_by: ctx.actor.userId,
    });
    await recordAudit(trx, ctx, {
      action: 'customer.care',
      entityType: 'customer',
      entityId: customer.id,
      entityLabel: customer.name,
      after: {
        careEventId: id,
        event: input.event,
        gift: input.gift ?? null,
        giftCost: input.giftCost ?? null,
      },
    });
    return id;
  });
}

/**
 * One greeting of a rule to one recipient, in its own transaction: the event is recorded once per rule,
 * contact and occasion; without an address for the channel it is recorded as skipped, so someone can call
 * instead. Returns what happened ('done' when the greeting was recorded before).
 */
export async function greet(
  db: Database,
  rule: Pick<CareRule, 'event' | 'channel' | 'gift' | 'name'> & { id: number },
  r: q.Recipient,
  occasion: string,
  org: { name: string; locale: Locale },
): Promise<'queued' | 'skipped' | 'done'> {
  return db.transaction().execute(async (trx) => {
    const address = rule.channel === 'email' ? r.email : r.mobile;
    const id = await q.insertGreetingOnce(trx, {
      rule_id: rule.id,
      customer_id: r.customer_id,
      contact_id: r.contact_id,
      event: rule.event,
      occasion_on: occasion,
      channel: rule.channel,
      status: address ? 'queued' : 'skipped',
      skip_reason: address ? null : rule.channel === 'email' ? 'no email' : 'no mobile',
      gift: rule.gift,
    });
    if (!id) return 'done';
    if (!address) return 'skipped';
    const messageId = await queueMessage(trx, {
      channel: rule.channel as 'email' | 'sms',
      to: address,
      key: `care.${rule.event}`,
      locale: org.locale,
      vars: {
        'contact.name': r.contact_name ?? r.customer_name,
        'customer.name': r.customer_name,
        'organisation.name': org.name,
        holiday: rule.name,
        years: r.years ?? '',
      },
    });
    await q.setOutboundMessage(trx, id, messageId);
    return 'queued';
  });
}
