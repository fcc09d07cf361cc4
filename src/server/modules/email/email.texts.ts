import type { Texts } from '../../../shared/localise.ts';

/** Text the email module writes onto requests made from incoming mail. */
export const EMAIL_TEXTS = {
  noText: { 'zh-CN': '（无正文）', 'zh-TW': '（無正文）', en: '(no text)' },
  noSubject: { 'zh-CN': '（无主题）', 'zh-TW': '（無主旨）', en: '(no subject)' },
  followUp: {
    'zh-CN': '— 关联已结束的请求 {{number}}',
    'zh-TW': '— 關聯已結束的請求 {{number}}',
    en: '— Follow-up to {{number}}',
  },
} as const satisfies Texts;
