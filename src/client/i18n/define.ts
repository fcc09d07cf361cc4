import type { Locale } from '../../shared/locale.ts';

/** One domain's messages in every UI language. */
export type Catalogue<K extends string> = { readonly [L in Locale]: Readonly<Record<K, string>> };

/**
 * The keys come from the Simplified Chinese block; the Traditional Chinese and English blocks must have
 * exactly the same keys (a missing or extra key is a type error).
 */
export function defineMessages<const K extends string>(messages: {
  'zh-CN': Record<K, string>;
  'zh-TW': NoInfer<Record<K, string>>;
  en: NoInfer<Record<K, string>>;
}): Catalogue<K> {
  return messages;
}

export type KeysOf<C> = C extends Catalogue<infer K> ? K : never;
