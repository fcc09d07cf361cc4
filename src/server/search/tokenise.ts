/**
 * Text normalisation and the tokeniser shared by {@link indexTerms} and {@link buildTsQuery}
 * (see `text-search.ts`). Both sides must cut text the same way, so they both go through here.
 */
import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let toSimplified: Convert | undefined;

/**
 * Traditional → Simplified, built on first use (the dictionaries take a few milliseconds to load).
 * Hong Kong variants first (衞 → 卫), then Taiwan variants (著 → 着, 裡 → 里); on text that is
 * already Simplified the second pass changes nothing. Only character variants are folded, never
 * regional vocabulary (軟體 stays 软体, not 软件).
 */
function simplifier(): Convert {
  if (!toSimplified) {
    const fromHongKong = Converter({ from: 'hk', to: 'cn' });
    const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
    toSimplified = (text) => fromTaiwan(fromHongKong(text));
  }
  return toSimplified;
}

const HAN = /\p{sc=Han}/u;

/** NFKC (full-width → half-width), Traditional → Simplified, lower case. */
export function normaliseText(text: string): string {
  let out = text.normalize('NFKC');
  if (HAN.test(out)) out = simplifier()(out);
  return out.toLowerCase();
}

/**
 * - `cjk`: a run of Han / kana characters, to be cut into unigrams and bigrams.
 * - `word`: a Latin (or other alphabetic script) word without digits; may be used as a prefix.
 * - `exact`: a code, a number or an e-mail address: only ever matched whole.
 */
export type TokenKind = 'cjk' | 'word' | 'exact';

export interface Token {
  kind: TokenKind;
  text: string;
}

const CJK_SCRIPTS = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}`;
/** A letter, digit or mark of any script except the CJK ones (regex `v` flag set subtraction). */
const WORD_CHAR = String.raw`[[\p{L}\p{N}\p{M}]--[${CJK_SCRIPTS}]]`;
const EMAIL = String.raw`${WORD_CHAR}(?:[${WORD_CHAR}._%+\-]{0,62}${WORD_CHAR})?@${WORD_CHAR}+(?:[.\-]${WORD_CHAR}+)*\.${WORD_CHAR}+`;
const CJK_RUN = `[${CJK_SCRIPTS}]+`;
/** Letters/digits joined by single `-`, `_`, `.` or `/`: `e-mail`, `dd20261101-0042`, `gzl-4.2-1.25`. */
const COMPOUND = String.raw`${WORD_CHAR}+(?:[\-_.\/]${WORD_CHAR}+)*`;
const TOKEN = new RegExp(`(${EMAIL})|(${CJK_RUN})|(${COMPOUND})`, 'gv');
const DIGIT = /\p{N}/u;
const SEPARATORS = /[-_./]/u;

/**
 * Tokens of already normalised text. Everything that is not a letter, digit or CJK character
 * (spaces, punctuation, tsquery operators, quotes) only separates tokens.
 *
 * The code rule: a compound containing a digit is a code (`sf1234567890`, `dd20261101-0042`,
 * `gzl-4.2-1.25`, `2026-11-01`, `4.2`) and is kept whole, never split, so `0042` or `dd20261101`
 * do not find `dd20261101-0042`. A compound without digits (`e-mail`, `customer_service`,
 * `example.com`) is split into its words, as any search engine would.
 */
export function* tokenise(normalised: string): Generator<Token> {
  for (const match of normalised.matchAll(TOKEN)) {
    const [, email, cjk, compound] = match;
    if (email !== undefined) {
      yield { kind: 'exact', text: email };
    } else if (cjk !== undefined) {
      yield { kind: 'cjk', text: cjk };
    } else if (compound !== undefined) {
      if (DIGIT.test(compound)) {
        yield { kind: 'exact', text: compound };
      } else {
        for (const part of compound.split(SEPARATORS)) yield { kind: 'word', text: part };
      }
    }
  }
}

/** Every adjacent pair of characters (code points, so supplementary-plane Han counts as one). */
export function bigrams(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
