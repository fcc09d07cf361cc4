import { DEFAULT_LOCALE, isLocale, type Locale, localeFromAcceptLanguage } from '../../shared/locale.ts';

const STORAGE_KEY = 'qiao.locale';

export function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Before sign-in: the last choice on this browser, then the browser's languages, then Simplified Chinese. */
export function initialLocale(): Locale {
  return (
    storedLocale() ??
    localeFromAcceptLanguage(
      typeof navigator === 'undefined' ? undefined : (navigator.languages ?? [navigator.language]).join(','),
    ) ??
    DEFAULT_LOCALE
  );
}

export const LOCALE_NAMES: Record<Locale, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};
