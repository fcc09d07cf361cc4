import type { Texts } from '../../../shared/localise.ts';

/** Text the request module writes: system messages on a request and values put into notifications. */
export const TICKETS_TEXTS = {
  mergedInto: {
    'zh-CN': '{{number}}（{{subject}}）已合并到本请求',
    'zh-TW': '{{number}}（{{subject}}）已合併到本請求',
    en: '{{number}} ({{subject}}) was merged into this request',
  },
  clockFirstResponse: { 'zh-CN': '首次响应', 'zh-TW': '首次回應', en: 'first response' },
  clockResolution: { 'zh-CN': '解决', 'zh-TW': '解決', en: 'resolution' },
} as const satisfies Texts;
