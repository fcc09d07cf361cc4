import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STEP_LABELS,
  type ComplaintCategory,
  type ComplaintStep,
} from '../../../shared/complaints/complaint-flow.ts';
import type { Locale, Localised } from '../../../shared/locale.ts';
import { CHANNEL_LABELS, type Channel } from '../../../shared/tickets/ticket-status.ts';

/** Texts of the spreadsheet and the printed report, in the caller's language. */
type Text = readonly [zhCN: string, zhTW: string, en: string];

export const L = {
  title: ['月度客户投诉分析报告', '月度客戶投訴分析報告', 'Monthly complaint analysis'],
  month: ['统计月份', '統計月份', 'Month'],
  timeZone: ['时区', '時區', 'Time zone'],
  summary: ['汇总', '彙總', 'Summary'],
  byCategory: ['按投诉类别', '按投訴類別', 'By category'],
  byProduct: ['按产品', '按產品', 'By product'],
  byDepartment: ['按责任部门', '按責任部門', 'By department'],
  byClass: ['按客户类别', '按客戶類別', 'By customer class'],
  byChannel: ['按投诉渠道', '按投訴渠道', 'By channel'],
  bySeverity: ['按严重程度', '按嚴重程度', 'By severity'],
  stepDurations: ['各环节用时', '各環節用時', 'Step durations'],
  repeatProblems: ['重复问题', '重複問題', 'Repeat problems'],
  openComplaints: ['未结案投诉', '未結案投訴', 'Open complaints'],
  openCapas: ['未关闭的纠正预防措施', '未關閉的糾正預防措施', 'Open CAPAs'],
  confirmations: ['结案确认', '結案確認', 'Closure confirmations'],
  trend: ['近六个月趋势', '近六個月趨勢', 'Six-month trend'],
  item: ['项目', '項目', 'Item'],
  value: ['数值', '數值', 'Value'],
  count: ['件数', '件數', 'Count'],
  share: ['占比', '占比', 'Share'],
  received: ['收到投诉', '收到投訴', 'Received'],
  valid: ['有效投诉', '有效投訴', 'Valid'],
  notValid: ['无效投诉', '無效投訴', 'Not valid'],
  pending: ['待判定', '待判定', 'Not yet decided'],
  closed: ['本月结案', '本月結案', 'Closed in the month'],
  openAtMonthEnd: ['月末未结案', '月末未結案', 'Open at month end'],
  baseVolume: ['基数', '基數', 'Base volume'],
  baseSource: ['基数来源', '基數來源', 'Base from'],
  baseEntered: ['品质部录入', '品質部錄入', 'Entered by quality'],
  baseRequests: [
    '当月服务请求数（未录入基数）',
    '當月服務請求數（未錄入基數）',
    "The month's service requests (no base entered)",
  ],
  rate: ['客户投诉率', '客戶投訴率', 'Complaint rate'],
  target: ['目标', '目標', 'Target'],
  targetMet: ['达成情况', '達成情況', 'Target'],
  met: ['已达成', '已達成', 'Met'],
  notMet: ['未达成', '未達成', 'Not met'],
  noRate: ['无法计算（基数为 0）', '無法計算（基數為 0）', 'No rate (base is 0)'],
  breachedSteps: ['超时环节数', '超時環節數', 'Steps past their limit'],
  product: ['产品', '產品', 'Product'],
  category: ['投诉类别', '投訴類別', 'Category'],
  department: ['责任部门', '責任部門', 'Department'],
  customerClass: ['客户类别', '客戶類別', 'Customer class'],
  channel: ['渠道', '渠道', 'Channel'],
  severity: ['严重程度', '嚴重程度', 'Severity'],
  step: ['环节', '環節', 'Step'],
  completed: ['完成次数', '完成次數', 'Completed'],
  averageHours: ['平均用时（小时）', '平均用時（小時）', 'Average hours'],
  breached: ['超时次数', '超時次數', 'Past the limit'],
  complaints: ['投诉编号', '投訴編號', 'Complaints'],
  capa: ['纠正预防措施', '糾正預防措施', 'CAPA'],
  noCapa: ['未立案', '未立案', 'None'],
  number: ['编号', '編號', 'Number'],
  customer: ['客户', '客戶', 'Customer'],
  stage: ['当前环节', '目前環節', 'Stage'],
  receivedAt: ['收到时间', '收到時間', 'Received'],
  closedAt: ['结案时间', '結案時間', 'Closed'],
  ageDays: ['已用天数', '已用天數', 'Age (days)'],
  confirmed: ['客户确认', '客戶確認', 'Confirmed'],
  confirmedBy: ['确认人', '確認人', 'Confirmed by'],
  confirmedAt: ['确认时间', '確認時間', 'Confirmed at'],
  note: ['备注', '備註', 'Note'],
  yes: ['是', '是', 'Yes'],
  no: ['否', '否', 'No'],
  titleCol: ['标题', '標題', 'Title'],
  status: ['状态', '狀態', 'Status'],
  dueDate: ['完成期限', '完成期限', 'Due'],
  createdAt: ['立案时间', '立案時間', 'Opened'],
  notRecorded: ['未填写', '未填寫', 'Not recorded'],
  otherProducts: ['其他产品', '其他產品', 'Other products'],
  noDepartment: ['未指定', '未指定', 'Not assigned'],
  unclassified: ['未分类', '未分類', 'Unclassified'],
  none: ['无', '無', 'None'],
  shownOf: [
    '（列出最早的 {n} 条，共 {total} 条）',
    '（列出最早的 {n} 筆，共 {total} 筆）',
    '(oldest {n} of {total})',
  ],
  printed: ['打印时间', '列印時間', 'Printed'],
} as const satisfies Record<string, Text>;

