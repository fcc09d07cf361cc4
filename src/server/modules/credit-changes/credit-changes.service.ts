import type { Kysely } from 'kysely';
import { localise } from '../../../shared/localise.ts';
import type {
  CreditChangeCreate,
  CreditChangeDetail,
  CreditChangeListQuery,
} from '../../../shared/schemas/credit-changes.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { num } from '../../http/present.ts';
import { viewerOf } from '../approvals/approvals.policy.ts';
import type { ApprovalFinishedHandler } from '../approvals/approvals.registry.ts';
import { approvalHistory, cancelApproval, startApproval } from '../approvals/approvals.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireVisible as requireVisibleCustomer } from '../customers/customers.policy.ts';
import { findCustomerName } from '../customers/customers.queries.ts';
import { mayWithdraw, requireMay, requireVisible, scopeOf } from './credit-changes.policy.ts';
import { presentCreditChange } from './credit-changes.presenter.ts';
import * as q from './credit-changes.queries.ts';
import { CREDIT_CHANGES_TEXTS } from './credit-changes.texts.ts';

/** One page (limit + 1 rows) of the changes the actor may see. */
export function listCreditChanges(db: Kysely<DB>, actor: Actor, query: CreditChangeListQuery) {
  return q.listCreditChanges(db, scopeOf(actor), query);
}

/** One page of the changes of a customer the actor may see; 404 when there is no such customer. */
export async function listCreditChangesOf(
  db: Kysely<DB>,
  actor: Actor,
  customerId: number,
  query: Omit<CreditChangeListQuery, 'customerId'>,
) {
  requireVisibleCustomer(actor, await findCustomerName(db, customerId));
  return listCreditChanges(db, actor, { ...query, customerId });
}

/** The change with its approval as the actor sees it; 404 when there is none. */
export async function creditChangeDetail(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<CreditChangeDetail> {
  const row = requireVisible(actor, await q.findCreditChange(db, id));
  const history = await approvalHistory(db, 'customer', row.customer_id, await viewerOf(db, actor));
  return {
    ...presentCreditChange(row),
    approval: history.find((a) => a.id === row.approval_request_id) ?? null,
  };
}

const LIVE_LIFECYCLES = ['active', 'dormant'];

/**
 * Files a credit change for an admitted customer and starts the `credit_change` approval on the customer
 * (one pending per customer). Limit or period left out stay as they are.
 */
export async function requestCreditChange(
  db: Database,
  ctx: RequestContext,
  customerId: number,
  input: CreditChangeCreate,
) {
  try {
    return await db.transaction().execute(async (trx) => {
      const customer = await q.lockCustomerCredit(trx, customerId);
      if (!customer) throw notFound();
      if (customer.merged_into_id)
        throw new AppError('CUSTOMER_MERGED', { mergedIntoId: customer.merged_into_id });
      if (!LIVE_LIFECYCLES.includes(customer.lifecycle)) throw new AppError('CREDIT_CHANGE_NOT_ACTIVE');
      if (await q.pendingFor(trx, customerId)) throw new AppError('CREDIT_CHANGE_PENDING');
      const toLimit =
        input.toLimit === undefined
          ? customer.credit_limit
          : input.toLimit === null
            ? null
            : input.toLimit.toFixed(2);
      const toPeriod = input.toPeriodDays === undefined ? customer.credit_period_days : input.toPeriodDays;
      if (
        input.toLevel === customer.credit_level &&
        num(toLimit) === num(customer.credit_limit) &&
        toPeriod === customer.credit_period_days
      )
        throw new AppError('CREDIT_CHANGE_NO_CHANGE');
      const id = await q.insertCreditChange(trx, {
        customer_id: customerId,
        requested_by: ctx.actor.userId,
        from_level: customer.credit_level,
        to_level: input.toLevel,
        from_limit: customer.credit_limit,
        to_limit: toLimit,
        from_period_days: customer.credit_period_days,
        to_period_days: toPeriod,
        reason: input.reason,
      });
      const approval = await startApproval(trx, ctx, {
        flow: 'credit_change',
        entityType: 'customer',
        entityId: customerId,
        title: localise(CREDIT_CHANGES_TEXTS, 'approvalTitle', ctx.locale, {
          name: customer.name,
          from: customer.credit_level ?? '—',
          to: input.toLevel,
        }),
        facts: { creditLevels: [input.toLevel], amount: num(toLimit) },
      });
      await q.updateCreditChange(trx, id, { approval_request_id: approval.id });
      const after = presentCreditChange((await q.findCreditChange(trx, id))!);
      await recordAudit(trx, ctx, {
        action: 'credit_change.request',
        entityType: 'credit_change_request',
        entityId: id,
        entityLabel: customer.name,
        after,
      });
      return after;
    });
  } catch (error) {
    // Another change for this customer got there first (the one-pending index).
    if (error instanceof AppError && error.code === 'APPROVAL_ALREADY_PENDING')
      throw new AppError('CREDIT_CHANGE_PENDING');
    throw error;
  }
}

/** The requester takes a pending change back. */
export async function withdrawCreditChange(
  db: Database,
  ctx: RequestContext,
  id: number,
  comment: string | null,
) {
  await db.transaction().execute(async (trx) => {
    const change = await q.lockCreditChange(trx, id);
    if (!change) throw notFound();
    requireMay(mayWithdraw(ctx.actor, change));
    if (change.status !== 'pending' || !change.approval_request_id)
      throw new AppError('CREDIT_CHANGE_CLOSED');
    await cancelApproval(trx, ctx, change.approval_request_id, comment);
  });
}

// The outcome of the `credit_change` flow: approved terms go onto the customer (audited there).
export const applyCreditChangeOutcome: ApprovalFinishedHandler = async (trx, ctx, request, outcome) => {
  const change = await q.lockByApproval(trx, request.id);
  if (change?.status !== 'pending') return;
  const status = outcome.status === 'cancelled' ? 'withdrawn' : outcome.status;
  await q.updateCreditChange(trx, change.id, {
    status,
    decision_comment: outcome.comment,
    decided_at: new Date(),
  });
  const customer = await q.lockCustomerCredit(trx, change.customer_id);
  if (status === 'approved' && customer) {
    await q.setCustomerCredit(trx, customer.id, {
      level: change.to_level,
      limit: change.to_limit,
      periodDays: change.to_period_days,
    });
    await recordAudit(trx, ctx, {
      action: 'customer.credit',
      entityType: 'customer',
      entityId: customer.id,
      entityLabel: customer.name,
      before: {
        credit_level: customer.credit_level,
        credit_limit: num(customer.credit_limit),
        credit_period_days: customer.credit_period_days,
      },
      after: {
        credit_level: change.to_level,
        credit_limit: num(change.to_limit),
        credit_period_days: change.to_period_days,
        credit_change_request_id: change.id,
      },
    });
  }
  await recordAudit(trx, ctx, {
    action: `credit_change.${status}`,
    entityType: 'credit_change_request',
    entityId: change.id,
    entityLabel: customer?.name ?? null,
    before: { status: 'pending' },
    after: { status, comment: outcome.comment },
  });
};
