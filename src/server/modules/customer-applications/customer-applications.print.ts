import type { Locale } from '../../../shared/locale.ts';
import type { ApprovalRequestView } from '../../../shared/schemas/approvals.ts';
import type { ApplicationView } from '../../../shared/schemas/customer-applications.ts';
import type { CustomerDetail } from '../../../shared/schemas/customers.ts';
import { printKit, printPage, type Text } from '../../http/print-kit.ts';

const L = {
  title: ['新客户申请表', '新客戶申請表', 'New Customer Application'],
  formNo: ['表单编号', '表單編號', 'Form'],
  number: ['申请编号', '申請編號', 'Application no.'],
  date: ['申请日期', '申請日期', 'Date'],
  basics: ['一、客户基本资料', '一、客戶基本資料', '1. Customer'],
  name: ['客户名称', '客戶名稱', 'Name'],
  code: ['客户编码', '客戶編碼', 'Code'],
  kind: ['客户类型', '客戶類型', 'Type'],
  address: ['地址', '地址', 'Address'],
  postalCode: ['邮政编码', '郵遞區號', 'Postal code'],
  phone: ['电话', '電話', 'Phone'],
  fax: ['传真', '傳真', 'Fax'],
  email: ['电子邮件', '電子郵件', 'Email'],
  website: ['网址', '網址', 'Website'],
  bankName: ['开户银行', '開戶銀行', 'Bank'],
  bankAccount: ['银行账号', '銀行帳號', 'Account no.'],
  taxId: ['税号', '稅號', 'Tax ID'],
  industry: ['行业', '行業', 'Industry'],
  region: ['地区', '地區', 'Region'],
  contact: ['联系人', '聯絡人', 'Contact'],
  business: ['二、经营情况', '二、經營情況', '2. Business'],
  businessScope: ['经营范围', '經營範圍', 'Business scope'],
  expectedSales: ['预计年销售额', '預計年銷售額', 'Expected annual sales'],
  request: ['三、申请内容', '三、申請內容', '3. Requested terms'],
  class: ['客户类别', '客戶類別', 'Customer class'],
  creditLevel: ['信用级别', '信用級別', 'Credit level'],
  creditLimit: ['信用额度', '信用額度', 'Credit limit'],
  creditPeriod: ['信用期限（天）', '信用期限（天）', 'Credit period (days)'],
  investigation: ['四、客户调查情况', '四、客戶調查情況', '4. Investigation'],
  applicant: ['申请人（业务经办人）', '申請人（業務經辦人）', 'Applicant'],
  status: ['状态', '狀態', 'Status'],
  approvals: ['五、审批记录', '五、審批記錄', '5. Approval record'],
  step: ['审批环节', '審批環節', 'Step'],
  approver: ['审批人', '審批人', 'Approver'],
  decision: ['审批结果', '審批結果', 'Decision'],
  decidedAt: ['日期', '日期', 'Date'],
  comment: ['审批意见', '審批意見', 'Comment'],
  none: ['尚未提交审批', '尚未提交審批', 'Not submitted for approval yet'],
  printed: ['打印时间', '列印時間', 'Printed'],
} as const satisfies Record<string, Text>;

const CLASSES: Record<string, Text> = {
  A: ['A 类（大客户）', 'A 類（大客戶）', 'A (key account)'],
  B: ['B 类（主要客户）', 'B 類（主要客戶）', 'B (main)'],
  C: ['C 类（零散客户）', 'C 類（零散客戶）', 'C (occasional)'],
};
const LEVELS: Record<string, Text> = {
  I: ['I 级（信用期 30 天以下）', 'I 級（信用期 30 天以下）', 'I (under 30 days)'],
  II: ['II 级（信用期 30 天以上）', 'II 級（信用期 30 天以上）', 'II (over 30 days)'],
  III: ['III 级（年度客户）', 'III 級（年度客戶）', 'III (annual customer)'],
};
const STATUSES: Record<string, Text> = {
  draft: ['草稿', '草稿', 'Draft'],
  submitted: ['审批中', '審批中', 'Awaiting approval'],
  approved: ['已批准', '已核准', 'Approved'],
  rejected: ['已驳回', '已駁回', 'Rejected'],
  withdrawn: ['已撤回', '已撤回', 'Withdrawn'],
  pending: ['待审批', '待審批', 'Pending'],
  waiting: ['待前序审批', '待前序審批', 'Waiting'],
  skipped: ['未审批', '未審批', 'Not decided'],
  cancelled: ['已撤回', '已撤回', 'Withdrawn'],
};
const KINDS: Record<string, Text> = {
  company: ['企业', '企業', 'Company'],
  individual: ['个人', '個人', 'Individual'],
};

