import { describe, expect, it } from 'vitest';
import {
  articleVectorLiteral,
  MAX_SUGGEST_TERMS,
  minimumMatches,
  queryScoreTerms,
  suggestTerms,
  termQuery,
} from './search-terms.ts';

const lexemes = (terms: { lexeme: string }[]) => terms.map((t) => t.lexeme);

describe('suggestion terms of typed text', () => {
  it('keeps the meaningful Chinese pairs of a typed request and drops particles and fillers', () => {
    const terms = lexemes(suggestTerms('我的快递显示已签收但是没收到货'));
    expect(terms).toEqual(expect.arrayContaining(['快递', '显示', '签收', '收到', '到货']));
    for (const noise of ['我的', '的快', '但是', '是没', '收但']) expect(terms).not.toContain(noise);
    // Dictionary words first.
    expect(terms.indexOf('快递')).toBeLessThan(terms.indexOf('递显'));
  });

  it('folds Traditional to Simplified, as the index does', () => {
    expect(lexemes(suggestTerms('發票抬頭寫錯了'))).toEqual(expect.arrayContaining(['发票', '抬头', '写错']));
  });

  it('keeps English content words as prefixes of their stem and drops stop words', () => {
    const terms = suggestTerms('My parcels show as delivered but I never received them');
    expect(terms).toEqual(
      expect.arrayContaining([
        { lexeme: 'parcel', prefix: true },
        { lexeme: 'deliver', prefix: true },
        { lexeme: 'receiv', prefix: true },
        { lexeme: 'never', prefix: true },
      ]),
    );
    for (const stop of ['my', 'but', 'i', 'as', 'them']) expect(lexemes(terms)).not.toContain(stop);
  });

  it('keeps product codes but not bare numbers', () => {
    const terms = lexemes(suggestTerms('GZL-4.2 温控器 订单 20261101 电话 13912345678'));
    expect(terms).toContain('gzl-4.2');
    expect(terms).not.toContain('20261101');
    expect(terms).not.toContain('13912345678');
  });

  it('never throws and stays bounded on odd input', () => {
    const odd = [
      '',
      '   ',
      "'''",
      '\\',
      '!!! & | ( ) :* <-> ',
      '的了吗呢',
      '\u0000\uFFFF\uD800',
      '😀😀😀',
      'a'.repeat(100_000),
      '测试'.repeat(10_000),
      Array.from({ length: 500 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}x${i % 7}`).join(' '),
    ];
    for (const text of odd) {
      const terms = suggestTerms(text);
      expect(terms.length).toBeLessThanOrEqual(MAX_SUGGEST_TERMS);
      for (const term of terms) expect(term.lexeme.length).toBeGreaterThan(0);
    }
    expect(suggestTerms('的了吗呢')).toEqual([]);
  });

  it('asks for two matches once there are several terms', () => {
    expect(minimumMatches(1)).toBe(1);
    expect(minimumMatches(3)).toBe(1);
    expect(minimumMatches(4)).toBe(2);
  });
});

describe('weighted article vector', () => {
  it('marks title lexemes A, tags B and body D, each lexeme once', () => {
    const literal = articleVectorLiteral({ title: '发票', tags: ['退款'], bodyText: "发票 it's 退款 运费" });
    expect(literal).toContain("'发票':1A");
    expect(literal).toContain("'退款':1B");
    expect(literal).toContain("'运费':1D");
    expect(literal).toContain("'it':1D");
    expect(literal.match(/'发票'/g)).toHaveLength(1);
  });

  it('renders per-term queries for any match and title-only match', () => {
    expect(termQuery({ lexeme: "o'k", prefix: false })).toBe("'o''k'");
    expect(termQuery({ lexeme: 'deliv', prefix: true }, true)).toBe("'deliv':*A");
    expect(termQuery({ lexeme: '发票', prefix: false }, true)).toBe("'发票':A");
  });

  it('scores the positive terms of a search box input', () => {
    expect(queryScoreTerms('發票 抬头 -作废 OR deliv')).toEqual([
      { lexeme: '发票', prefix: false },
      { lexeme: '抬头', prefix: false },
      { lexeme: 'deliv', prefix: true },
    ]);
  });
});
