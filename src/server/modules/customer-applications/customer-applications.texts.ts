import type { Texts } from '../../../shared/localise.ts';

/** Text the customer-applications module writes (titles of its approval requests). */
export const CUSTOMER_APPLICATIONS_TEXTS = {
  admissionTitle: {
    'zh-CN': '新客户准入：{{name}}（{{level}} 级信用）',
    'zh-TW': '新客戶准入：{{name}}（{{level}} 級信用）',
    en: 'New customer: {{name}} (credit level {{level}})',
  },
} as const satisfies Texts;
