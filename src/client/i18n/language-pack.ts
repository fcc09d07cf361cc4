import type { ConfigProviderProps } from 'antd';
import type zodLocale from 'zod/v4/locales/en.js';
import type { Locale } from '../../shared/locale.ts';
import type { MessageKey } from './catalogue.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/** Everything one UI language needs in the browser; each language is its own lazily loaded chunk. */
export interface LanguagePack {
  messages: Readonly<Record<MessageKey, string>>;
  antd: AntdLocale;
  /** Validation messages of zod (`z.config(pack.zod())`). */
  zod: typeof zodLocale;
  /** The dayjs locale name; the pack's module has registered it. */
  dayjs: string;
}

/** antd's locale files are CommonJS: typed as `{ default }`, handed over by the bundler as the object itself. */
export const unwrapAntdLocale = (m: AntdLocale | { default: AntdLocale }): AntdLocale =>
  'default' in m ? m.default : m;

const LOADERS: Record<Locale, () => Promise<{ default: LanguagePack }>> = {
  'zh-CN': () => import('./languages/zh-CN.ts'),
  'zh-TW': () => import('./languages/zh-TW.ts'),
  en: () => import('./languages/en.ts'),
};

const loading = new Map<Locale, Promise<LanguagePack>>();
const loaded = new Map<Locale, LanguagePack>();

/** Loads one language's pack (once); the UI switches language only after this resolves. */
export function loadLanguage(locale: Locale): Promise<LanguagePack> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]().then(({ default: pack }) => {
      loaded.set(locale, pack);
      return pack;
    });
    // A failed download (offline, a new release) may be tried again on the next switch.
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** The pack of a language that loadLanguage() has loaded. */
export function languagePack(locale: Locale): LanguagePack {
  const pack = loaded.get(locale);
  if (!pack) throw new Error(`language ${locale} is not loaded yet`);
  return pack;
}

/** For keys built at run time (e.g. `audit.action.${action}`): is there such a message? Every language has the same keys. */
export function isMessageKey(key: string): key is MessageKey {
  for (const pack of loaded.values()) return Object.hasOwn(pack.messages, key);
  return false;
}
