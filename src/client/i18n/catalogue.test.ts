import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/locale.ts';
import { catalogue, DOMAIN_CATALOGUES } from './catalogue.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI message catalogue', () => {
  it('has no key in two domains', () => {
    const seen = new Map<string, number>();
    DOMAIN_CATALOGUES.forEach((domain, index) => {
      for (const key of Object.keys(domain['zh-CN'])) {
        expect(seen.has(key), `${key} is defined twice`).toBe(false);
        seen.set(key, index);
      }
    });
  });

  it('has every text in every language, never empty', () => {
    const keys = Object.keys(catalogue['zh-CN']);
    for (const locale of LOCALES) {
      expect(Object.keys(catalogue[locale]).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const text = (catalogue[locale] as Record<string, string>)[key];
        expect(text?.trim(), `${locale} ${key}`).toBeTruthy();
      }
    }
  });

  it('uses the same {placeholders} in every language', () => {
    for (const key of Object.keys(catalogue['zh-CN'])) {
      const expected = placeholders((catalogue['zh-CN'] as Record<string, string>)[key] ?? '');
      for (const locale of LOCALES) {
        const text = (catalogue[locale] as Record<string, string>)[key] ?? '';
        expect(placeholders(text), `${locale} ${key}`).toEqual(expected);
      }
    }
  });

  it('keeps English free of full-width punctuation that CJK fonts render wide', () => {
    for (const [key, text] of Object.entries(catalogue.en)) {
      expect(/[“”‘’…，。：；（）]/.test(text), `en ${key}: ${text}`).toBe(false);
    }
  });
});
