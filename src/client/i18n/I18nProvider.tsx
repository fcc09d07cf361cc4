import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { config as configureZod } from 'zod/v4/core';
import type { Locale } from '../../shared/locale.ts';
import { setRequestLocale } from '../api/client.ts';
import type { MessageKey } from './catalogue.ts';
import { I18nContext, type I18nValue, type MessageVars } from './context.ts';
import { languagePack, loadLanguage } from './language-pack.ts';
import { storeLocale } from './locale-preference.ts';

const LATIN =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans'";
/** Each language gets its own CJK faces first, so Traditional text uses Traditional glyph forms. */
const FONTS: Record<Locale, string> = {
  'zh-CN': `-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif`,
  'zh-TW': `-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC', 'Helvetica Neue', Arial, sans-serif`,
  en: `${LATIN}, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif`,
};

const themeFor = (locale: Locale): ThemeConfig => ({
  token: { colorPrimary: '#1e5bb8', borderRadius: 6, fontFamily: FONTS[locale] },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#10233f', triggerBg: '#0c1c33' },
    Menu: {
      darkItemBg: '#10233f',
      darkSubMenuItemBg: '#0c1c33',
      darkPopupBg: '#10233f',
      darkItemSelectedBg: '#1e5bb8',
      darkGroupTitleColor: 'rgba(255, 255, 255, 0.45)',
    },
  },
});

/** Everything outside React that speaks the UI language: API calls, dates, validation messages, <html lang>. */
function applyLocale(locale: Locale): void {
  const pack = languagePack(locale);
  setRequestLocale(locale);
  dayjs.locale(pack.dayjs);
  configureZod(pack.zod());
  document.documentElement.lang = locale;
  document.body.style.fontFamily = FONTS[locale];
}

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const text = languagePack(locale).messages[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** The UI language; `initialLocale`'s pack must be loaded (main.tsx awaits loadLanguage before rendering). */
export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    applyLocale(initialLocale);
    return initialLocale;
  });

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    // The other language's texts arrive as their own chunk; the screen switches once they are here.
    loadLanguage(next).then(
      () => {
        applyLocale(next);
        setLocaleState(next);
      },
      () => {},
    );
  }, []);

  const theme = useMemo(() => themeFor(locale), [locale]);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );

  return (
    <I18nContext value={value}>
      <ConfigProvider locale={languagePack(locale).antd} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext>
  );
}
