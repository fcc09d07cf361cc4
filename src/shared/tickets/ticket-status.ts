import type { Localised } from '../locale.ts';

/**
 * The request flow of SPEC §1 (seed 000 §2.3's nine steps as states). Transitions are enforced on the
 * server and offered by the UI from this one table.
 */
export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_customer',
  'waiting_third_party',
  'resolved',
  'revisited',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const STATUS_LABELS: Record<TicketStatus, Localised> = {
  new: { 'zh-CN': '新建', 'zh-TW': '新建', en: 'New' },
  assigned: { 'zh-CN': '已分派', 'zh-TW': '已分派', en: 'Assigned' },
  in_progress: { 'zh-CN': '处理中', 'zh-TW': '處理中', en: 'In progress' },
  waiting_customer: { 'zh-CN': '等待客户', 'zh-TW': '等待客戶', en: 'Waiting on customer' },
  waiting_third_party: { 'zh-CN': '等待第三方', 'zh-TW': '等待第三方', en: 'Waiting on third party' },
  resolved: { 'zh-CN': '已解决', 'zh-TW': '已解決', en: 'Resolved' },
  revisited: { 'zh-CN': '已回访', 'zh-TW': '已回訪', en: 'Revisited' },
  closed: { 'zh-CN': '已关闭', 'zh-TW': '已關閉', en: 'Closed' },
};

/** Work stages inside "in progress" (diagnosis → solution → implementation, seed 000 §2.3). */
export const TICKET_STAGES = ['diagnosing', 'solution', 'implementing'] as const;
export type TicketStage = (typeof TICKET_STAGES)[number];

const WORKING: TicketStatus[] = ['in_progress', 'waiting_customer', 'waiting_third_party', 'resolved'];

export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['assigned', ...WORKING, 'closed'],
  assigned: ['assigned', ...WORKING, 'closed'],
  in_progress: ['waiting_customer', 'waiting_third_party', 'resolved'],
  waiting_customer: ['in_progress', 'waiting_third_party', 'resolved'],
  waiting_third_party: ['in_progress', 'waiting_customer', 'resolved'],
  // Reopening goes back to in_progress.
  resolved: ['revisited', 'closed', 'in_progress'],
  revisited: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States in which the SLA clocks stop (the customer owes us an answer). */
export const PAUSED_STATUSES: readonly TicketStatus[] = ['waiting_customer'];
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_customer',
  'waiting_third_party',
];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, Localised> = {
  urgent: { 'zh-CN': '紧急', 'zh-TW': '緊急', en: 'Urgent' },
  high: { 'zh-CN': '高', 'zh-TW': '高', en: 'High' },
  normal: { 'zh-CN': '普通', 'zh-TW': '普通', en: 'Normal' },
  low: { 'zh-CN': '低', 'zh-TW': '低', en: 'Low' },
};

export const COMPLEXITIES = ['simple', 'moderate', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export const CHANNELS = ['web', 'email', 'chat', 'phone', 'sms', 'walk_in', 'letter', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, Localised> = {
  web: { 'zh-CN': '网站/门户', 'zh-TW': '網站/入口', en: 'Web portal' },
  email: { 'zh-CN': '电子邮件', 'zh-TW': '電子郵件', en: 'Email' },
  chat: { 'zh-CN': '在线客服', 'zh-TW': '線上客服', en: 'Live chat' },
  phone: { 'zh-CN': '电话', 'zh-TW': '電話', en: 'Phone' },
  sms: { 'zh-CN': '短信', 'zh-TW': '簡訊', en: 'SMS' },
  walk_in: { 'zh-CN': '来访', 'zh-TW': '來訪', en: 'Walk-in' },
  letter: { 'zh-CN': '来函', 'zh-TW': '來函', en: 'Letter' },
  api: { 'zh-CN': '系统接口', 'zh-TW': '系統介面', en: 'API' },
};

/** The request types of SPEC §1, seeded as editable rows. */
export const DEFAULT_TICKET_TYPES: { code: string; label: Localised }[] = [
  { code: 'inquiry', label: { 'zh-CN': '咨询', 'zh-TW': '諮詢', en: 'Inquiry' } },
  { code: 'complaint', label: { 'zh-CN': '投诉', 'zh-TW': '投訴', en: 'Complaint' } },
  { code: 'suggestion', label: { 'zh-CN': '建议', 'zh-TW': '建議', en: 'Suggestion' } },
  { code: 'repair', label: { 'zh-CN': '报修/维修', 'zh-TW': '報修/維修', en: 'Repair' } },
  {
    code: 'installation',
    label: { 'zh-CN': '安装调试', 'zh-TW': '安裝調試', en: 'Installation & commissioning' },
  },
  { code: 'maintenance', label: { 'zh-CN': '保养', 'zh-TW': '保養', en: 'Maintenance' } },
  { code: 'replacement', label: { 'zh-CN': '更换', 'zh-TW': '更換', en: 'Replacement' } },
  { code: 'return', label: { 'zh-CN': '退货', 'zh-TW': '退貨', en: 'Return' } },
  { code: 'technical_support', label: { 'zh-CN': '技术支持', 'zh-TW': '技術支援', en: 'Technical support' } },
  { code: 'order_issue', label: { 'zh-CN': '订单问题', 'zh-TW': '訂單問題', en: 'Order issue' } },
  { code: 'care_visit', label: { 'zh-CN': '关怀/回访', 'zh-TW': '關懷/回訪', en: 'Care visit' } },
];
