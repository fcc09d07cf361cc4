import { COMPLAINT_CATEGORY_LABELS } from '../../../shared/complaints/complaint-flow.ts';
import type { Locale } from '../../../shared/locale.ts';
import type { CapaDetail } from '../../../shared/schemas/capas.ts';
import { printKit, printPage, type Text } from '../../http/print-kit.ts';

const L = {
  title: ['纠正与预防措施报告', '糾正與預防措施報告', 'Corrective and Preventive Action Report'],
  number: ['报告编号', '報告編號', 'Report no.'],
  date: ['提出日期', '提出日期', 'Raised'],
  status: ['状态', '狀態', 'Status'],
  problemSection: ['一、问题描述', '一、問題描述', '1. Problem'],
  subject: ['主题', '主題', 'Subject'],
  source: ['来源', '來源', 'Source'],
  complaints: ['相关投诉', '相關投訴', 'Complaints'],
  product: ['产品', '產品', 'Product'],
  category: ['问题类别', '問題類別', 'Category'],
  owner: ['负责人', '負責人', 'Owner'],
  department: ['责任部门', '責任部門', 'Responsible department'],
  dueDate: ['要求完成日期', '要求完成日期', 'Due'],
  problem: ['问题描述', '問題描述', 'Description'],
  containment: ['二、围堵/临时措施', '二、圍堵/臨時措施', '2. Containment'],
  analysis: ['三、原因分析', '三、原因分析', '3. Root-cause analysis'],
  why: ['为什么', '為什麼', 'Why'],
  causeCategory: ['原因类别', '原因類別', 'Cause category'],
  rootCause: ['根本原因', '根本原因', 'Root cause'],
  actions: ['四、纠正与预防措施', '四、糾正與預防措施', '4. Actions'],
  no: ['序号', '序號', 'No.'],
  kind: ['类型', '類型', 'Type'],
  action: ['措施内容', '措施內容', 'Action'],
  actionOwner: ['负责人', '負責人', 'Owner'],
  actionDue: ['完成期限', '完成期限', 'Due'],
  actionStatus: ['状态', '狀態', 'Status'],
  actionDone: ['完成情况', '完成情況', 'Result'],
  noActions: ['尚未制定措施', '尚未制定措施', 'No actions yet'],
  verification: ['五、效果验证', '五、效果驗證', '5. Verification of effectiveness'],
  verifier: ['验证人', '驗證人', 'Verified by'],
  verifiedAt: ['验证日期', '驗證日期', 'Date'],
  result: ['验证结论', '驗證結論', 'Result'],
  note: ['验证说明', '驗證說明', 'Note'],
  evidence: ['验证证据', '驗證證據', 'Evidence'],
  notVerified: ['尚未验证', '尚未驗證', 'Not verified yet'],
  signOff: ['六、签核', '六、簽核', '6. Sign-off'],
  preparedBy: ['编制', '編製', 'Prepared by'],
  reviewedBy: ['审核', '審核', 'Reviewed by'],
  approvedBy: ['批准', '核准', 'Approved by'],
  signDate: ['日期', '日期', 'Date'],
  printed: ['打印时间', '列印時間', 'Printed'],
} as const satisfies Record<string, Text>;

const SOURCES: Record<string, Text> = {
  complaint: ['客户投诉', '客戶投訴', 'Customer complaint'],
  repeat: ['重复问题', '重複問題', 'Repeated problem'],
  survey: ['满意度调查', '滿意度調查', 'Satisfaction survey'],
  quality_monitoring: ['质量监控', '品質監控', 'Quality monitoring'],
  audit: ['审核', '稽核', 'Audit'],
  internal: ['内部发现', '內部發現', 'Internal'],
};
const STATUSES: Record<string, Text> = {
  proposed: ['待确认', '待確認', 'Proposed'],
  open: ['待分析', '待分析', 'Open'],
  in_progress: ['实施中', '實施中', 'In progress'],
  verifying: ['待验证', '待驗證', 'Verifying'],
  closed: ['已关闭', '已關閉', 'Closed'],
  dismissed: ['已驳回', '已駁回', 'Dismissed'],
};
const CAUSES: Record<string, Text> = {
  man: ['人', '人', 'Man'],
  machine: ['机', '機', 'Machine'],
  material: ['料', '料', 'Material'],
  method: ['法', '法', 'Method'],
  environment: ['环', '環', 'Environment'],
  measurement: ['测', '測', 'Measurement'],
  other: ['其他', '其他', 'Other'],
};
const KINDS: Record<string, Text> = {
  corrective: ['纠正措施', '糾正措施', 'Corrective'],
  preventive: ['预防措施', '預防措施', 'Preventive'],
  document_change: ['文件变更', '文件變更', 'Document change'],
};
const ACTION_STATUSES: Record<string, Text> = {
  open: ['进行中', '進行中', 'Open'],
  done: ['已完成', '已完成', 'Done'],
  cancelled: ['已取消', '已取消', 'Cancelled'],
};
const RESULTS: Record<string, Text> = {
  effective: ['有效', '有效', 'Effective'],
  not_effective: ['无效', '無效', 'Not effective'],
};