const SEVERITIES: Record<string, Text> = {
  critical: ['严重', '嚴重', 'Critical'],
  major: ['重大', '重大', 'Major'],
  normal: ['一般', '一般', 'Normal'],
  minor: ['轻微', '輕微', 'Minor'],
};
const CLASSES: Record<string, Text> = {
  A: ['A 类（大客户）', 'A 類（大客戶）', 'A (key account)'],
  B: ['B 类（主要客户）', 'B 類（主要客戶）', 'B (main)'],
  C: ['C 类（零散客户）', 'C 類（零散客戶）', 'C (occasional)'],
};
const CAPA_STATUSES: Record<string, Text> = {
  proposed: ['待立案', '待立案', 'Proposed'],
  open: ['已立案', '已立案', 'Open'],
  in_progress: ['执行中', '執行中', 'In progress'],
  verifying: ['效果验证中', '效果驗證中', 'Verifying'],
  closed: ['已关闭', '已關閉', 'Closed'],
  dismissed: ['不立案', '不立案', 'Dismissed'],
};
const STAGES: Record<string, Text> = {
  received: ['已登记', '已登記', 'Recorded'],
  closed: ['已结案', '已結案', 'Closed'],
};

const INDEX: Record<Locale, 0 | 1 | 2> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/** The translating functions of one language. */
export function labelsFor(locale: Locale) {
  const i = INDEX[locale];
  const t = (text: Text, vars: Record<string, string | number> = {}) =>
    text[i].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
  const pick = (table: Record<string, Text>, key: string | null, fallback: Text = L.notRecorded) =>
    key === null ? t(fallback) : table[key] ? t(table[key]) : key;
  const localised = (table: Record<string, Localised>, key: string | null) =>
    key === null ? t(L.notRecorded) : (table[key]?.[locale] ?? key);
  return {
    t,
    category: (key: string | null) =>
      localised(COMPLAINT_CATEGORY_LABELS as Record<ComplaintCategory, Localised>, key),
    channel: (key: string | null) => localised(CHANNEL_LABELS as Record<Channel, Localised>, key),
    step: (key: string) =>
      STAGES[key] ? t(STAGES[key]) : (COMPLAINT_STEP_LABELS[key as ComplaintStep]?.[locale] ?? key),
    severity: (key: string | null) => pick(SEVERITIES, key),
    customerClass: (key: string | null) => pick(CLASSES, key, L.unclassified),
    capaStatus: (key: string) => pick(CAPA_STATUSES, key),
    product: (product: string | null, other: boolean) =>
      other ? t(L.otherProducts) : product === null ? t(L.notRecorded) : product,
    department: (name: string | null) => name ?? t(L.noDepartment),
    yesNo: (value: boolean) => t(value ? L.yes : L.no),
  };
}
export type Labels = ReturnType<typeof labelsFor>;
