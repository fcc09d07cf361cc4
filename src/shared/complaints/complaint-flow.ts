import type { Localised } from '../locale.ts';
import type { Permission } from '../permissions.ts';

/** 001 §5.1 客诉处理范围: what a complaint is about. */
export const COMPLAINT_CATEGORIES = [
  'quality_defect',
  'not_as_ordered',
  'out_of_tolerance',
  'packaging',
  'transport_damage',
  'service_attitude',
  'delay',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, Localised> = {
  quality_defect: { 'zh-CN': '产品质量缺陷', 'zh-TW': '產品品質缺陷', en: 'Quality defect' },
  not_as_ordered: {
    'zh-CN': '规格/等级/数量/交期与订单不符',
    'zh-TW': '規格/等級/數量/交期與訂單不符',
    en: 'Spec, grade, quantity or date not as ordered',
  },
  out_of_tolerance: { 'zh-CN': '超出容许误差', 'zh-TW': '超出容許誤差', en: 'Outside tolerance' },
  packaging: { 'zh-CN': '包装不良或包装致损', 'zh-TW': '包裝不良或包裝致損', en: 'Packaging defect' },
  transport_damage: { 'zh-CN': '运输致损', 'zh-TW': '運輸致損', en: 'Damage in transport' },
  service_attitude: { 'zh-CN': '服务态度', 'zh-TW': '服務態度', en: 'Service attitude' },
  delay: { 'zh-CN': '延误', 'zh-TW': '延誤', en: 'Delay' },
  other: { 'zh-CN': '其他', 'zh-TW': '其他', en: 'Other' },
};

/** 投诉对象. */
export const COMPLAINT_OBJECTS = ['product', 'order', 'shipment', 'staff', 'service'] as const;
export type ComplaintObject = (typeof COMPLAINT_OBJECTS)[number];

export const COMPLAINT_SEVERITIES = ['critical', 'major', 'normal', 'minor'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/**
 * The steps of a complaint (001 §5.2, 000 §7.3), in order. The valid path runs every step but `explain`;
 * a complaint found not to be the company's responsibility goes investigate → explain → closed.
 */
export const COMPLAINT_STEPS = [
  'acknowledge',
  'investigate',
  'explain',
  'review',
  'analyse',
  'reply',
  'execute',
  'feedback',
  'revisit',
  'final_report',
] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];
export const COMPLAINT_STAGES = [...COMPLAINT_STEPS, 'closed'] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

export const VALID_PATH: readonly ComplaintStep[] = COMPLAINT_STEPS.filter((s) => s !== 'explain');
export const NOT_VALID_PATH: readonly ComplaintStep[] = ['acknowledge', 'investigate', 'explain'];

export const COMPLAINT_STEP_LABELS: Record<ComplaintStep, Localised> = {
  acknowledge: { 'zh-CN': '受理致歉', 'zh-TW': '受理致歉', en: 'Acknowledge' },
  investigate: { 'zh-CN': '调查核实', 'zh-TW': '調查核實', en: 'Investigate' },
  explain: { 'zh-CN': '书面解释', 'zh-TW': '書面解釋', en: 'Written explanation' },
  review: { 'zh-CN': '责任评审', 'zh-TW': '責任評審', en: 'Responsibility review' },
  analyse: { 'zh-CN': '原因分析与对策', 'zh-TW': '原因分析與對策', en: 'Root cause & measures' },
  reply: { 'zh-CN': '回复客户', 'zh-TW': '回覆客戶', en: 'Reply to customer' },
  execute: { 'zh-CN': '措施执行', 'zh-TW': '措施執行', en: 'Execution' },
  feedback: { 'zh-CN': '客户反馈', 'zh-TW': '客戶回饋', en: 'Customer feedback' },
  revisit: { 'zh-CN': '回访', 'zh-TW': '回訪', en: 'Revisit' },
  final_report: { 'zh-CN': '结案报告', 'zh-TW': '結案報告', en: 'Final report' },
};

/** The step after `step` on the complaint's path; `null` means the complaint closes. */
export function nextStep(
  step: ComplaintStep,
  validity: 'pending' | 'valid' | 'not_valid',
): ComplaintStep | null {
  if (step === 'investigate') return validity === 'not_valid' ? 'explain' : 'review';
  if (step === 'explain') return null;
  const path = VALID_PATH;
  const i = path.indexOf(step);
  return i >= 0 && i < path.length - 1 ? path[i + 1]! : null;
}

/** 补货、补偿及赔偿. */
export const COMPENSATION_KINDS = ['replenishment', 'refund', 'repair', 'discount', 'indemnity'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];
export const COMPENSATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'executed'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

/** Settings key `complaints`: per-step time limits and the numbers of the monthly analysis. */
export interface ComplaintSettings {
  /** Minutes per step (business minutes when `clock` is business). */
  stepMinutes: Record<ComplaintStep, number>;
  clock: 'business' | 'calendar';
  warningPercent: number;
  /** Repeat detection: this many complaints on the same product and category within `repeatDays` propose a CAPA. */
  repeatCount: number;
  repeatDays: number;
  /** 客户投诉率 target, in percent of the month's base volume. */
  rateTargetPercent: number;
  /** Promised resolution time told to the customer by default (business days). */
  promiseDays: number;
}

/** 001 and 002 §四 leave the numbers open; these are a service department's usual ones. */
export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  stepMinutes: {
    acknowledge: 120, // apology and promised time within two working hours
    investigate: 2 * 480,
    explain: 480,
    review: 2 * 480,
    analyse: 3 * 480,
    reply: 480,
    execute: 5 * 480,
    feedback: 3 * 480,
    revisit: 5 * 480,
    final_report: 3 * 480,
  },
  clock: 'business',
  warningPercent: 80,
  repeatCount: 3,
  repeatDays: 90,
  rateTargetPercent: 2,
  promiseDays: 7,
};

/** Who may complete a step besides its owner (001 §3: sales/service record and reply, quality investigates and reviews). */
export const STEP_PERMISSIONS: Record<ComplaintStep, Permission[]> = {
  acknowledge: ['complaint.handle'],
  investigate: ['complaint.handle', 'complaint.review'],
  explain: ['complaint.handle'],
  review: ['complaint.review'],
  analyse: ['complaint.review', 'capa.manage'],
  reply: ['complaint.handle'],
  execute: ['complaint.handle', 'complaint.review'],
  feedback: ['complaint.handle'],
  revisit: ['complaint.handle'],
  final_report: ['complaint.handle'],
};
