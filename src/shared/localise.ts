import type { Locale, Localised } from './locale.ts';
import { renderTemplate } from './template.ts';

/**
 * The one path for user-facing text the server writes (titles of approval requests, notes stored on a
 * record, labels in exports): a module keeps its texts in a `<domain>.texts.ts` table of
 * `{ key: { 'zh-CN', 'zh-TW', en } }` and picks one with `localise()`. No inline `locale === 'en' ? … : …`.
 */
export type Texts = Record<string, Localised>;

export function localise<T extends Texts>(
  texts: T,
  key: keyof T & string,
  locale: Locale,
  vars: Record<string, string | number | null | undefined> = {},
): string {
  return renderTemplate(texts[key]![locale], vars);
}

/** How a list of names or numbers is joined in running text: 、 in Chinese, a comma in English. */
export const listSeparator = (locale: Locale) => (locale === 'en' ? ', ' : '、');
