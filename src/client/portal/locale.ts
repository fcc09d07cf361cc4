import { isLocale, type Locale } from '../../shared/locale.ts';

/** The customer's language choice on this browser, kept apart from the staff workbench's. */
const STORAGE_KEY = 'qiao.portal.locale';

export function storedPortalLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storePortalLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}
