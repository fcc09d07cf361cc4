import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STEP_LABELS,
} from '../../../shared/complaints/complaint-flow.ts';
import {
  COMPENSATION_KIND_LABELS,
  COMPLAINT_OBJECT_LABELS,
  COMPLAINT_SEVERITY_LABELS,
} from '../../../shared/complaints/complaint-labels.ts';
import type { Locale, Localised } from '../../../shared/locale.ts';
import type { ComplaintDetail } from '../../../shared/schemas/complaints.ts';
import { printKit, printPage, type Text } from '../../http/print-kit.ts';

const L = {
  record: ['客户投诉记录表', '客戶投訴記錄表', 'Customer Complaint Record'],
  replyTitle: ['客户质量投诉回复书', '客戶品質投訴回覆書', 'Reply to a Customer Quality Complaint'],
  number: ['投诉编号', '投訴編號', 'Complaint no.'],
  received: ['投诉时间', '投訴時間', 'Received'],
  customer: ['投诉客户', '投訴客戶', 'Customer'],
  contact: ['联系人', '聯絡人', 'Contact'],
  contactDetails: ['联系方式', '聯絡方式', 'Contact details'],
  channel: ['投诉渠道', '投訴渠道', 'Channel'],
  object: ['投诉对象', '投訴對象', 'Object'],
  product: ['产品', '產品', 'Product'],
  category: ['投诉类别', '投訴類別', 'Category'],
  severity: ['严重程度', '嚴重程度', 'Severity'],
  content: ['投诉内容', '投訴內容', 'Complaint'],
  reason: ['投诉原因', '投訴原因', 'Reason'],
  demand: ['客户要求', '客戶要求', "Customer's demand"],
  promised: ['承诺答复时间', '承諾答覆時間', 'Promised by'],
  validity: ['责任判定', '責任判定', 'Responsibility'],
  department: ['责任部门', '責任部門', 'Responsible department'],
  process: ['处理过程', '處理過程', 'Handling'],
  step: ['步骤', '步驟', 'Step'],
  owner: ['负责人', '負責人', 'Owner'],
  done: ['完成时间', '完成時間', 'Completed'],
  due: ['时限', '時限', 'Due'],
  compensation: ['补偿', '補償', 'Compensation'],
  status: ['状态', '狀態', 'Status'],
  to: ['致', '致', 'To'],
  problem: ['一、问题描述', '一、問題描述', '1. The problem'],
  cause: ['二、原因分析', '二、原因分析', '2. Root cause'],
  corrective: ['三、纠正措施', '三、糾正措施', '3. Corrective measures'],
  preventive: ['四、预防措施', '四、預防措施', '4. Preventive measures'],
  replyText: ['五、答复内容', '五、答覆內容', '5. Our reply'],
  sign: ['签章', '簽章', 'Signatures'],
  quality: ['品质部', '品質部', 'Quality'],
  sales: ['营业部/客户服务部', '營業部/客戶服務部', 'Sales / Customer service'],
  manager: ['厂长/总经理', '廠長/總經理', 'Plant / general manager'],
  printed: ['打印时间', '列印時間', 'Printed'],
} as const satisfies Record<string, Text>;

const VALIDITY: Record<string, Text> = {
  pending: ['待判定', '待判定', 'Not decided yet'],
  valid: ['本公司责任（有效投诉）', '本公司責任（有效投訴）', "Company's responsibility (valid)"],
  not_valid: ['非本公司责任（无效投诉）', '非本公司責任（無效投訴）', 'Not the company’s (not valid)'],
};

const lt = (l: Localised): Text => [l['zh-CN'], l['zh-TW'], l.en];

interface PrintInput {
  organisation: { name: string; timeZone: string };
  complaint: ComplaintDetail;
  locale: Locale;
  now?: Date;
}

function stepData(c: ComplaintDetail, step: string): Record<string, unknown> {
  return [...c.steps].reverse().find((s) => s.step === step && s.completedAt)?.data ?? {};
}

