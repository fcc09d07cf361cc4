import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/locale.ts';
import type {
  ApplicationCreate,
  ApplicationUpdate,
  ApplicationView,
} from '../../../shared/schemas/customer-applications.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../../http/app-error.ts';
import { type Actor, can, type RequestContext } from '../../http/context.ts';
import { roleIdsOf } from '../approvals/approvals.queries.ts';
import type { ApprovalFinishedHandler } from '../approvals/approvals.registry.ts';
import { cancelApproval, startApproval } from '../approvals/approvals.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDuplicates } from '../customers/customers.queries.ts';
import { applyCustomerUpdate, insertCustomer, setLifecycle } from '../customers/customers.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import * as q from './customer-applications.queries.ts';

const num = (v: string | number | null) => (v === null ? null : Number(v));
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const money = (v: number | null | undefined) =>
  v === undefined ? undefined : v === null ? null : v.toFixed(2);

/** customer.read + admission.approve read every application; others their own and those sent to them to decide. */
export async function scopeOf(db: Kysely<DB>, actor: Actor): Promise<q.ApplicationScope> {
  return {
    all: can(actor, 'customer.read') && can(actor, 'admission.approve'),
    userId: actor.userId,
    roleIds: await roleIdsOf(db, actor.userId),
  };
}

export function presentApplication(row: q.ApplicationRow): ApplicationView {
  return {
    id: row.id,
    number: row.number,
    status: row.status as ApplicationView['status'],
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    customerLifecycle: row.customer_lifecycle as ApplicationView['customerLifecycle'],
    applicantUserId: row.applicant_user_id,
    applicantName: row.applicant_name,
    requestedClass: row.requested_class as ApplicationView['requestedClass'],
    requestedCreditLevel: row.requested_credit_level as ApplicationView['requestedCreditLevel'],
    requestedCreditLimit: num(row.requested_credit_limit),
    requestedCreditPeriodDays: row.requested_credit_period_days,
    expectedAnnualSales: num(row.expected_annual_sales),
    businessScope: row.business_scope,
    investigationNotes: row.investigation_notes,
    decisionComment: row.decision_comment,
    approvalRequestId: row.approval_request_id,
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function visible(trx: Kysely<DB>, id: number, scope: q.ApplicationScope) {
  const row = await q.findApplication(trx, id, scope);
  if (!row) throw notFound();
  return row;
}

async function audit(trx: Kysely<DB>, ctx: RequestContext, action: string, id: number, before?: object) {
  const after = presentApplication(
    (await q.findApplication(trx, id, { all: true, userId: 0, roleIds: [] }))!,
  );
  await recordAudit(trx, ctx, {
    action: `customer_application.${action}`,
    entityType: 'customer_application',
    entityId: id,
    entityLabel: `${after.number} ${after.customerName}`,
    ...(before ? { before } : {}),
    after,
  });
  return after;
}

/**
 * Files a draft 《新客户申请表》: the prospective customer goes on file (lifecycle pending_approval) in the
 * same transaction, or an existing prospect is proposed again.
 */
export async function createApplication(db: Database, ctx: RequestContext, input: ApplicationCreate) {
  if (input.customer && !input.allowDuplicate) {
    const candidates = await findDuplicates(db, input.customer);
    if (candidates.length > 0) throw new AppError('CUSTOMER_POSSIBLE_DUPLICATE', { candidates });
  }
  try {
    return await db.transaction().execute(async (trx) => {
      let customerId: number;
      if (input.customerId) {
        const customer = await q.lockCustomer(trx, input.customerId);
        if (!customer) throw notFound();
        if (customer.merged_into_id || customer.lifecycle !== 'prospect')
          throw new AppError('CUSTOMER_NOT_PROSPECT');
        customerId = customer.id;
        await setLifecycle(trx, customerId, 'pending_approval');
        await recordAudit(trx, ctx, {
          action: 'customer.lifecycle',
          entityType: 'customer',
          entityId: customerId,
          entityLabel: customer.name,
          before: { lifecycle: customer.lifecycle },
          after: { lifecycle: 'pending_approval' },
        });
      } else {
        const c = input.customer!;
        customerId = await insertCustomer(
          trx,
          ctx,
          {
            ...c,
            ownerUserId: c.ownerUserId ?? ctx.actor.userId,
            lifecycle: 'prospect',
            class: null,
            creditLevel: null,
            creditLimit: null,
            creditPeriodDays: null,
            allowDuplicate: true,
          },
          { lifecycle: 'pending_approval' },
        );
      }
      const id = await q.insertApplication(trx, {
        number: await nextRecordNumber(trx, 'customer_application'),
        customer_id: customerId,
        applicant_user_id: ctx.actor.userId,
        requested_class: input.requestedClass ?? null,
        requested_credit_level: input.requestedCreditLevel,
        requested_credit_limit: money(input.requestedCreditLimit) ?? null,
        requested_credit_period_days: input.requestedCreditPeriodDays ?? null,
        expected_annual_sales: money(input.expectedAnnualSales) ?? null,
        business_scope: input.businessScope ?? null,
        investigation_notes: input.investigationNotes,
      });
      return audit(trx, ctx, 'create', id);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'customer_code_key'))
      throw new AppError('CODE_TAKEN', { field: 'customer.code' });
    throw error;
  }
}

async function lockDraft(trx: Kysely<DB>, id: number, scope: q.ApplicationScope) {
  await visible(trx, id, scope);
  const app = (await q.lockApplication(trx, id))!;
  if (app.status !== 'draft') throw new AppError('APPLICATION_NOT_DRAFT');
  return app;
}

/** Changes a draft: its request fields and the prospective customer's file (audited on the customer). */
export async function updateApplication(
  db: Database,
  ctx: RequestContext,
  id: number,
  scope: q.ApplicationScope,
  input: ApplicationUpdate,
) {
  const { customer, ...fields } = input;
  return db.transaction().execute(async (trx) => {
    const app = await lockDraft(trx, id, scope);
    if (customer && Object.keys(customer).length > 0)
      await applyCustomerUpdate(trx, ctx, app.customer_id, customer);
    const before = presentApplication((await q.findApplication(trx, id, scope))!);
    await q.updateApplication(trx, id, {
      requested_class: fields.requestedClass,
      requested_credit_level: fields.requestedCreditLevel,
      requested_credit_limit: money(fields.requestedCreditLimit),
      requested_credit_period_days: fields.requestedCreditPeriodDays,
      expected_annual_sales: money(fields.expectedAnnualSales),
      business_scope: fields.businessScope,
      investigation_notes: fields.investigationNotes,
    });
    return audit(trx, ctx, 'update', id, before);
  });
}

const TITLES: Record<Locale, (name: string, level: string) => string> = {
  'zh-CN': (name, level) => `新客户准入：${name}（${level} 级信用）`,
  'zh-TW': (name, level) => `新客戶准入：${name}（${level} 級信用）`,
  en: (name, level) => `New customer: ${name} (credit level ${level})`,
};

/** Sends a draft for approval by the routes of `customer_admission` matching its credit level. */
export async function submitApplication(
  db: Database,
  ctx: RequestContext,
  id: number,
  scope: q.ApplicationScope,
) {
  return db.transaction().execute(async (trx) => {
    const app = await lockDraft(trx, id, scope);
    const customer = (await q.lockCustomer(trx, app.customer_id))!;
    const approval = await startApproval(trx, ctx, {
      flow: 'customer_admission',
      entityType: 'customer_application',
      entityId: id,
      title: TITLES[ctx.locale](customer.name, app.requested_credit_level),
      facts: { creditLevels: [app.requested_credit_level], amount: num(app.requested_credit_limit) },
    });
    await q.updateApplication(trx, id, {
      status: 'submitted',
      submitted_at: new Date(),
      approval_request_id: approval.id,
    });
    return audit(trx, ctx, 'submit', id, { status: 'draft' });
  });
}

async function backToProspect(trx: Kysely<DB>, ctx: RequestContext, customerId: number) {
  const customer = await q.lockCustomer(trx, customerId);
  if (customer?.lifecycle !== 'pending_approval') return;
  await setLifecycle(trx, customerId, 'prospect');
  await recordAudit(trx, ctx, {
    action: 'customer.lifecycle',
    entityType: 'customer',
    entityId: customerId,
    entityLabel: customer.name,
    before: { lifecycle: 'pending_approval' },
    after: { lifecycle: 'prospect' },
  });
}

/** The applicant (or a user who sees all applications) takes a draft or a pending application back. */
export async function withdrawApplication(
  db: Database,
  ctx: RequestContext,
  id: number,
  scope: q.ApplicationScope,
  comment: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const row = await visible(trx, id, scope);
    if (!scope.all && row.applicant_user_id !== ctx.actor.userId) throw forbidden();
    const app = (await q.lockApplication(trx, id))!;
    if (app.status === 'submitted' && app.approval_request_id) {
      // The approval's handler below closes the application.
      await cancelApproval(trx, ctx, app.approval_request_id, comment);
    } else if (app.status === 'draft') {
      await q.updateApplication(trx, id, {
        status: 'withdrawn',
        decision_comment: comment,
        decided_at: new Date(),
      });
      await backToProspect(trx, ctx, app.customer_id);
      await audit(trx, ctx, 'withdraw', id, { status: 'draft' });
    } else throw new AppError('APPLICATION_CLOSED');
    return presentApplication((await q.findApplication(trx, id, { all: true, userId: 0, roleIds: [] }))!);
  });
}

