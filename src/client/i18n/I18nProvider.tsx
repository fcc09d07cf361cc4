import { App as AntApp, ConfigProvider, type ConfigProviderProps, type ThemeConfig } from 'antd';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import zhTWModule from 'antd/locale/zh_TW.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import 'dayjs/locale/zh-tw.js';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodZhCN from 'zod/v4/locales/zh-CN.js';
import zodZhTW from 'zod/v4/locales/zh-TW.js';
import type { Locale } from '../../shared/locale.ts';
import { setRequestLocale } from '../api/client.ts';
import { catalogue, type MessageKey } from './catalogue.ts';
import { I18nContext, type I18nValue, type MessageVars } from './context.ts';
import { initialLocale, storeLocale } from './locale-preference.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/** antd's locale files are CommonJS: typed as `{ default }`, handed over by the bundler as the object itself. */
const unwrap = (m: AntdLocale | { default: AntdLocale }): AntdLocale => ('default' in m ? m.default : m);
const ANTD_LOCALES: Record<Locale, AntdLocale> = {
  'zh-CN': unwrap(zhCNModule),
  'zh-TW': unwrap(zhTWModule),
  en: unwrap(enUSModule),
};
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };
const ZOD_LOCALES = { 'zh-CN': zodZhCN, 'zh-TW': zodZhTW, en: zodEn } satisfies Record<Locale, unknown>;

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
  setRequestLocale(locale);
  dayjs.locale(DAYJS_LOCALES[locale]);
  z.config(ZOD_LOCALES[locale]());
  document.documentElement.lang = locale;
  document.body.style.fontFamily = FONTS[locale];
}

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const text = catalogue[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    applyLocale(first);
    return first;
  });

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const theme = useMemo(() => themeFor(locale), [locale]);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );

  return (
    <I18nContext value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext>
  );
}
