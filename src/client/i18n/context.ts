import { createContext, useContext } from 'react';
import type { Locale } from '../../shared/locale.ts';
import type { MessageKey } from './catalogue.ts';

export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export interface I18nValue {
  locale: Locale;
  /** Switches the UI language on this browser (the signed-in shell also saves it to the account). */
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside <I18nProvider>');
  return value;
}

/** The translate function of the current UI language. */
export function useT(): Translate {
  return useI18n().t;
}
