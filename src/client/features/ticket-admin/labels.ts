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

/** A label in the UI language, falling back to Simplified Chinese, then any language given. */
export function pick(label: Partial<Record<Locale, string>> | null | undefined, locale: Locale): string {
  if (!label) return '';
  return label[locale] || label['zh-CN'] || label['zh-TW'] || label.en || '';
}

/** The colon after a label: full-width in Chinese. */
export const colon = (locale: Locale) => (locale === 'en' ? ': ' : '：');

export const CUSTOMER_CLASSES = ['A', 'B', 'C'] as const;
export const LANGUAGE_CODES = ['zh-CN', 'zh-TW', 'en'] as const;

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

export interface TreeItem {
  id: number;
  parentId: number | null;
}

export interface TreeNode<T> {
  key: number;
  value: number;
  title: string;
  item: T;
  disabled?: boolean;
  children?: TreeNode<T>[];
}

/** Every id below `id` in a parent/child list. */
export function descendantIds(id: number, items: TreeItem[]): Set<number> {
  const found = new Set<number>();
  const walk = (parent: number) => {
    for (const item of items) {
      if (item.parentId === parent && !found.has(item.id)) {
        found.add(item.id);
        walk(item.id);
      }
    }
  };
  walk(id);
  return found;
}

/** A parent/child list as antd Tree / TreeSelect data, siblings in `order`. */
export function buildTree<T extends TreeItem>(
  items: T[],
  title: (item: T) => string,
  order: (a: T, b: T) => number,
  disable?: Set<number>,
): TreeNode<T>[] {
  const ids = new Set(items.map((i) => i.id));
  const byParent = new Map<number | null, T[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), item]);
  }
  const build = (parent: number | null): TreeNode<T>[] =>
    [...(byParent.get(parent) ?? [])].sort(order).map((item) => {
      const children = build(item.id);
      return {
        key: item.id,
        value: item.id,
        title: title(item),
        item,
        ...(disable?.has(item.id) ? { disabled: true } : {}),
        ...(children.length > 0 ? { children } : {}),
      };
    });
  return build(null);
}
