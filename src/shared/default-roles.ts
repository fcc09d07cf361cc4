import type { Localised } from './locale.ts';
import { ALL_PERMISSIONS, type Permission } from './permissions.ts';

export interface DefaultRole {
  code: string;
  name: Localised;
  permissions: readonly Permission[];
}

const read: Permission[] = ['ticket.read', 'kb.read', 'customer.read', 'user.read', 'department.read'];
const agentWork: Permission[] = [
  ...read,
  'ticket.create',
  'ticket.update',
  'ticket.reply',
  'call.read',
  'call.log',
  'complaint.read',
  'order.read',
  'api_token.use',
];

/** The default roles of SPEC §0, seeded at first start; an administrator may change all but `admin`. */
export const DEFAULT_ROLES: readonly DefaultRole[] = [
  {
    code: 'admin',
    name: { 'zh-CN': '系统管理员', 'zh-TW': '系統管理員', en: 'System administrator' },
    permissions: ALL_PERMISSIONS,
  },
  {
    code: 'service_manager',
    name: { 'zh-CN': '客户服务经理', 'zh-TW': '客戶服務經理', en: 'Service manager' },
    permissions: ALL_PERMISSIONS.filter(
      (perm) => !['role.manage', 'settings.manage', 'user.manage', 'department.manage'].includes(perm),
    ),
  },
  {
    code: 'agent',
    name: { 'zh-CN': '客户服务专员', 'zh-TW': '客戶服務專員', en: 'Service agent' },
    permissions: agentWork,
  },
  {
    code: 'crm_specialist',
    name: { 'zh-CN': '客户关系管理员', 'zh-TW': '客戶關係管理員', en: 'CRM specialist' },
    permissions: [...agentWork, 'customer.create', 'customer.update', 'care.manage', 'survey.read'],
  },
  {
    code: 'key_account_specialist',
    name: { 'zh-CN': '大客户服务专员', 'zh-TW': '大客戶服務專員', en: 'Key-account specialist' },
    permissions: [...agentWork, 'customer.update', 'key_account.manage', 'care.manage', 'ticket.read_all'],
  },
  {
    code: 'exclusive_advisor',
    name: { 'zh-CN': '专属服务顾问', 'zh-TW': '專屬服務顧問', en: 'Exclusive service advisor' },
    permissions: [...agentWork, 'advisor.read', 'advisor.work', 'customer.update', 'survey.enter'],
  },
  {
    code: 'after_sales_engineer',
    name: { 'zh-CN': '售后服务工程师', 'zh-TW': '售後服務工程師', en: 'After-sales engineer' },
    permissions: [...agentWork, 'return.read'],
  },
  {
    code: 'complaint_specialist',
    name: { 'zh-CN': '客户投诉管理专员', 'zh-TW': '客戶投訴管理專員', en: 'Complaint specialist' },
    permissions: [
      ...agentWork,
      'ticket.read_all',
      'complaint.handle',
      'compensation.request',
      'capa.read',
      'return.read',
      'return.manage',
    ],
  },
  {
    code: 'quality',
    name: { 'zh-CN': '客户服务质量管理专员', 'zh-TW': '客戶服務品質管理專員', en: 'Quality specialist' },
    permissions: [
      ...read,
      'ticket.read_all',
      'complaint.read',
      'complaint.review',
      'capa.read',
      'capa.manage',
      'capa.verify',
      'return.read',
      'return.inspect',
      'kpi.read',
      'improvement.manage',
      'inspection.perform',
      'survey.read',
      'survey.report',
      'report.read',
    ],
  },
  {
    code: 'customer_info_specialist',
    name: { 'zh-CN': '客户信息管理专员', 'zh-TW': '客戶資訊管理專員', en: 'Customer-information specialist' },
    permissions: [
      ...read,
      'customer.create',
      'customer.update',
      'customer.merge',
      'customer.view_sensitive',
      'customer.import',
      'customer.export',
      'customer.classify',
      'admission.apply',
    ],
  },
  {
    code: 'sales',
    name: { 'zh-CN': '销售代表', 'zh-TW': '銷售代表', en: 'Salesperson' },
    permissions: [
      ...read,
      'customer.create',
      'customer.update',
      'admission.apply',
      'credit.request',
      'order.read',
      'order.manage',
    ],
  },
  {
    code: 'survey_staff',
    name: { 'zh-CN': '满意度调查员', 'zh-TW': '滿意度調查員', en: 'Survey staff' },
    permissions: [
      ...read,
      'survey.read',
      'survey.manage',
      'survey.enter',
      'survey.report',
      'call.log',
      'call.plan',
    ],
  },
  {
    code: 'trainer',
    name: { 'zh-CN': '客户培训师', 'zh-TW': '客戶培訓師', en: 'Trainer' },
    permissions: [...read, 'training.read', 'training.manage'],
  },
  {
    code: 'warehouse',
    name: { 'zh-CN': '仓储', 'zh-TW': '倉儲', en: 'Warehouse' },
    permissions: [
      'return.read',
      'return.receive',
      'order.read',
      'shipment.manage',
      'delivery.handover',
      'customer.read',
    ],
  },
  {
    code: 'executive',
    name: { 'zh-CN': '总经理/厂长/执行副总', 'zh-TW': '總經理/廠長/執行副總', en: 'Executive' },
    permissions: [
      ...read,
      'ticket.read_all',
      'complaint.read',
      'complaint.approve_final',
      'compensation.approve',
      'capa.read',
      'admission.approve',
      'credit.approve',
      'kpi.read',
      'report.read',
      'report.export',
      'survey.report',
      'audit.read',
    ],
  },
  {
    // 001 §4.2.2–4.2.3: drafts credit policy, admits III-level customers, first review of credit changes.
    code: 'executive_assistant',
    name: { 'zh-CN': '执行副总助理', 'zh-TW': '執行副總助理', en: "Executive VP's assistant" },
    permissions: [...read, 'admission.approve', 'credit.approve'],
  },
  {
    code: 'management_representative',
    name: { 'zh-CN': '管理者代表', 'zh-TW': '管理者代表', en: 'Management representative' },
    permissions: [
      ...read,
      'ticket.read_all',
      'complaint.read',
      'capa.read',
      'capa.verify',
      'kpi.read',
      'survey.report',
      'report.read',
    ],
  },
];