// The outcome of `customer_admission`: approved → the customer is active with the requested class and
// credit; rejected or withdrawn → the application closes with the reason and the customer stays a prospect.
export const applyAdmissionOutcome: ApprovalFinishedHandler = async (trx, ctx, request, outcome) => {
  const app = await q.lockByApproval(trx, request.id);
  if (app?.status !== 'submitted') return;
  const status = outcome.status === 'cancelled' ? 'withdrawn' : outcome.status;
  await q.updateApplication(trx, app.id, {
    status,
    decision_comment: outcome.comment,
    decided_at: new Date(),
  });
  if (status === 'approved') {
    const before = (await q.lockCustomer(trx, app.customer_id))!;
    await setLifecycle(trx, app.customer_id, 'active');
    await q.setAdmittedTerms(trx, app.customer_id, {
      class: app.requested_class,
      classReason: app.number,
      creditLevel: app.requested_credit_level,
      creditLimit: app.requested_credit_limit,
      creditPeriodDays: app.requested_credit_period_days,
    });
    await recordAudit(trx, ctx, {
      action: 'customer.admitted',
      entityType: 'customer',
      entityId: app.customer_id,
      entityLabel: before.name,
      before: {
        lifecycle: before.lifecycle,
        class: before.class,
        credit_level: before.credit_level,
        credit_limit: num(before.credit_limit),
        credit_period_days: before.credit_period_days,
      },
      after: {
        lifecycle: 'active',
        class: app.requested_class,
        credit_level: app.requested_credit_level,
        credit_limit: num(app.requested_credit_limit),
        credit_period_days: app.requested_credit_period_days,
        application: app.number,
      },
    });
  } else {
    await backToProspect(trx, ctx, app.customer_id);
  }
  await audit(trx, ctx, status === 'withdrawn' ? 'withdraw' : status, app.id, { status: 'submitted' });
};
