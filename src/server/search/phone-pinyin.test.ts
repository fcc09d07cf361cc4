import { describe, expect, it } from 'vitest';
import { phoneDigits, phoneTerms } from './phone.ts';
import { pinyinTerms } from './pinyin.ts';
import { buildTsQuery, indexTerms } from './text-search.ts';

describe('phone numbers', () => {
  it('reduces every way of writing a Chinese mobile to its 11 digits', () => {
    for (const written of [
      '13912345678',
      '139-1234-5678',
      '+86 139 1234 5678',
      '0086 139 1234 5678',
      '86-139-1234-5678',
    ]) {
      expect(phoneDigits(written), written).toBe('13912345678');
    }
  });

  it('indexes a stored number by its digits, its last four and a landline without its area code', () => {
    expect(phoneTerms('+86 139-1234-5678')).toEqual(expect.arrayContaining(['13912345678', '5678']));
    expect(phoneTerms('(021) 6123 4567')).toEqual(
      expect.arrayContaining(['02161234567', '61234567', '4567']),
    );
    expect(phoneTerms('0571-8888 1234')).toEqual(expect.arrayContaining(['057188881234', '88881234']));
    expect(phoneTerms('12')).toEqual([]);
  });

  it('searches a number written with separators by its digits as well as by its pieces', () => {
    expect(buildTsQuery('139-1234-5678')).toBe("('139-1234-5678' | '13912345678')");
    expect(buildTsQuery('+86 139 1234 5678')).toBe(
      "(('86' & '139' & '1234' & '5678') | '13912345678' | '8613912345678')",
    );
    expect(buildTsQuery('退货 139 1234 5678')).toBe("'退货' & (('139' & '1234' & '5678') | '13912345678')");
    // A plain number or a date keeps matching as before.
    expect(buildTsQuery('订单 2026 年')).toBe("'订单' & '2026' & '年'");
    expect(buildTsQuery('2026-11-01')).toBe("('2026-11-01' | '20261101')");
    // The placeholder used inside cannot be smuggled in.
    expect(buildTsQuery('\uE0000')).toBe("'0'");
  });

  it('finds a phone number inside free text by its digits', () => {
    expect(indexTerms('请回电 139-1234-5678')).toContain('13912345678');
  });
});

describe('pinyin of names', () => {
  it('gives full pinyin and initials of a person, from each character on, with surname readings', () => {
    expect(pinyinTerms('王建华', 'person')).toEqual(['wangjianhua', 'wjh', 'jianhua', 'jh', 'hua']);
    expect(pinyinTerms('单田芳', 'person')).toContain('shantianfang');
    expect(pinyinTerms('吕强', 'person')).toContain('lvqiang');
  });

  it('indexes a company by its name without the suffix every company has, and Traditional like Simplified', () => {
    const terms = pinyinTerms('華東精密機械有限公司', 'company');
    expect(terms).toEqual(
      expect.arrayContaining(['huadongjingmijixieyouxiangongsi', 'hdjmjx', 'jingmijixie', 'jmjx']),
    );
    expect(terms).not.toContain('gongsi');
    expect(terms).not.toContain('gs');
  });

  it('matches initials and full pinyin as typed, by prefix', () => {
    expect(buildTsQuery('wjh')).toBe("'wjh':*");
    expect(buildTsQuery('wangjian')).toBe("'wangjian':*");
  });
});