/** The actions table sizes its own columns; the sign-off row is lines to sign on, not boxes. */
const CAPA_CSS = `  table.list th { width: auto; }
  .sign td { border: none; padding: 18px 6px 4px; height: auto; }
  .line { display: inline-block; width: 90px; border-bottom: 1px solid #000; }
  .line.short { width: 60px; }
`;

export interface CapaPrintInput {
  organisation: { name: string; timeZone: string };
  capa: CapaDetail;
  locale: Locale;
  now?: Date;
}

/** 《纠正与预防措施报告》 as a self-contained, script-free HTML page for printing. */
export function renderCapaReport(input: CapaPrintInput): string {
  const { i, e, t, pick, when, row } = printKit(input.locale, input.organisation.timeZone);
  const c = input.capa;
  const category = c.complaintCategory ? e(COMPLAINT_CATEGORY_LABELS[c.complaintCategory][input.locale]) : '';
  const whys = c.whyChain.length
    ? c.whyChain
        .map((w, n) => `<tr><th>${t(L.why)} ${n + 1}</th><td colspan="3" class="pre">${e(w)}</td></tr>`)
        .join('')
    : '';
  const actions = c.actions.length
    ? c.actions
        .map(
          (a, n) =>
            `<tr><td>${n + 1}</td><td>${pick(KINDS, a.kind)}</td><td class="pre">${e(a.description)}${
              a.documentRef ? `<br>〔${e(a.documentRef)}〕` : ''
            }</td><td>${e(a.owner?.name)}</td><td>${e(a.dueDate)}</td><td>${pick(ACTION_STATUSES, a.status)}</td><td class="pre">${when(a.doneAt, false)}${a.doneNote ? ` ${e(a.doneNote)}` : ''}</td></tr>`,
        )
        .join('')
    : `<tr><td colspan="7">${t(L.noActions)}</td></tr>`;
  const v = c.verification;
  const evidence = c.attachments.map((a) => e(a.fileName)).join('、');
  const verification = v
    ? `${row([
        [L.verifier, e(v.by?.name)],
        [L.verifiedAt, when(v.at, false)],
      ])}${row([[L.result, pick(RESULTS, v.result)]])}${row([[L.note, `<span class="pre">${e(v.note)}</span>`]])}${row([[L.evidence, evidence]])}`
    : `<tr><td colspan="4">${t(L.notVerified)}</td></tr>`;
  const sign = (label: Text) =>
    `<td>${t(label)}：<span class="line"></span> ${t(L.signDate)}：<span class="line short"></span></td>`;

  const body = `<table><caption>${t(L.problemSection)}</caption>
${row([[L.subject, e(c.title)]])}
${row([
  [L.source, pick(SOURCES, c.source)],
  [L.complaints, e(c.complaints.map((x) => x.number).join('、'))],
])}
${row([
  [L.product, e(c.product)],
  [L.category, category],
])}
${row([
  [L.owner, e(c.owner?.name)],
  [L.department, e(c.department?.name)],
])}
${row([[L.dueDate, e(c.dueDate)]])}
${row([[L.problem, `<span class="pre">${e(c.problem)}</span>`]])}
</table>
<table><caption>${t(L.containment)}</caption>
<tr><td class="pre notes">${e(c.containment)}</td></tr>
</table>
<table><caption>${t(L.analysis)}</caption>
${whys}
${row([[L.causeCategory, pick(CAUSES, c.causeCategory)]])}
${row([[L.rootCause, `<span class="pre">${e(c.rootCause)}</span>`]])}
</table>
<table class="list"><caption>${t(L.actions)}</caption>
<colgroup><col style="width:6%"><col style="width:11%"><col style="width:33%"><col style="width:11%"><col style="width:12%"><col style="width:9%"><col style="width:18%"></colgroup>
<tr><th>${t(L.no)}</th><th>${t(L.kind)}</th><th>${t(L.action)}</th><th>${t(L.actionOwner)}</th><th>${t(L.actionDue)}</th><th>${t(L.actionStatus)}</th><th>${t(L.actionDone)}</th></tr>
${actions}
</table>
<table><caption>${t(L.verification)}</caption>
${verification}
</table>
<table class="sign"><caption>${t(L.signOff)}</caption>
<tr>${sign(L.preparedBy)}${sign(L.reviewedBy)}${sign(L.approvedBy)}</tr>
</table>`;

  return printPage({
    locale: input.locale,
    title: `${t(L.title)} ${e(c.number)}`,
    organisation: input.organisation.name,
    heading: L.title[i],
    meta: `<span>${t(L.number)}：${e(c.number)}</span><span>${t(L.date)}：${when(c.createdAt, false)}</span><span>${t(L.status)}：${pick(STATUSES, c.status)}</span>`,
    body,
    footer: `${t(L.printed)}：${when((input.now ?? new Date()).toISOString())}`,
    extraCss: CAPA_CSS,
  });
}
