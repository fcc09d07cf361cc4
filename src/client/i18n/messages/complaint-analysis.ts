import { defineMessages } from '../define.ts';

/** 投诉月度分析：统计、图表、导出和月度关闭确认。 */
export const complaintAnalysis = defineMessages({
  'zh-CN': {
    'complaintAnalysis.nav': '投诉分析',
  },
  'zh-TW': {
    'complaintAnalysis.nav': '投訴分析',
  },
  en: {
    'complaintAnalysis.nav': 'Complaint analysis',
  },
});
