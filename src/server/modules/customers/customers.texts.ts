import type { Texts } from '../../../shared/localise.ts';

/**
 * Text the customers module writes: the lost reason of a merged duplicate, the problems an import check
 * reports row by row, the export sheet's name.
 */
export const CUSTOMERS_TEXTS = {
  mergedInto: { 'zh-CN': '已合并到 {{code}}', 'zh-TW': '已合併到 {{code}}', en: 'merged into {{code}}' },
  sheetName: { 'zh-CN': '客户一览表', 'zh-TW': '客戶一覽表', en: 'Customers' },
  importRequired: { 'zh-CN': '必填', 'zh-TW': '必填', en: 'required' },
  importInvalid: { 'zh-CN': '格式不正确', 'zh-TW': '格式不正確', en: 'not valid' },
  importNumber: { 'zh-CN': '应为数字', 'zh-TW': '應為數字', en: 'must be a number' },
  importNeedsApproval: { 'zh-CN': '须经审批', 'zh-TW': '須經審批', en: 'needs its approval' },
  importDupInFile: { 'zh-CN': '与第 {{n}} 行重复', 'zh-TW': '與第 {{n}} 行重複', en: 'same as row {{n}}' },
  importNoHeader: {
    'zh-CN': '第一行应为表头，未找到“客户名称”列',
    'zh-TW': '第一行應為表頭，未找到「客戶名稱」欄',
    en: 'The first row must be the header with a “Name” column',
  },
} as const satisfies Texts;