export interface PrintInput {
  organisation: { name: string; timeZone: string };
  application: ApplicationView;
  customer: CustomerDetail;
  approvals: ApprovalRequestView[];
  locale: Locale;
  now?: Date;
}

/** 《新客户申请表》FM-MKT-004 as a self-contained, script-free HTML page for printing. */
export function renderApplicationForm(input: PrintInput): string {
  const { i, e, t, pick, when, amount, row } = printKit(input.locale, input.organisation.timeZone);
  const a = input.application;
  const c = input.customer;
  const contact = c.contacts.find((x) => x.isPrimary) ?? c.contacts[0];
  const contactText = contact
    ? [contact.name, contact.title, contact.mobile ?? contact.phone, contact.email]
        .filter(Boolean)
        .join(' · ')
    : '';
  // The latest approval is the one that counts; earlier ones (withdrawn) stay in the application's history.
  const approval = input.approvals[0];
  const steps = approval
    ? approval.steps
        .map(
          (s) =>
            `<tr><td>${e(s.name)}</td><td>${e(s.decidedByName ?? s.approverUserName ?? s.approverRoleName ?? '')}</td><td>${pick(STATUSES, s.status)}</td><td>${when(s.decidedAt)}</td><td class="pre">${e(s.comment)}</td></tr>`,
        )
        .join('')
    : `<tr><td colspan="5">${t(L.none)}</td></tr>`;

  const body = `<table><caption>${t(L.basics)}</caption>
${row([
  [L.name, e(c.name)],
  [L.code, e(c.code)],
])}
${row([
  [L.kind, pick(KINDS, c.kind)],
  [L.industry, e(c.industry)],
])}
${row([
  [L.address, e(c.address)],
  [L.postalCode, e(c.postalCode)],
])}
${row([
  [L.phone, e(c.phone)],
  [L.fax, e(c.fax)],
])}
${row([
  [L.email, e(c.email)],
  [L.website, e(c.website)],
])}
${row([
  [L.bankName, e(c.bankName)],
  [L.bankAccount, e(c.bankAccount)],
])}
${row([
  [L.taxId, e(c.taxId)],
  [L.region, e(c.region)],
])}
${row([[L.contact, e(contactText)]])}
</table>
<table><caption>${t(L.business)}</caption>
${row([[L.businessScope, `<span class="pre">${e(a.businessScope)}</span>`]])}
${row([[L.expectedSales, amount(a.expectedAnnualSales)]])}
</table>
<table><caption>${t(L.request)}</caption>
${row([
  [L.class, pick(CLASSES, a.requestedClass)],
  [L.creditLevel, pick(LEVELS, a.requestedCreditLevel)],
])}
${row([
  [L.creditLimit, amount(a.requestedCreditLimit)],
  [L.creditPeriod, e(a.requestedCreditPeriodDays)],
])}
</table>
<table><caption>${t(L.investigation)}</caption>
<tr><td class="pre notes">${e(a.investigationNotes)}</td></tr>
</table>
<table>
${row([
  [L.applicant, e(a.applicantName)],
  [L.status, pick(STATUSES, a.status)],
])}
</table>
<table><caption>${t(L.approvals)}</caption>
<tr><th>${t(L.step)}</th><th>${t(L.approver)}</th><th>${t(L.decision)}</th><th>${t(L.decidedAt)}</th><th>${t(L.comment)}</th></tr>
${steps}
</table>`;

  return printPage({
    locale: input.locale,
    title: `${t(L.title)} ${e(a.number)}`,
    organisation: input.organisation.name,
    heading: L.title[i],
    meta: `<span>${t(L.formNo)}：FM-MKT-004</span><span>${t(L.number)}：${e(a.number)}</span><span>${t(L.date)}：${when(a.submittedAt ?? a.createdAt, false)}</span>`,
    // This form's investigation box is taller than the note boxes of the other forms.
    extraCss: '  .notes { min-height: 80px; }\n',
    footer: `${t(L.printed)}：${when((input.now ?? new Date()).toISOString())}`,
    body,
  });
}
