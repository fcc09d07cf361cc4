import { z } from 'zod';
import {
  COMPENSATION_KINDS,
  COMPENSATION_STATUSES,
  COMPLAINT_CATEGORIES,
  COMPLAINT_OBJECTS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STAGES,
  COMPLAINT_STEPS,
} from '../complaints/complaint-flow.ts';
import { CHANNELS } from '../tickets/ticket-status.ts';
import { optionalText, patchOf } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive();

/** 《客户投诉记录表》: the fields of the record itself (the request carries the conversation). */
export const complaintRecordFields = {
  objectType: z.enum(COMPLAINT_OBJECTS).default('product'),
  objectRef: optionalText(200),
  product: optionalText(200),
  category: z.enum(COMPLAINT_CATEGORIES).default('other'),
  severity: z.enum(COMPLAINT_SEVERITIES).default('normal'),
  reason: optionalText(2000),
  demand: optionalText(2000),
  contactDetails: optionalText(500),
  promisedAt: z.iso.datetime({ offset: true }).nullish(),
  ownerUserId: id.nullish(),
};

/** Registering a complaint: a new request of type 投诉 and its record in one step. */
export const complaintCreate = z.object({
  subject: text(200),
  content: text(20000),
  channel: z.enum(CHANNELS).default('phone'),
  receivedAt: z.iso.datetime({ offset: true }).nullish(),
  customerId: id.nullish(),
  contactId: id.nullish(),
  ...complaintRecordFields,
});
export type ComplaintCreate = z.infer<typeof complaintCreate>;

/** Completing the record of a complaint opened from a request (portal, email, phone…). */
export const complaintUpdate = patchOf(z.object({ ...complaintRecordFields, content: text(20000) }));
export type ComplaintUpdate = z.infer<typeof complaintUpdate>;

const nextOwner = { nextOwnerUserId: id.nullish() };

/** What each step records when it is completed. */
export const stepInputs = {
  acknowledge: z.object({
    message: text(5000),
    promisedAt: z.iso.datetime({ offset: true }),
    ...nextOwner,
  }),
  investigate: z.object({
    findings: text(10000),
    onSite: z
      .object({
        visitedOn: z.iso.date(),
        location: optionalText(200),
        participants: optionalText(500),
        notes: text(5000),
      })
      .nullish(),
    responsibility: z.enum(['company', 'not_company']),
    responsibleDepartmentId: id.nullish(),
    ...nextOwner,
  }),
  explain: z.object({ explanation: text(10000) }),
  review: z.object({
    participants: z.array(text(100)).min(1).max(30),
    conclusions: text(10000),
    responsibleDepartmentId: id,
    ...nextOwner,
  }),
  analyse: z.object({
    rootCause: text(10000),
    correctiveMeasures: text(10000),
    preventiveMeasures: text(10000),
    ...nextOwner,
  }),
  reply: z.object({ replyText: text(20000), ...nextOwner }),
  execute: z.object({ executionNotes: text(10000), ...nextOwner }),
  feedback: z.object({
    result: z.enum(['satisfied', 'partly', 'not_satisfied']),
    comments: text(5000),
    ...nextOwner,
  }),
  revisit: z.object({
    revisitedOn: z.iso.date(),
    method: z.enum(['phone', 'visit', 'email', 'other']),
    notes: text(5000),
    satisfaction: z.number().int().min(1).max(5),
    ...nextOwner,
  }),
  final_report: z.object({ summary: text(20000) }),
} as const satisfies Record<(typeof COMPLAINT_STEPS)[number], z.ZodType>;
export type StepInputs = { [K in keyof typeof stepInputs]: z.infer<(typeof stepInputs)[K]> };

export const stepOwnerChange = z.object({ ownerUserId: id, reason: optionalText(500) });

