/**
 * Pinyin lexemes for names, so 王建华 is found by `wangjianhua` and by `wjh`, and 华东精密机械 by
 * `huadong`, `jingmi` or `hdjm` — the way people look up a person or a company in a Chinese CRM.
 *
 * The dictionary (pinyin-pro, MIT) costs about 15 MB of memory, so it is loaded on the first name
 * indexed, never at start-up: a server that only reads lists never loads it (queries need no
 * dictionary — a pinyin query is a plain Latin word matched by prefix, see `buildTsQuery`).
 */
import { createRequire } from 'node:module';
import { normaliseText } from './tokenise.ts';

type PinyinModule = typeof import('pinyin-pro');

let pinyinModule: PinyinModule | undefined;

function dictionary(): PinyinModule {
  pinyinModule ??= createRequire(import.meta.url)('pinyin-pro') as PinyinModule;
  return pinyinModule;
}

const HAN_RUN = /\p{sc=Han}+/gu;
/** 有限公司, 集团, 厂 …: every company has one, so only the full name's start is indexed with it. */
const COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|厂)$/u;
/** Names longer than this are cut: suffixes of a long run would only add noise. */
const MAX_RUN = 24;

/** The toneless syllables of a run of Han characters (`ü` as `v`); names read surnames as surnames (单 → shan). */
function syllables(run: string, person: boolean): string[] {
  return dictionary()
    .pinyin(run, { toneType: 'none', type: 'array', v: true, mode: person ? 'surname' : 'normal' })
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z]+$/.test(s));
}

/**
 * Full pinyin and initials of every run of Han characters in a name, from each character on
 * (王建华 → wangjianhua, wjh, jianhua, jh, hua, h): a prefix query then finds the name by its
 * start or by any of its parts. Single letters are left out (they would match every name).
 */
export function pinyinTerms(name: string | null | undefined, kind: 'person' | 'company'): string[] {
  if (!name) return [];
  const terms = new Set<string>();
  const add = (parts: string[]) => {
    if (parts.length === 0) return;
    terms.add(parts.join(''));
    if (parts.length > 1) terms.add(parts.map((s) => s[0]).join(''));
  };
  for (const [whole] of normaliseText(name).matchAll(HAN_RUN)) {
    const run = whole.slice(0, MAX_RUN);
    const parts = syllables(run, kind === 'person');
    const suffix = kind === 'company' ? Array.from(COMPANY_SUFFIX.exec(run)?.[0] ?? '').length : 0;
    const core = Math.max(parts.length - suffix, 1);
    add(parts);
    for (let i = 0; i < core; i++) add(parts.slice(i, core));
  }
  return [...terms];
}
