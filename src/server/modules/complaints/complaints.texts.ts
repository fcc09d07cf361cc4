import type { Texts } from '../../../shared/localise.ts';

/** Text the complaints module writes: approval titles and the note that closes the request. */
export const COMPLAINTS_TEXTS = {
  finalReportTitle: {
    'zh-CN': '投诉结案报告：{{number}}',
    'zh-TW': '投訴結案報告：{{number}}',
    en: 'Complaint final report：{{number}}',
  },
  closedNote: {
    'zh-CN': '投诉已结案 {{number}}',
    'zh-TW': '投訴已結案 {{number}}',
    en: 'Complaint closed {{number}}',
  },
  compensationTitle: {
    'zh-CN': '补偿申请：{{record}} {{kind}} ¥{{amount}}',
    'zh-TW': '補償申請：{{record}} {{kind}} ¥{{amount}}',
    en: 'Compensation for {{record}}: {{kind}} ¥{{amount}}',
  },
} as const satisfies Texts;
