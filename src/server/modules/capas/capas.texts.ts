import type { Texts } from '../../../shared/localise.ts';

/** Text the CAPA module writes: the report that repeat detection proposes. */
export const CAPAS_TEXTS = {
  repeatTitle: {
    'zh-CN': '重复问题：{{product}} · {{category}}',
    'zh-TW': '重複問題：{{product}} · {{category}}',
    en: 'Repeated problem: {{product}} · {{category}}',
  },
  repeatProblem: {
    'zh-CN':
      '{{days}} 天内同一产品、同类问题共收到 {{count}} 起客户投诉（{{numbers}}），达到重复问题阈值，建议采取纠正与预防措施。',
    'zh-TW':
      '{{days}} 天內同一產品、同類問題共收到 {{count}} 起客戶投訴（{{numbers}}），達到重複問題門檻，建議採取糾正與預防措施。',
    en: '{{count}} complaints on the same product and category within {{days}} days ({{numbers}}) reached the repeat threshold; a corrective and preventive action is proposed.',
  },
} as const satisfies Texts;
