import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { localise } from '../../../shared/localise.ts';
import type {
  keyAccountApply,
  keyAccountListQuery,
  keyAccountUpdate,
  measureCreate,
  measureUpdate,
} from '../../../shared/schemas/key-accounts.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { day } from '../../http/present.ts';
import type { ApprovalFinishedHandler } from '../approvals/approvals.registry.ts';
import { startApproval } from '../approvals/approvals.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { requireVisible, scopeOf } from './key-accounts.policy.ts';
import { addDays, orgToday, presentKeyAccount, presentMeasure } from './key-accounts.presenter.ts';
import * as q from './key-accounts.queries.ts';
import { KEY_ACCOUNTS_TEXTS } from './key-accounts.texts.ts';

/** One page of the key accounts the actor may see, as of today. */
export async function listKeyAccounts(
  db: Kysely<DB>,
  actor: Actor,
  query: z.output<typeof keyAccountListQuery>,
) {
  const today = await orgToday(db);
  const rows = await q.listKeyAccounts(db, scopeOf(actor), query, today);
  return pageOf(rows, query.limit, (row) => presentKeyAccount(row, today));
}

/** The key-account card with its countermeasures; 404 when there is none. */
export async function keyAccountCard(db: Kysely<DB>, actor: Actor, row: q.KeyAccountRow | undefined) {
  const account = requireVisible(actor, row);
  const today = await orgToday(db);
  const measures = await q.measuresOf(db, account.id);
  return { ...presentKeyAccount(account, today), measures: measures.map((m) => presentMeasure(m, today)) };
}

export const loadKeyAccount = async (db: Kysely<DB>, actor: Actor, id: number) =>
  keyAccountCard(db, actor, await q.findKeyAccount(db, id));

export const loadKeyAccountOfCustomer = async (db: Kysely<DB>, actor: Actor, customerId: number) =>
  keyAccountCard(db, actor, await q.findKeyAccountOfCustomer(db, customerId));

type Apply = z.output<typeof keyAccountApply>;
type CardUpdate = z.output<typeof keyAccountUpdate>;

function cardColumns(input: CardUpdate) {
  return {
    ...(input.specialistUserId !== undefined ? { specialist_user_id: input.specialistUserId } : {}),
    ...(input.profile !== undefined ? { profile: input.profile } : {}),
    ...(input.decisionMakers !== undefined ? { decision_makers: JSON.stringify(input.decisionMakers) } : {}),
    ...(input.annualVolume !== undefined ? { annual_volume: input.annualVolume?.toString() ?? null } : {}),
    ...(input.volumeNotes !== undefined ? { volume_notes: input.volumeNotes } : {}),
    ...(input.servicePlan !== undefined ? { service_plan: input.servicePlan } : {}),
    ...(input.revisitIntervalDays !== undefined ? { revisit_interval_days: input.revisitIntervalDays } : {}),
  };
}

/** 大客户申请: opens (or reopens after a rejection) the key-account record and asks for designation. */
export async function applyForKeyAccount(
  db: Database,
  ctx: RequestContext,
  customerId: number,
  input: Apply,
) {
  return db.transaction().execute(async (trx) => {
    const customer = await q.lockCustomer(trx, customerId);
    if (!customer) throw notFound();
    if (customer.merged_into_id || !['active', 'dormant'].includes(customer.lifecycle))
      throw new AppError('KEY_ACCOUNT_NOT_ELIGIBLE');
    const existing = await q.lockKeyAccountOfCustomer(trx, customerId);
    if (existing && ['applied', 'designated'].includes(existing.status))
      throw new AppError('KEY_ACCOUNT_EXISTS', { status: existing.status });
    const values = {
      ...cardColumns(input),
      status: 'applied',
      application_reason: input.reason,
      applied_by: ctx.actor.userId,
      applied_at: new Date(),
      decision_comment: null,
      updated_at: new Date(),
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await q.updateKeyAccount(trx, id, values);
    } else id = await q.insertKeyAccount(trx, { ...values, customer_id: customerId });
    const approval = await startApproval(trx, ctx, {
      flow: 'key_account',
      entityType: 'key_account',
      entityId: id,
      title: localise(KEY_ACCOUNTS_TEXTS, 'approvalTitle', ctx.locale, { name: customer.name }),
      facts: {},
    });
    await q.updateKeyAccount(trx, id, { approval_request_id: approval.id });
    await recordAudit(trx, ctx, {
      action: 'key_account.apply',
      entityType: 'customer',
      entityId: customerId,
      entityLabel: customer.name,
      after: { keyAccountId: id, reason: input.reason },
    });
    return id;
  });
}

