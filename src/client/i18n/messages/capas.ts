import { defineMessages } from '../define.ts';

/** 纠正与预防措施（CAPA）：报告、措施、效果验证。 */
export const capas = defineMessages({
  'zh-CN': {
    'capas.nav': '纠正预防措施',
  },
  'zh-TW': {
    'capas.nav': '糾正預防措施',
  },
  en: {
    'capas.nav': 'CAPA',
  },
});
