import type { Texts } from '../../../shared/localise.ts';

/** Text the returns module writes: the description of the compensation a refund disposition files. */
export const RETURNS_TEXTS = {
  refundDescription: {
    'zh-CN': '退货退款（退货通知单 {{number}}）',
    'zh-TW': '退貨退款（退貨通知單 {{number}}）',
    en: 'Refund for return {{number}}',
  },
} as const satisfies Texts;
