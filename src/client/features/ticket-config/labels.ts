import type { Locale } from '../../../shared/locale.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  COMPLEXITIES,
  PRIORITIES,
  PRIORITY_LABELS,
} from '../../../shared/tickets/ticket-status.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import type { Translate } from '../../i18n/context.ts';

export const CUSTOMER_CLASSES = ['A', 'B', 'C'] as const;

export const priorityOptions = (locale: Locale) =>
  PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p][locale] }));

export const channelOptions = (locale: Locale) =>
  CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c][locale] }));

export const classOptions = (t: Translate) =>
  CUSTOMER_CLASSES.map((c) => ({ value: c, label: t('ticketAdmin.customerClass', { class: c }) }));

const COMPLEXITY_KEYS: Record<(typeof COMPLEXITIES)[number], MessageKey> = {
  simple: 'ticketAdmin.complexity.simple',
  moderate: 'ticketAdmin.complexity.moderate',
  complex: 'ticketAdmin.complexity.complex',
};

export const complexityOptions = (t: Translate) =>
  COMPLEXITIES.map((c) => ({ value: c, label: t(COMPLEXITY_KEYS[c]) }));

export const complexityLabel = (t: Translate, value: string) =>
  value in COMPLEXITY_KEYS ? t(COMPLEXITY_KEYS[value as keyof typeof COMPLEXITY_KEYS]) : value;

export const priorityLabel = (value: string, locale: Locale) =>
  value in PRIORITY_LABELS ? PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS][locale] : value;

export const channelLabel = (value: string, locale: Locale) =>
  value in CHANNEL_LABELS ? CHANNEL_LABELS[value as keyof typeof CHANNEL_LABELS][locale] : value;
