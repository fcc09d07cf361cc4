import { ERROR_MESSAGES } from '../../../shared/errors.ts';
import type { Locale, Localised } from '../../../shared/locale.ts';
import {
  CHANNEL_LABELS,
  type Channel,
  PRIORITY_LABELS,
  type Priority,
  STATUS_LABELS,
  type TicketStatus,
} from '../../../shared/tickets/ticket-status.ts';
import { useI18n } from '../../i18n/context.ts';

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(table, key);

/** A label in the UI language, falling back to Simplified Chinese when that one is blank. */
export function localisedText(label: Partial<Localised> | null | undefined, locale: Locale): string {
  if (!label) return '';
  return label[locale] || label['zh-CN'] || label.en || '';
}

export const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'geekblue',
  in_progress: 'processing',
  waiting_customer: 'orange',
  waiting_third_party: 'gold',
  resolved: 'success',
  revisited: 'green',
  closed: 'default',
};

export const PRIORITY_COLORS: Record<Priority, string> = {
  urgent: 'red',
  high: 'volcano',
  normal: 'blue',
  low: 'default',
};

/** The error text of a code from the shared table, in the UI language. */
export function errorCodeText(code: string | null, locale: Locale): string {
  if (code && has(ERROR_MESSAGES, code)) return ERROR_MESSAGES[code][locale];
  return code ?? '';
}

/** Status, priority and channel names of the shared tables, in the UI language. */
export function useTicketLabels() {
  const { locale, t } = useI18n();
  return {
    locale,
    status: (s: string) => (has(STATUS_LABELS, s) ? STATUS_LABELS[s][locale] : s),
    statusColor: (s: string) => (has(STATUS_COLORS, s) ? STATUS_COLORS[s] : 'default'),
    priority: (p: string) => (has(PRIORITY_LABELS, p) ? PRIORITY_LABELS[p][locale] : p),
    priorityColor: (p: string) => (has(PRIORITY_COLORS, p) ? PRIORITY_COLORS[p] : 'default'),
    channel: (c: string | null) =>
      c && has(CHANNEL_LABELS, c) ? CHANNEL_LABELS[c as Channel][locale] : (c ?? ''),
    complexity: (c: string) =>
      c === 'simple' || c === 'moderate' || c === 'complex' ? t(`tickets.complexity.${c}`) : c,
    stage: (s: string | null) =>
      s === 'diagnosing' || s === 'solution' || s === 'implementing' ? t(`tickets.stage.${s}`) : (s ?? ''),
    error: (code: string | null) => errorCodeText(code, locale),
  };
}
