import type { Locale } from '../../shared/locale.ts';
import type { KeysOf } from './define.ts';
import { common } from './messages/common.ts';
import { shell } from './messages/shell.ts';

const DOMAINS = [common, shell] as const;

export type MessageKey = KeysOf<(typeof DOMAINS)[number]>;

function merged(locale: Locale): Record<MessageKey, string> {
  return Object.assign({}, ...DOMAINS.map((domain) => domain[locale])) as Record<MessageKey, string>;
}

/** Every UI text in every language; each domain file guarantees the three languages share their keys. */
export const catalogue: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': merged('zh-CN'),
  'zh-TW': merged('zh-TW'),
  en: merged('en'),
};

export const DOMAIN_CATALOGUES = DOMAINS;
