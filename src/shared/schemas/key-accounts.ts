import { z } from 'zod';
import { optionalText, patchOf } from './common.ts';

export const KEY_ACCOUNT_STATUSES = ['applied', 'designated', 'rejected', 'withdrawn', 'revoked'] as const;
export const MEASURE_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const DECISION_ROLES = ['decision', 'influence', 'user', 'gatekeeper'] as const;

/** 决策人: who decides, influences or uses, and how they stand towards us. */
export const decisionMaker = z.object({
  name: z.string().trim().min(1).max(60),
  title: optionalText(60),
  role: z.enum(DECISION_ROLES),
  attitude: optionalText(200),
  phone: optionalText(50),
  notes: optionalText(500),
});

const decisionMakerView = z.object({
  name: z.string(),
  title: z.string().nullish(),
  role: z.enum(DECISION_ROLES),
  attitude: z.string().nullish(),
  phone: z.string().nullish(),
  notes: z.string().nullish(),
});

/** The management card (大客户管理卡) fields. */
const cardFields = {
  specialistUserId: z.number().int().positive().nullish(),
  profile: optionalText(4000),
  decisionMakers: z.array(decisionMaker).max(30).default([]),
  annualVolume: z.number().min(0).max(99_999_999_999_999).nullish(),
  volumeNotes: optionalText(1000),
  servicePlan: optionalText(4000),
  revisitIntervalDays: z.number().int().min(1).max(730).default(30),
};

/** 大客户申请表: why this customer should be a key account, and the card as far as it is known. */
export const keyAccountApply = z.object({ reason: z.string().trim().min(1).max(2000), ...cardFields });
export const keyAccountUpdate = patchOf(z.object(cardFields));
export const keyAccountRevoke = z.object({ reason: z.string().trim().min(1).max(1000) });

export const measureCreate = z.object({
  issue: z.string().trim().min(1).max(500),
  measure: z.string().trim().min(1).max(2000),
  ownerUserId: z.number().int().positive().nullish(),
  dueOn: z.iso.date().nullish(),
});
export const measureUpdate = patchOf(measureCreate).extend({
  status: z.enum(MEASURE_STATUSES).optional(),
  result: optionalText(2000),
});

export const measureView = z.object({
  id: z.number(),
  issue: z.string(),
  measure: z.string(),
  owner: z.object({ id: z.number(), name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(MEASURE_STATUSES),
  result: z.string().nullable(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const keyAccountView = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  customerCode: z.string(),
  customerClass: z.string().nullable(),
  status: z.enum(KEY_ACCOUNT_STATUSES),
  applicationReason: z.string(),
  appliedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  appliedAt: z.string(),
  approvalRequestId: z.number().nullable(),
  decisionComment: z.string().nullable(),
  designatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  specialist: z.object({ id: z.number(), name: z.string() }).nullable(),
  profile: z.string().nullable(),
  decisionMakers: z.array(decisionMakerView),
  annualVolume: z.number().nullable(),
  volumeNotes: z.string().nullable(),
  servicePlan: z.string().nullable(),
  revisitIntervalDays: z.number(),
  lastRevisitAt: z.string().nullable(),
  nextRevisitOn: z.string().nullable(),
  revisitDue: z.boolean(),
  openMeasures: z.number(),
});
export type KeyAccountView = z.infer<typeof keyAccountView>;

export const keyAccountCard = keyAccountView.extend({ measures: z.array(measureView) });

export const keyAccountListQuery = z.object({
  status: z.enum(KEY_ACCOUNT_STATUSES).optional(),
  specialistUserId: z.coerce.number().int().positive().optional(),
  /** Only designated accounts whose revisit is due today or overdue. */
  revisitDue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  cursor: z.string().max(30).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