/** 《客户投诉记录表》: the record and how it was handled so far. */
export function renderComplaintRecord(input: PrintInput): string {
  const k = printKit(input.locale, input.organisation.timeZone);
  const c = input.complaint;
  const pre = (v: string | null) => `<span class="pre">${k.e(v)}</span>`;
  const steps = c.steps
    .map(
      (s) =>
        `<tr><td>${k.t(lt(COMPLAINT_STEP_LABELS[s.step]))}</td><td>${k.e(s.ownerName)}</td><td>${k.when(s.dueAt)}</td><td>${k.when(s.completedAt)}</td></tr>`,
    )
    .join('');
  const compensations = c.compensations
    .map(
      (x) =>
        `<tr><td>${k.t(lt(COMPENSATION_KIND_LABELS[x.kind]))}</td><td class="num">${k.amount(x.amount)}</td><td>${k.e(x.description)}</td><td>${k.e(x.status)}</td></tr>`,
    )
    .join('');
  const body = `<table>
${k.row([
  [L.customer, k.e(c.customerName)],
  [L.contact, k.e(c.contactName)],
])}
${k.row([
  [L.channel, k.e(c.channel)],
  [L.contactDetails, k.e(c.contactDetails)],
])}
${k.row([
  [L.object, `${k.t(lt(COMPLAINT_OBJECT_LABELS[c.objectType]))} ${k.e(c.objectRef)}`],
  [L.product, k.e(c.product)],
])}
${k.row([
  [L.category, k.t(lt(COMPLAINT_CATEGORY_LABELS[c.category]))],
  [L.severity, k.t(lt(COMPLAINT_SEVERITY_LABELS[c.severity]))],
])}
${k.row([[L.content, pre(c.content)]])}
${k.row([[L.reason, pre(c.reason)]])}
${k.row([[L.demand, pre(c.demand)]])}
${k.row([
  [L.promised, k.when(c.promisedAt)],
  [L.validity, k.t(VALIDITY[c.validity]!)],
])}
${k.row([[L.department, k.e(c.responsibleDepartmentName)]])}
</table>
<table class="items"><caption>${k.t(L.process)}</caption>
<tr><th>${k.t(L.step)}</th><th>${k.t(L.owner)}</th><th>${k.t(L.due)}</th><th>${k.t(L.done)}</th></tr>${steps}</table>
${compensations ? `<table class="items"><caption>${k.t(L.compensation)}</caption>${compensations}</table>` : ''}`;
  return printPage({
    locale: input.locale,
    title: `${k.t(L.record)} ${k.e(c.number)}`,
    organisation: input.organisation.name,
    heading: L.record[k.i],
    meta: `<span>${k.t(L.number)}：${k.e(c.number)}</span><span>${k.t(L.received)}：${k.when(c.receivedAt)}</span>`,
    body,
    footer: `${k.t(L.printed)}：${k.when((input.now ?? new Date()).toISOString())}`,
  });
}

/** 《客户质量投诉回复书》: causes and permanent measures as replied to the customer, with sign-off lines. */
export function renderQualityReply(input: PrintInput): string {
  const k = printKit(input.locale, input.organisation.timeZone);
  const c = input.complaint;
  const analysis = stepData(c, 'analyse');
  const reply = stepData(c, 'reply');
  const para = (label: Text, value: unknown) =>
    `<table><caption>${k.t(label)}</caption><tr><td class="pre notes">${k.e(value ?? '')}</td></tr></table>`;
  const body = `<table>
${k.row([
  [L.to, k.e(c.customerName)],
  [L.contact, k.e(c.contactName)],
])}
${k.row([
  [L.product, k.e(c.product)],
  [L.category, k.t(lt(COMPLAINT_CATEGORY_LABELS[c.category]))],
])}
</table>
${para(L.problem, c.content)}
${para(L.cause, analysis.rootCause)}
${para(L.corrective, analysis.correctiveMeasures)}
${para(L.preventive, analysis.preventiveMeasures)}
${para(L.replyText, reply.replyText)}
<table class="sign"><caption>${k.t(L.sign)}</caption>
<tr><th>${k.t(L.quality)}</th><td></td><th>${k.t(L.sales)}</th><td></td></tr>
<tr><th>${k.t(L.manager)}</th><td colspan="3"></td></tr></table>`;
  return printPage({
    locale: input.locale,
    title: `${k.t(L.replyTitle)} ${k.e(c.number)}`,
    organisation: input.organisation.name,
    heading: L.replyTitle[k.i],
    meta: `<span>${k.t(L.number)}：${k.e(c.number)}</span><span>${k.t(L.received)}：${k.when(c.receivedAt)}</span>`,
    body,
    footer: `${k.t(L.printed)}：${k.when((input.now ?? new Date()).toISOString())}`,
  });
}
