import type { Localised } from './locale.ts';

/**
 * The spreadsheet columns of the customer list (《客户一览表》 FM-MKT-005), in the order of the form. Import
 * reads them by header in any of the three languages; export writes the headers in the user's language.
 */
export interface CustomerColumn {
  key: string;
  header: Localised;
  /** Columns export writes but import ignores (derived or managed through their own flows). */
  exportOnly?: boolean;
  required?: boolean;
}

const col = (key: string, zhCN: string, zhTW: string, en: string, extra: Partial<CustomerColumn> = {}) => ({
  key,
  header: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
  ...extra,
});

export const CUSTOMER_COLUMNS: CustomerColumn[] = [
  col('code', '客户编码', '客戶編碼', 'Code'),
  col('name', '客户名称', '客戶名稱', 'Name', { required: true }),
  col('kind', '客户类型', '客戶類型', 'Type'),
  col('shortName', '简称', '簡稱', 'Short name'),
  col('address', '地址', '地址', 'Address'),
  col('postalCode', '邮政编码', '郵遞區號', 'Postal code'),
  col('phone', '电话', '電話', 'Phone'),
  col('fax', '传真', '傳真', 'Fax'),
  col('email', '电子邮箱', '電子郵件', 'Email'),
  col('website', '网址', '網址', 'Website'),
  col('bankName', '开户银行', '開戶銀行', 'Bank'),
  col('bankAccount', '银行账号', '銀行帳號', 'Bank account'),
  col('taxId', '税号', '統一編號', 'Tax ID'),
  col('idNumber', '身份证号', '身分證號', 'ID number'),
  col('industry', '行业', '行業', 'Industry'),
  col('region', '地区', '地區', 'Region'),
  col('source', '客户来源', '客戶來源', 'Source'),
  col('annualSales', '年销售额', '年銷售額', 'Annual sales'),
  col('salesYear', '销售年度', '銷售年度', 'Sales year'),
  col('class', '客户等级', '客戶等級', 'Class'),
  col('creditLevel', '信用级别', '信用級別', 'Credit level'),
  col('creditLimit', '信用额度', '信用額度', 'Credit limit'),
  col('creditPeriodDays', '信用期(天)', '信用期(天)', 'Credit period (days)'),
  col('tags', '标签', '標籤', 'Tags'),
  col('notes', '备注', '備註', 'Notes'),
  col('contactName', '联系人', '聯絡人', 'Contact'),
  col('contactTitle', '联系人职务', '聯絡人職稱', 'Contact title'),
  col('contactPhone', '联系人电话', '聯絡人電話', 'Contact phone'),
  col('contactMobile', '联系人手机', '聯絡人手機', 'Contact mobile'),
  col('contactEmail', '联系人邮箱', '聯絡人郵箱', 'Contact email'),
  col('lifecycle', '客户状态', '客戶狀態', 'Stage', { exportOnly: true }),
  col('owner', '业务经办人', '業務經辦人', 'Owner', { exportOnly: true }),
  col('advisor', '专属顾问', '專屬顧問', 'Advisor', { exportOnly: true }),
  col('lastActivityAt', '最近联系', '最近聯繫', 'Last contact', { exportOnly: true }),
];

/** Column key for a header in any language (spaces and full-width brackets aside). */
export function columnForHeader(header: string): CustomerColumn | undefined {
  const norm = (s: string) =>
    s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/\*$/, '').toLowerCase();
  const h = norm(header);
  return CUSTOMER_COLUMNS.find(
    (c) => Object.values(c.header).some((label) => norm(label) === h) || c.key.toLowerCase() === h,
  );
}
