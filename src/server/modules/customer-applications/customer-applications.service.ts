import type { Kysely } from 'kysely';
import { localise } from '../../../shared/localise.ts';
import type {
  ApplicationCreate,
  ApplicationListQuery,
  ApplicationUpdate,
} from '../../../shared/schemas/customer-applications.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, isUniqueViolation, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { money, num } from '../../http/present.ts';
import type { ApprovalFinishedHandler } from '../approvals/approvals.registry.ts';
import { cancelApproval, startApproval } from '../approvals/approvals.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { applyCustomerUpdate, insertCustomer } from '../customers/customers.service.ts';
import { setLifecycle } from '../customers/customers-lifecycle.queries.ts';
import { findDuplicates } from '../customers/customers-search.queries.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import {
  mayChange,
  mayRemoveFile,
  requireMay,
  requireVisible,
  scopeOf,
} from './customer-applications.policy.ts';
import { presentApplication } from './customer-applications.presenter.ts';
import * as q from './customer-applications.queries.ts';
import { CUSTOMER_APPLICATIONS_TEXTS } from './customer-applications.texts.ts';

/** One page (limit + 1 rows) of the applications the actor may list. */
export function listApplications(db: Kysely<DB>, actor: Actor, query: ApplicationListQuery) {
  return q.listApplications(db, query, scopeOf(actor));
}

async function visible(trx: Kysely<DB>, actor: Actor, id: number) {
  return requireVisible(actor, await q.findApplication(trx, id, actor.userId));
}

async function audit(trx: Kysely<DB>, ctx: RequestContext, action: string, id: number, before?: object) {
  const after = presentApplication((await q.findApplication(trx, id))!);
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

async function lockDraft(trx: Kysely<DB>, actor: Actor, id: number) {
  await visible(trx, actor, id);
  const app = (await q.lockApplication(trx, id))!;
  if (app.status !== 'draft') throw new AppError('APPLICATION_NOT_DRAFT');
  requireMay(mayChange(actor, app));
  return app;
}

/** Changes a draft: its request fields and the prospective customer's file (audited on the customer). */
export async function updateApplication(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: ApplicationUpdate,
) {
  const { customer, ...fields } = input;
  return db.transaction().execute(async (trx) => {
    const app = await lockDraft(trx, ctx.actor, id);
    if (customer && Object.keys(customer).length > 0)
      await applyCustomerUpdate(trx, ctx, app.customer_id, customer);
    const before = presentApplication((await q.findApplication(trx, id))!);
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

/** Sends a draft for approval by the routes of `customer_admission` matching its credit level. */
export async function submitApplication(db: Database, ctx: RequestContext, id: number) {
  return db.transaction().execute(async (trx) => {
    const app = await lockDraft(trx, ctx.actor, id);
    const customer = (await q.lockCustomer(trx, app.customer_id))!;
    const approval = await startApproval(trx, ctx, {
      flow: 'customer_admission',
      entityType: 'customer_application',
      entityId: id,
      title: localise(CUSTOMER_APPLICATIONS_TEXTS, 'admissionTitle', ctx.locale, {
        name: customer.name,
        level: app.requested_credit_level,
      }),
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
  comment: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const row = await visible(trx, ctx.actor, id);
    requireMay(mayChange(ctx.actor, row));
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
    return presentApplication((await q.findApplication(trx, id))!);
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

/**
 * Files on an application: added while it is open (draft or submitted); the route stores the upload and
 * asks here first. Returns the application's number for the stored file's audit label.
 */
export async function admitApplicationFile(db: Kysely<DB>, actor: Actor, id: number) {
  const row = await visible(db, actor, id);
  if (row.status !== 'draft' && row.status !== 'submitted') throw new AppError('APPLICATION_CLOSED');
  return row.number;
}

/** A file of an application the actor may see; 404 for a file of another application or none. */
export async function findApplicationFile(db: Kysely<DB>, actor: Actor, id: number, attachmentId: number) {
  await visible(db, actor, id);
  const row = await q.findApplicationAttachment(db, id, attachmentId);
  if (!row) throw notFound();
  return row;
}

/** Takes a file off a draft (by whoever uploaded it); returns the storage key for the caller to remove. */
export async function removeApplicationFile(
  db: Database,
  ctx: RequestContext,
  id: number,
  attachmentId: number,
): Promise<string> {
  const application = await visible(db, ctx.actor, id);
  const row = await q.findApplicationAttachment(db, id, attachmentId);
  if (!row || !mayRemoveFile(ctx.actor, row)) throw notFound();
  if (application.status !== 'draft') throw new AppError('APPLICATION_NOT_DRAFT');
  await db.transaction().execute(async (trx) => {
    await q.deleteAttachmentRow(trx, attachmentId);
    await recordAudit(trx, ctx, {
      action: 'attachment.delete',
      entityType: 'customer_application',
      entityId: id,
      entityLabel: application.number,
      before: { attachmentId, fileName: row.file_name },
    });
  });
  return row.storage_key;
}