export const complaintStepView = z.object({
  id: z.number(),
  step: z.enum(COMPLAINT_STEPS),
  ownerUserId: z.number().nullable(),
  ownerName: z.string().nullable(),
  startedAt: z.string(),
  dueAt: z.string().nullable(),
  warned: z.boolean(),
  breached: z.boolean(),
  completedAt: z.string().nullable(),
  completedByName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type ComplaintStepView = z.infer<typeof complaintStepView>;

export const complaintView = z.object({
  id: z.number(),
  number: z.string(),
  ticketId: z.number(),
  ticketNumber: z.string(),
  subject: z.string(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  customerClass: z.string().nullable(),
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string(),
  objectType: z.enum(COMPLAINT_OBJECTS),
  objectRef: z.string().nullable(),
  product: z.string().nullable(),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  content: z.string(),
  reason: z.string().nullable(),
  demand: z.string().nullable(),
  contactDetails: z.string().nullable(),
  promisedAt: z.string().nullable(),
  stage: z.enum(COMPLAINT_STAGES),
  validity: z.enum(['pending', 'valid', 'not_valid']),
  responsibleDepartmentId: z.number().nullable(),
  responsibleDepartmentName: z.string().nullable(),
  ownerUserId: z.number().nullable(),
  ownerName: z.string().nullable(),
  stepDueAt: z.string().nullable(),
  stepOwnerName: z.string().nullable(),
  stepBreached: z.boolean(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ComplaintView = z.infer<typeof complaintView>;

export const compensationCreate = z.object({
  kind: z.enum(COMPENSATION_KINDS),
  amount: z.number().min(0).max(99_999_999_999_999),
  description: text(2000),
});
export type CompensationCreate = z.infer<typeof compensationCreate>;

export const compensationView = z.object({
  id: z.number(),
  complaintId: z.number().nullable(),
  complaintNumber: z.string().nullable(),
  returnId: z.number().nullable(),
  kind: z.enum(COMPENSATION_KINDS),
  amount: z.number(),
  description: z.string(),
  status: z.enum(COMPENSATION_STATUSES),
  approvalRequestId: z.number().nullable(),
  requestedBy: z.number().nullable(),
  requestedByName: z.string().nullable(),
  decisionComment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  executedAt: z.string().nullable(),
  executionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type CompensationView = z.infer<typeof compensationView>;

export const compensationExecute = z.object({ note: text(2000) });
export const compensationWithdraw = z.object({ comment: optionalText(1000) });

export const complaintDetail = complaintView.extend({
  steps: z.array(complaintStepView),
  /** The steps still ahead on the complaint's path, for the stepper. */
  path: z.array(z.enum(COMPLAINT_STEPS)),
  compensations: z.array(compensationView),
  capas: z.array(z.object({ id: z.number(), number: z.string(), status: z.string(), title: z.string() })),
  returns: z.array(z.object({ id: z.number(), number: z.string(), status: z.string() })),
  finalApprovalRequestId: z.number().nullable(),
  finalApprovalStatus: z.enum(['pending', 'approved', 'rejected', 'cancelled']).nullable(),
  closureConfirmedAt: z.string().nullable(),
});
export type ComplaintDetail = z.infer<typeof complaintDetail>;

export const complaintListQuery = z.object({
  stage: z.enum([...COMPLAINT_STAGES, 'open']).optional(),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  validity: z.enum(['pending', 'valid', 'not_valid']).optional(),
  customerId: z.coerce.number().int().positive().optional(),
  mine: z.coerce.boolean().optional(),
  overdue: z.coerce.boolean().optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;

const minutes = z
  .number()
  .int()
  .min(10)
  .max(60 * 24 * 60);

/** The `complaints` settings: per-step time limits and the numbers of the monthly analysis. */
export const complaintSettingsSchema = z.object({
  stepMinutes: z.object(
    Object.fromEntries(COMPLAINT_STEPS.map((s) => [s, minutes])) as Record<
      (typeof COMPLAINT_STEPS)[number],
      typeof minutes
    >,
  ),
  clock: z.enum(['business', 'calendar']),
  warningPercent: z.number().int().min(1).max(99),
  repeatCount: z.number().int().min(2).max(100),
  repeatDays: z.number().int().min(1).max(730),
  rateTargetPercent: z.number().min(0).max(100),
  promiseDays: z.number().int().min(1).max(90),
});
