import type { Texts } from '../../../shared/localise.ts';

/** Text the credit-changes module writes (titles of its approval requests). */
export const CREDIT_CHANGES_TEXTS = {
  approvalTitle: {
    'zh-CN': '信用级别调整：{{name}}（{{from}} → {{to}}）',
    'zh-TW': '信用級別調整：{{name}}（{{from}} → {{to}}）',
    en: 'Credit change: {{name}} ({{from}} → {{to}})',
  },
} as const satisfies Texts;
