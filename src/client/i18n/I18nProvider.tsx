import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { Locale as AntdLocale } from 'antd/es/locale/index.js';
import enUS from 'antd/locale/en_US.js';
import zhCN from 'antd/locale/zh_CN.js';
import zhTW from 'antd/locale/zh_TW.js';
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

const ANTD_LOCALES: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };
const ZOD_LOCALES = { 'zh-CN': zodZhCN, 'zh-TW': zodZhTW, en: zodEn } satisfies Record<Locale, unknown>;

const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1e5bb8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#10233f' } },
};

/** Everything outside React that speaks the UI language: API calls, dates, validation messages, <html lang>. */
function applyLocale(locale: Locale): void {
  setRequestLocale(locale);
  dayjs.locale(DAYJS_LOCALES[locale]);
  z.config(ZOD_LOCALES[locale]());
  document.documentElement.lang = locale;
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

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );

  return (
    <I18nContext value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext>
  );
}
