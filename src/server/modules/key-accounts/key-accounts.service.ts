import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { datePartsIn } from '../../../shared/record-number.ts';
import type {
  KeyAccountView,
  keyAccountApply,
  keyAccountUpdate,
  measureCreate,
  measureUpdate,
  measureView,
} from '../../../shared/schemas/key-accounts.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import type { ApprovalFinishedHandler } from '../approvals/approvals.registry.ts';
import { startApproval } from '../approvals/approvals.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import * as q from './key-accounts.queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/** Today's date in the organisation's time zone, as YYYY-MM-DD. */
export async function orgToday(db: Kysely<DB>, at = new Date()): Promise<string> {
  const { yyyy, MM, dd } = datePartsIn((await readOrganisation(db)).time_zone, at);
  return `${yyyy}-${MM}-${dd}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function presentKeyAccount(row: q.KeyAccountRow, today: string): KeyAccountView {
  const next = day(row.next_revisit_on);
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerCode: row.customer_code,
    customerClass: row.customer_class,
    status: row.status as KeyAccountView['status'],
    applicationReason: row.application_reason,
    appliedBy: row.applied_by ? { id: row.applied_by, name: row.applicant_name ?? '' } : null,
    appliedAt: row.applied_at.toISOString(),
    approvalRequestId: row.approval_request_id,
    decisionComment: row.decision_comment,
    designatedAt: iso(row.designated_at),
    revokedAt: iso(row.revoked_at),
    revokedReason: row.revoked_reason,
    specialist: row.specialist_user_id
      ? { id: row.specialist_user_id, name: row.specialist_name ?? '' }
      : null,
    profile: row.profile,
    decisionMakers: (row.decision_makers ?? []) as KeyAccountView['decisionMakers'],
    annualVolume: row.annual_volume === null ? null : Number(row.annual_volume),
    volumeNotes: row.volume_notes,
    servicePlan: row.service_plan,
    revisitIntervalDays: row.revisit_interval_days,
    lastRevisitAt: iso(row.last_revisit_at),
    nextRevisitOn: next,
    revisitDue: row.status === 'designated' && next !== null && next <= today,
    openMeasures: Number(row.open_measures ?? 0),
  };
}

export function presentMeasure(row: q.MeasureRow, today: string): z.infer<typeof measureView> {
  const due = day(row.due_on);
  const open = row.status === 'open' || row.status === 'in_progress';
  return {
    id: row.id,
    issue: row.issue,
    measure: row.measure,
    owner: row.owner_user_id ? { id: row.owner_user_id, name: row.owner_name ?? '' } : null,
    dueOn: due,
    status: row.status as z.infer<typeof measureView>['status'],
    result: row.result,
    overdue: open && due !== null && due < today,
    completedAt: iso(row.completed_at),
    createdAt: row.created_at.toISOString(),
  };
}

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
    const customer = await trx
      .selectFrom('customer')
      .select(['id', 'name', 'lifecycle', 'merged_into_id'])
      .where('id', '=', customerId)
      .forUpdate()
      .executeTakeFirst();
    if (!customer) throw notFound();
    if (customer.merged_into_id || !['active', 'dormant'].includes(customer.lifecycle))
      throw new AppError('KEY_ACCOUNT_NOT_ELIGIBLE');
    const existing = await trx
      .selectFrom('key_account')
      .selectAll()
      .where('customer_id', '=', customerId)
      .forUpdate()
      .executeTakeFirst();
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
    const id = existing
      ? (
          await trx
            .updateTable('key_account')
            .set(values)
            .where('id', '=', existing.id)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto('key_account')
            .values({ ...values, customer_id: customerId })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    const approval = await startApproval(trx, ctx, {
      flow: 'key_account',
      entityType: 'key_account',
      entityId: id,
      title: `大客户设定：${customer.name}`,
      facts: {},
    });
    await trx
      .updateTable('key_account')
      .set({ approval_request_id: approval.id })
      .where('id', '=', id)
      .execute();
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
  const account = await trx
    .selectFrom('key_account')
    .selectAll()
    .where('id', '=', request.entity_id)
    .forUpdate()
    .executeTakeFirst();
  if (!account) return;
  const customer = await trx
    .selectFrom('customer')
    .select(['id', 'name', 'class'])
    .where('id', '=', account.customer_id)
    .executeTakeFirstOrThrow();
  if (outcome.status !== 'approved') {
    await trx
      .updateTable('key_account')
      .set({
        status: outcome.status === 'rejected' ? 'rejected' : 'withdrawn',
        decision_comment: outcome.comment,
        updated_at: new Date(),
      })
      .where('id', '=', account.id)
      .execute();
    return;
  }
  const today = await orgToday(trx);
  await trx
    .updateTable('key_account')
    .set({
      status: 'designated',
      designated_at: new Date(),
      decision_comment: outcome.comment,
      next_revisit_on: addDays(today, account.revisit_interval_days),
      updated_at: new Date(),
    })
    .where('id', '=', account.id)
    .execute();
  // A key account is an A-class customer (001 §4.2.5: A 大客户).
  if (customer.class !== 'A') {
    await trx
      .updateTable('customer')
      .set({ class: 'A', class_reason: '大客户设定', class_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', customer.id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'customer.class',
      entityType: 'customer',
      entityId: customer.id,
      entityLabel: customer.name,
      before: { class: customer.class },
      after: { class: 'A', reason: '大客户设定' },
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
    await trx
      .updateTable('key_account')
      .set({ ...columns, ...next, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
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
    await trx
      .updateTable('key_account')
      .set({
        status: 'revoked',
        revoked_at: new Date(),
        revoked_reason: reason,
        next_revisit_on: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
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
    const { id } = await trx
      .insertInto('key_account_measure')
      .values({
        key_account_id: keyAccountId,
        issue: input.issue,
        measure: input.measure,
        owner_user_id: input.ownerUserId ?? null,
        due_on: input.dueOn ?? null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    const before = await trx
      .selectFrom('key_account_measure')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
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
    await trx.updateTable('key_account_measure').set(set).where('id', '=', id).execute();
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
  const account = await trx
    .selectFrom('key_account')
    .select(['id', 'revisit_interval_days', 'last_revisit_at'])
    .where('customer_id', '=', customerId)
    .where('status', '=', 'designated')
    .executeTakeFirst();
  if (!account || (account.last_revisit_at && account.last_revisit_at > at)) return;
  await trx
    .updateTable('key_account')
    .set({
      last_revisit_at: at,
      next_revisit_on: addDays(await orgToday(trx, at), account.revisit_interval_days),
      updated_at: new Date(),
    })
    .where('id', '=', account.id)
    .execute();
}

/** Daily: reminds each specialist (or, without one, nobody) of key accounts whose revisit is due. */
export async function remindRevisits(db: Kysely<DB>): Promise<number> {
  const today = await orgToday(db);
  const due = await q.revisitsToRemind(db, today);
  for (const row of due) {
    if (row.specialist_user_id)
      await notifyUsers(
        db,
        [row.specialist_user_id],
        'key_account.revisit',
        { 'customer.name': row.customer_name, date: day(row.next_revisit_on) ?? '' },
        `/customers/${row.customer_id}`,
      );
    await db
      .updateTable('key_account')
      .set({ revisit_reminded_on: today })
      .where('id', '=', row.id)
      .execute();
  }
  return due.length;
}
