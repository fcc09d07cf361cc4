import type { Texts } from '../../../shared/localise.ts';

/** Text the key-accounts module writes: its approval title and the class reason it stores on the customer. */
export const KEY_ACCOUNTS_TEXTS = {
  approvalTitle: {
    'zh-CN': '大客户设定：{{name}}',
    'zh-TW': '大客戶設定：{{name}}',
    en: 'Key account: {{name}}',
  },
  classReason: {
    'zh-CN': '大客户设定',
    'zh-TW': '大客戶設定',
    en: 'Designated key account',
  },
} as const satisfies Texts;
