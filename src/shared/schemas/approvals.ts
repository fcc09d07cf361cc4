import { z } from 'zod';
import type { Localised } from '../locale.ts';
import type { Permission } from '../permissions.ts';
import { optionalText, patchOf } from './common.ts';
import { CREDIT_LEVELS } from './customers.ts';

/**
 * The approval flows Qiao knows. Each is owned by a module that starts requests and reacts to their
 * outcome; `approvePermission` lets its holders read every request of the flow (deciding needs the step's
 * role or user).
 */
export const APPROVAL_FLOWS = {
  customer_admission: {
    label: { 'zh-CN': '新客户准入', 'zh-TW': '新客戶准入', en: 'New-customer admission' },
    approvePermission: 'admission.approve',
  },
  credit_change: {
    label: { 'zh-CN': '信用级别调整', 'zh-TW': '信用級別調整', en: 'Credit-level change' },
    approvePermission: 'credit.approve',
  },
  key_account: {
    label: { 'zh-CN': '大客户设定', 'zh-TW': '大客戶設定', en: 'Key-account designation' },
    approvePermission: 'key_account.manage',
  },
  compensation: {
    label: { 'zh-CN': '补偿与赔偿', 'zh-TW': '補償與賠償', en: 'Compensation' },
    approvePermission: 'compensation.approve',
  },
  complaint_final: {
    label: { 'zh-CN': '投诉结案报告', 'zh-TW': '投訴結案報告', en: 'Complaint final report' },
    approvePermission: 'complaint.approve_final',
  },
} as const satisfies Record<string, { label: Localised; approvePermission: Permission }>;
export type ApprovalFlow = keyof typeof APPROVAL_FLOWS;
export const APPROVAL_FLOW_KEYS = Object.keys(APPROVAL_FLOWS) as [ApprovalFlow, ...ApprovalFlow[]];

/** When a route applies; every given criterion must hold; `{}` applies always. */
export const approvalCondition = z.strictObject({
  creditLevels: z.array(z.enum(CREDIT_LEVELS)).min(1).max(3).optional(),
  minAmount: z.number().min(0).optional(),
  maxAmount: z.number().min(0).optional(),
});
export type ApprovalCondition = z.infer<typeof approvalCondition>;

/** What the owning module tells the mechanism about a request, matched against route conditions. */
export interface ApprovalFacts {
  creditLevels?: readonly string[];
  amount?: number | null;
}

export const approvalRouteView = z.object({
  id: z.number(),
  flow: z.string(),
  position: z.number(),
  name: z.string(),
  condition: approvalCondition,
  approverRoleId: z.number().nullable(),
  approverRoleName: z.string().nullable(),
  approverUserId: z.number().nullable(),
  approverUserName: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApprovalRouteView = z.infer<typeof approvalRouteView>;

const routeFields = z.object({
  flow: z.enum(APPROVAL_FLOW_KEYS),
  position: z.number().int().min(0).max(1000).default(0),
  name: z.string().trim().min(1).max(100),
  condition: approvalCondition.default({}),
  approverRoleId: z.number().int().positive().nullable().default(null),
  approverUserId: z.number().int().positive().nullable().default(null),
  isActive: z.boolean().default(true),
});
/** A step is decided by holders of a role or by one named user — exactly one of the two. */
export const approvalRouteCreate = routeFields.refine(
  (r) => (r.approverRoleId === null) !== (r.approverUserId === null),
  { path: ['approverRoleId'], message: 'exactly one of approverRoleId and approverUserId' },
);
export type ApprovalRouteCreate = z.input<typeof approvalRouteCreate>;
export const approvalRouteUpdate = patchOf(routeFields);
export type ApprovalRouteUpdate = z.input<typeof approvalRouteUpdate>;
export const approvalRouteListQuery = z.object({ flow: z.enum(APPROVAL_FLOW_KEYS).optional() });

export const APPROVAL_STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const;
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const approvalStepView = z.object({
  id: z.number(),
  position: z.number(),
  name: z.string(),
  approverRoleId: z.number().nullable(),
  approverRoleName: z.string().nullable(),
  approverUserId: z.number().nullable(),
  approverUserName: z.string().nullable(),
  status: z.enum(APPROVAL_STEP_STATUSES),
  decidedBy: z.number().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type ApprovalStepView = z.infer<typeof approvalStepView>;

export const approvalRequestView = z.object({
  id: z.number(),
  flow: z.string(),
  entityType: z.string(),
  entityId: z.number(),
  title: z.string(),
  status: z.enum(APPROVAL_STATUSES),
  requestedBy: z.number().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  steps: z.array(approvalStepView),
  /** The pending step the caller may decide now, if any. */
  decidableStepId: z.number().nullable(),
  /** The caller asked for it and it is still pending. */
  canCancel: z.boolean(),
});
export type ApprovalRequestView = z.infer<typeof approvalRequestView>;

export const approvalInboxItem = z.object({
  stepId: z.number(),
  stepName: z.string(),
  stepPosition: z.number(),
  stepCount: z.number(),
  requestId: z.number(),
  flow: z.string(),
  entityType: z.string(),
  entityId: z.number(),
  title: z.string(),
  requestedBy: z.number().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
});
export type ApprovalInboxItem = z.infer<typeof approvalInboxItem>;

export const approvalInboxQuery = z.object({
  flow: z.enum(APPROVAL_FLOW_KEYS).optional(),
  cursor: z.string().regex(/^\d+$/).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const approvalDecision = z.object({
  decision: z.enum(['approve', 'reject']),
  /** Required when rejecting: the reason goes back to the requester and into the record. */
  comment: optionalText(2000),
});
export type ApprovalDecision = z.input<typeof approvalDecision>;

export const approvalCancel = z.object({ comment: optionalText(2000) });
