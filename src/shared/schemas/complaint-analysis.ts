import { z } from 'zod';
import { COMPLAINT_STEPS } from '../complaints/complaint-flow.ts';
import { optionalText, pageOf, pageQuery } from './common.ts';

/** A calendar month in the organisation's time zone, `YYYY-MM`. */
export const analysisMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** Without a month the analysis is of last month (001 §3.2.3: each month looks back at the one before). */
export const analysisMonthQuery = z.object({ month: analysisMonth.optional() });
export const analysisMonthParam = z.object({ month: analysisMonth });

/** The month's base volume (交货批次/出货批次 or orders delivered) that the complaint rate is taken of. */
export const baseVolumeInput = z.object({
  volume: z.number().int().min(1).max(1_000_000_000),
  label: optionalText(60),
});
export type BaseVolumeInput = z.infer<typeof baseVolumeInput>;

const count = z.number().int();

export const analysisTotals = z.object({
  /** Complaints received in the month, and of those by current validity. */
  received: count,
  valid: count,
  notValid: count,
  pending: count,
  /** Complaints closed in the month (whenever received). */
  closed: count,
  /** Complaints received before the month ended and not closed by then. */
  openAtMonthEnd: count,
});

export const BASE_SOURCES = ['entered', 'requests'] as const;

export const complaintRate = z.object({
  /** Received ÷ base × 100, two decimals; null when the base is zero. */
  percent: z.number().nullable(),
  targetPercent: z.number(),
  /** At or under the target; null when there is no rate. */
  met: z.boolean().nullable(),
  base: z.object({
    volume: count,
    label: z.string().nullable(),
    /** `entered` by the quality staff, or the month's service requests when nothing was entered. */
    source: z.enum(BASE_SOURCES),
  }),
});

export const keyCount = z.object({ key: z.string().nullable(), count });
export const productCount = z.object({
  /** null: not recorded; with `other`: everything past the ten most frequent products. */
  product: z.string().nullable(),
  other: z.boolean(),
  count,
});
export const departmentCount = z.object({
  departmentId: z.number().nullable(),
  name: z.string().nullable(),
  count,
});

export const stepDuration = z.object({
  step: z.enum(COMPLAINT_STEPS),
  completed: count,
  averageHours: z.number(),
  breached: count,
});

const recordRef = z.object({ id: z.number(), number: z.string() });
const capaRef = recordRef.extend({ status: z.string() });

export const repeatProblem = z.object({
  product: z.string(),
  category: z.string(),
  count,
  complaints: z.array(recordRef),
  capas: z.array(capaRef),
});

export const openComplaint = z.object({
  id: z.number(),
  number: z.string(),
  customerName: z.string().nullable(),
  category: z.string(),
  stage: z.string(),
  departmentName: z.string().nullable(),
  receivedAt: z.string(),
  ageDays: count,
});

export const openCapa = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  ageDays: count,
});

export const trendPoint = z.object({ month: analysisMonth, received: count, valid: count });

export const monthlyAnalysis = z.object({
  month: analysisMonth,
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  totals: analysisTotals,
  rate: complaintRate,
  byCategory: z.array(keyCount),
  byProduct: z.array(productCount),
  byDepartment: z.array(departmentCount),
  byClass: z.array(keyCount),
  byChannel: z.array(keyCount),
  bySeverity: z.array(keyCount),
  stepDurations: z.array(stepDuration),
  breachedSteps: count,
  repeatProblems: z.array(repeatProblem),
  openComplaints: z.object({ total: count, items: z.array(openComplaint) }),
  openCapas: z.object({ total: count, items: z.array(openCapa) }),
  trend: z.array(trendPoint),
});
export type MonthlyAnalysis = z.infer<typeof monthlyAnalysis>;

/** 与客户确认前一个月客诉的最终关闭情况: which complaints of the month to list. */
export const CONFIRMATION_FILTERS = ['all', 'to_confirm', 'confirmed', 'open'] as const;
export const confirmationQuery = analysisMonthQuery.extend({
  ...pageQuery.shape,
  filter: z.enum(CONFIRMATION_FILTERS).default('all'),
});

export const confirmationItem = z.object({
  id: z.number(),
  number: z.string(),
  customer: z.object({ id: z.number(), name: z.string() }).nullable(),
  category: z.string(),
  stage: z.string(),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
  confirmed: z.boolean(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  note: z.string().nullable(),
});
export type ConfirmationItem = z.infer<typeof confirmationItem>;

export const confirmationPage = pageOf(confirmationItem).extend({
  month: analysisMonth,
  summary: z.object({ received: count, closed: count, confirmed: count }),
});
export type ConfirmationPage = z.infer<typeof confirmationPage>;

export const closureConfirmationInput = z.object({ note: optionalText(2000) });