export const applyKeyAccountOutcome: ApprovalFinishedHandler = async (trx, ctx, request, outcome) => {
  const account = await q.lockKeyAccount(trx, request.entity_id);
  if (!account) return;
  const customer = await q.customerClassOf(trx, account.customer_id);
  if (outcome.status !== 'approved') {
    await q.updateKeyAccount(trx, account.id, {
      status: outcome.status === 'rejected' ? 'rejected' : 'withdrawn',
      decision_comment: outcome.comment,
      updated_at: new Date(),
    });
    return;
  }
  const today = await orgToday(trx);
  await q.updateKeyAccount(trx, account.id, {
    status: 'designated',
    designated_at: new Date(),
    decision_comment: outcome.comment,
    next_revisit_on: addDays(today, account.revisit_interval_days),
    updated_at: new Date(),
  });
  // A key account is an A-class customer (001 §4.2.5: A 大客户).
  if (customer.class !== 'A') {
    const reason = localise(KEY_ACCOUNTS_TEXTS, 'classReason', ctx.locale);
    await q.setCustomerClass(trx, customer.id, 'A', reason);
    await recordAudit(trx, ctx, {
      action: 'customer.class',
      entityType: 'customer',
      entityId: customer.id,
      entityLabel: customer.name,
      before: { class: customer.class },
      after: { class: 'A', reason },
    });
  }
};

export async function updateCard(db: Database, ctx: RequestContext, id: number, input: CardUpdate) {
  await db.transaction().execute(async (trx) => {
    const before = await q.lockKeyAccount(trx, id);
    if (!before) throw notFound();
    const columns = cardColumns(input);
    if (Object.keys(columns).length === 0) return;
    // A new interval moves the next revisit with it.
    const next =
      input.revisitIntervalDays && before.status === 'designated'
        ? {
            next_revisit_on: addDays(
              day(before.last_revisit_at) ?? (await orgToday(trx)),
              input.revisitIntervalDays,
            ),
          }
        : {};
    await q.updateKeyAccount(trx, id, { ...columns, ...next, updated_at: new Date() });
    await recordAudit(trx, ctx, {
      action: 'key_account.update',
      entityType: 'customer',
      entityId: before.customer_id,
      before: Object.fromEntries(Object.keys(columns).map((k) => [k, before[k as keyof typeof before]])),
      after: columns,
    });
  });
}

export async function revokeKeyAccount(db: Database, ctx: RequestContext, id: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    const before = await q.lockKeyAccount(trx, id);
    if (!before) throw notFound();
    if (before.status !== 'designated') throw new AppError('KEY_ACCOUNT_NOT_DESIGNATED');
    await q.updateKeyAccount(trx, id, {
      status: 'revoked',
      revoked_at: new Date(),
      revoked_reason: reason,
      next_revisit_on: null,
      updated_at: new Date(),
    });
    await recordAudit(trx, ctx, {
      action: 'key_account.revoke',
      entityType: 'customer',
      entityId: before.customer_id,
      before: { status: before.status },
      after: { status: 'revoked', reason },
    });
  });
}

export async function addMeasure(
  db: Database,
  ctx: RequestContext,
  keyAccountId: number,
  input: z.output<typeof measureCreate>,
) {
  return db.transaction().execute(async (trx) => {
    const account = await q.lockKeyAccount(trx, keyAccountId);
    if (!account) throw notFound();
    const id = await q.insertMeasure(trx, {
      key_account_id: keyAccountId,
      issue: input.issue,
      measure: input.measure,
      owner_user_id: input.ownerUserId ?? null,
      due_on: input.dueOn ?? null,
      created_by: ctx.actor.userId,
    });
    await recordAudit(trx, ctx, {
      action: 'key_account.measure',
      entityType: 'customer',
      entityId: account.customer_id,
      after: { measureId: id, issue: input.issue, measure: input.measure, dueOn: input.dueOn ?? null },
    });
    if (input.ownerUserId && input.ownerUserId !== ctx.actor.userId)
      await notifyUsers(
        trx,
        [input.ownerUserId],
        'key_account.measure',
        { issue: input.issue, measure: input.measure },
        `/customers/${account.customer_id}`,
      );
    return id;
  });
}

export async function updateMeasure(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: z.output<typeof measureUpdate>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await q.lockMeasure(trx, id);
    if (!before) throw notFound();
    const account = (await q.lockKeyAccount(trx, before.key_account_id))!;
    const finished = input.status === 'done' || input.status === 'cancelled';
    const set = {
      ...(input.issue !== undefined ? { issue: input.issue } : {}),
      ...(input.measure !== undefined ? { measure: input.measure } : {}),
      ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
      ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
      ...(input.status !== undefined
        ? { status: input.status, completed_at: finished ? new Date() : null }
        : {}),
      ...(input.result !== undefined ? { result: input.result } : {}),
      updated_at: new Date(),
    };
    await q.updateMeasure(trx, id, set);
    await recordAudit(trx, ctx, {
      action: 'key_account.measure',
      entityType: 'customer',
      entityId: account.customer_id,
      before: { measureId: id, status: before.status, dueOn: day(before.due_on) },
      after: { measureId: id, ...input },
    });
    return account.id;
  });
}

/** A visit, call or meeting with a designated key account counts as its revisit and sets the next one. */
export async function recordRevisit(trx: Kysely<DB>, customerId: number, at: Date) {
  const account = await q.designatedOfCustomer(trx, customerId);
  if (!account || (account.last_revisit_at && account.last_revisit_at > at)) return;
  await q.updateKeyAccount(trx, account.id, {
    last_revisit_at: at,
    next_revisit_on: addDays(await orgToday(trx, at), account.revisit_interval_days),
    updated_at: new Date(),
  });
}
