import { z } from 'zod';
import { approvalRequestView } from './approvals.ts';
import { CREDIT_LEVELS } from './customers.ts';

const money = z.number().min(0).max(99_999_999_999_999);

/**
 * 信用级别调整 (001 §4.2.2): sales asks for new credit terms with a reason; the flow `credit_change`
 * decides. A limit or period left out stays as it is; `null` clears it.
 */
export const creditChangeCreate = z.object({
  toLevel: z.enum(CREDIT_LEVELS),
  toLimit: money.nullish(),
  toPeriodDays: z.number().int().min(0).max(3650).nullish(),
  reason: z.string().trim().min(1).max(2000),
});
export type CreditChangeCreate = z.input<typeof creditChangeCreate>;

export const CREDIT_CHANGE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

export const creditChangeView = z.object({
  id: z.number(),
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  requestedBy: z.number().nullable(),
  requestedByName: z.string().nullable(),
  fromLevel: z.enum(CREDIT_LEVELS).nullable(),
  toLevel: z.enum(CREDIT_LEVELS),
  fromLimit: z.number().nullable(),
  toLimit: z.number().nullable(),
  fromPeriodDays: z.number().nullable(),
  toPeriodDays: z.number().nullable(),
  reason: z.string(),
  status: z.enum(CREDIT_CHANGE_STATUSES),
  decisionComment: z.string().nullable(),
  approvalRequestId: z.number().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CreditChangeView = z.infer<typeof creditChangeView>;

/** One change with its approval (steps, deciders, comments). */
export const creditChangeDetail = creditChangeView.extend({ approval: approvalRequestView.nullable() });
export type CreditChangeDetail = z.infer<typeof creditChangeDetail>;

export const creditChangeListQuery = z.object({
  status: z.enum(CREDIT_CHANGE_STATUSES).optional(),
  customerId: z.coerce.number().int().positive().optional(),
  cursor: z.string().regex(/^\d+$/).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CreditChangeListQuery = z.output<typeof creditChangeListQuery>;

export const creditChangeWithdraw = z.object({ comment: z.string().trim().max(2000).nullish() });
