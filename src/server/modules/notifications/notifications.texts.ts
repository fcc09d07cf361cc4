import type { Texts } from '../../../shared/localise.ts';

/** Text the notifications module writes itself. */
export const NOTIFICATION_TEXTS = {
  /** What the outbound log shows in place of a one-time link or code (the mail sent carries the real one). */
  hiddenLink: {
    'zh-CN': '[一次性链接已隐藏]',
    'zh-TW': '[一次性連結已隱藏]',
    en: '[one-time link hidden]',
  },
} as const satisfies Texts;
