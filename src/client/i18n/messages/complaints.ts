import { defineMessages } from '../define.ts';

/** 投诉：《客户投诉记录表》、处理步骤、补偿和结案。 */
export const complaints = defineMessages({
  'zh-CN': {
    'complaints.nav': '投诉处理',
    'complaints.nav.group': '投诉与纠正预防',
  },
  'zh-TW': {
    'complaints.nav': '投訴處理',
    'complaints.nav.group': '投訴與糾正預防',
  },
  en: {
    'complaints.nav': 'Complaints',
    'complaints.nav.group': 'Complaints & CAPA',
  },
});
