import { defineMessages } from '../define.ts';

/** 退货：《退货通知单》、收货清点、品质确认、处置和《返工通知单》。 */
export const returns = defineMessages({
  'zh-CN': {
    'returns.nav': '退货',
  },
  'zh-TW': {
    'returns.nav': '退貨',
  },
  en: {
    'returns.nav': 'Returns',
  },
});
