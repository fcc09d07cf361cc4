import { z } from 'zod';
import { approvalRequestView } from './approvals.ts';
import { optionalText, patchOf } from './common.ts';
import {
  CREDIT_LEVELS,
  CUSTOMER_CLASSES,
  contactCreate,
  customerDetail,
  customerFields,
  LIFECYCLES,
} from './customers.ts';

const money = z.number().min(0).max(99_999_999_999_999);

/** The prospective customer as the application form (《新客户申请表》) records it. */
export const applicationCustomer = z.object({
  ...customerFields,
  contacts: z.array(contactCreate).max(20).default([]),
});

/** What the applicant asks for and found out (001 §4.2.3: 业务经办人 investigates, then applies). */
const requestFields = {
  requestedClass: z.enum(CUSTOMER_CLASSES).nullish(),
  requestedCreditLevel: z.enum(CREDIT_LEVELS),
  requestedCreditLimit: money.nullish(),
  requestedCreditPeriodDays: z.number().int().min(0).max(3650).nullish(),
  expectedAnnualSales: money.nullish(),
  businessScope: optionalText(2000),
  investigationNotes: z.string().trim().min(1).max(8000),
};

/**
 * A new application: either a new prospective customer (`customer`) or an existing prospect
 * (`customerId`, e.g. after an earlier rejection) — exactly one.
 */
export const applicationCreate = z
  .object({
    customerId: z.number().int().positive().optional(),
    customer: applicationCustomer.optional(),
    /** Set after the user has seen the possible duplicates and still wants a new customer. */
    allowDuplicate: z.boolean().default(false),
    ...requestFields,
  })
  .refine((a) => (a.customerId === undefined) !== (a.customer === undefined), {
    path: ['customer'],
    message: 'exactly one of customer and customerId',
  });
export type ApplicationCreate = z.output<typeof applicationCreate>;

/** While a draft: the request fields and the prospective customer's file fields. */
export const applicationUpdate = patchOf(z.object(requestFields)).extend({
  customer: patchOf(z.object(customerFields)).optional(),
});
export type ApplicationUpdate = z.output<typeof applicationUpdate>;

export const APPLICATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;

export const applicationView = z.object({
  id: z.number(),
  number: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  customerLifecycle: z.enum(LIFECYCLES),
  applicantUserId: z.number().nullable(),
  applicantName: z.string().nullable(),
  requestedClass: z.enum(CUSTOMER_CLASSES).nullable(),
  requestedCreditLevel: z.enum(CREDIT_LEVELS),
  requestedCreditLimit: z.number().nullable(),
  requestedCreditPeriodDays: z.number().nullable(),
  expectedAnnualSales: z.number().nullable(),
  businessScope: z.string().nullable(),
  investigationNotes: z.string(),
  /** The approver's comment on the final decision (the reason of a rejection). */
  decisionComment: z.string().nullable(),
  approvalRequestId: z.number().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationView = z.infer<typeof applicationView>;

export const applicationAttachment = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  isImage: z.boolean(),
  url: z.string(),
  createdAt: z.string(),
});
export type ApplicationAttachment = z.infer<typeof applicationAttachment>;

export const applicationDetail = applicationView.extend({
  customer: customerDetail,
  attachments: z.array(applicationAttachment),
  /** Every approval of this application, newest first, with steps, deciders, times and comments. */
  approvals: z.array(approvalRequestView),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const applicationListQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  applicantUserId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  /** Part of the number (XKH-202611-001) or of the customer's name. */
  q: z.string().trim().max(100).optional(),
  cursor: z.string().regex(/^\d+$/).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ApplicationListQuery = z.output<typeof applicationListQuery>;

export const applicationWithdraw = z.object({ comment: optionalText(2000) });
export const attachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});
