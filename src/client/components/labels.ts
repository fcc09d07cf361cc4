import type { Locale } from '../../shared/locale.ts';

/** The UI languages, in the order their inputs and columns are shown. */
export const LANGUAGE_CODES = ['zh-CN', 'zh-TW', 'en'] as const;

/** A label in the UI language, falling back to Simplified Chinese, then any language given. */
export function pick(label: Partial<Record<Locale, string>> | null | undefined, locale: Locale): string {
  if (!label) return '';
  return label[locale] || label['zh-CN'] || label['zh-TW'] || label.en || '';
}

/** The colon after a label: full-width in Chinese. */
export const colon = (locale: Locale) => (locale === 'en' ? ': ' : '：');

/** "3天2小时" / "3d 2h": the largest two units of a duration. */
export function durationText(
  ms: number,
  t: (key: 'common.dur.d' | 'common.dur.h' | 'common.dur.m', vars: { n: number }) => string,
): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t('common.dur.d', { n: days }));
  if (hours) parts.push(t('common.dur.h', { n: hours }));
  if (!days && (mins || !hours)) parts.push(t('common.dur.m', { n: mins }));
  return parts.slice(0, 2).join(' ');
}
