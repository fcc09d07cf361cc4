import type { Locale } from '../../../shared/locale.ts';
import type { CategoryOption } from '../../api/tickets-lookups.ts';
import { localisedText } from './labels.ts';

export interface CategoryNode {
  value: number;
  title: string;
  children?: CategoryNode[];
}

/** The category tree for a TreeSelect: active categories in their order (a chosen inactive one stays). */
export function categoryTree(
  categories: CategoryOption[],
  locale: Locale,
  keep?: number | null,
): CategoryNode[] {
  const usable = categories.filter((c) => c.isActive || c.id === keep);
  const ids = new Set(usable.map((c) => c.id));
  const build = (parent: number | null): CategoryNode[] =>
    usable
      .filter((c) => (c.parentId !== null && ids.has(c.parentId) ? c.parentId : null) === parent)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .map((c) => {
        const children = build(c.id);
        return {
          value: c.id,
          title: localisedText(c.label, locale),
          ...(children.length ? { children } : {}),
        };
      });
  return build(null);
}
