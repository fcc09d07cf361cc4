/**
 * Knowledge-base search on top of src/server/search (same lexemes, same normalisation, so 發票 finds
 * 发票). Two additions:
 *
 * - The stored tsvector weights lexemes by where they occur: title A, tags B, body D (one position
 *   each, no proximity). `'发票':A` then matches only titles, which lets a query count title matches
 *   apart from body matches for ranking. Only the start of a very long body is indexed.
 * - Suggestions while a customer types: the significant terms of free text (CJK pairs and Latin
 *   words without the very common ones), to be OR-ed and ranked by how many of them an article has.
 */
import { indexTerms, MAX_LEXEME_LENGTH, MAX_QUERY_LENGTH, quoteLexeme } from '../../search/text-search.ts';
import { bigrams, normaliseText, tokenise } from '../../search/tokenise.ts';

/** Only this much of an article body goes into the index (keeps the tsvector far below its 1 MB cap). */
export const INDEXED_BODY_CHARS = 20_000;
/** At most this many terms of typed text are looked up. */
export const MAX_SUGGEST_TERMS = 24;

type Weight = 'A' | 'B' | 'D';

/** The `::tsvector` literal for an article: title lexemes A, tag lexemes B, body lexemes D. */
export function articleVectorLiteral(article: { title: string; tags: readonly string[]; bodyText: string }) {
  const weights = new Map<string, Weight>();
  const add = (text: string, weight: Weight) => {
    for (const term of indexTerms(text)) if (!weights.has(term)) weights.set(term, weight);
  };
  add(article.title, 'A');
  for (const tag of article.tags) add(tag, 'B');
  add(article.bodyText.slice(0, INDEXED_BODY_CHARS), 'D');
  return [...weights].map(([lexeme, weight]) => `${quoteLexeme(lexeme)}:1${weight}`).join(' ');
}

export interface ScoreTerm {
  lexeme: string;
  prefix: boolean;
}

/** One term as a tsquery literal, anywhere in the article or (title) only in its title. */
export function termQuery(term: ScoreTerm, title = false): string {
  const flags = (term.prefix ? '*' : '') + (title ? 'A' : '');
  return quoteLexeme(term.lexeme) + (flags ? `:${flags}` : '');
}

/** The terms of a search box input that count towards relevance (exclusions and `OR` left out). */
export function queryScoreTerms(query: string): ScoreTerm[] {
  const terms = new Map<string, ScoreTerm & { word: boolean }>();
  for (const piece of query.slice(0, MAX_QUERY_LENGTH).normalize('NFKC').split(/\s+/u)) {
    if (piece === 'OR' || (piece.length > 1 && piece.startsWith('-'))) continue;
    for (const token of tokenise(normaliseText(piece))) {
      const lexemes = token.kind === 'cjk' ? cjkQueryLexemes(token.text) : [token.text];
      for (const lexeme of lexemes) {
        if (lexeme.length <= MAX_LEXEME_LENGTH && !terms.has(lexeme))
          terms.set(lexeme, { lexeme, prefix: false, word: token.kind === 'word' });
      }
    }
  }
  const all = [...terms.values()];
  // As in buildTsQuery: the last Latin word is a prefix (the user may still be typing it).
  const last = all.findLast((term) => term.word);
  if (last) last.prefix = true;
  return all.slice(0, MAX_SUGGEST_TERMS).map(({ lexeme, prefix }) => ({ lexeme, prefix }));
}

function cjkQueryLexemes(run: string): string[] {
  const chars = Array.from(run);
  return chars.length === 1 ? [run] : bigrams(chars);
}

// ------------------------------------------------------------------ suggestions

/** Characters that make a CJK pair meaningless on their own (particles, pronouns, fillers). */
const STOP_CHARS = new Set(Array.from('的了是我你他她它们吗呢吧啊呀哦嗯也都就但而很这那请您么着哪啥和'));
/** Common pairs that say nothing about the problem. */
const STOP_PAIRS = new Set([
  '一个',
  '一下',
  '已经',
  '可以',
  '没有',
  '不是',
  '不能',
  '因为',
  '所以',
  '如果',
  '现在',
  '今天',
  '昨天',
  '时候',
  '一直',
  '还是',
  '还没',
  '谢谢',
  '麻烦',
  '帮忙',
  '一些',
  '知道',
  '然后',
  '问题',
  '为什',
  '有点',
  '怎样',
  '如何',
  '需要',
  '应该',
  '能不',
  '不了',
  '不到',
]);
const STOP_WORDS = new Set(
  `a about after again all also am an and any are as at be been before being but by can could did do does
  doing don done for from get got had has have having he her here hi hello him his how i if in into is it
  its just me more my myself no not now of on once only or our out please really she should so some still
  than thank thanks that the their them then there these they this those to too up us very was we were
  what when where which while who why will with would yes yet you your`.split(/\s+/),
);

interface Candidate extends ScoreTerm {
  score: number;
  order: number;
}

/** A crude English stem for matching word forms by prefix: delivered → deliver*, parcels → parcel*. */
function englishStem(word: string): ScoreTerm {
  const stem = word.replace(/(?:ies|ied|ing|ed|es|s)$/, '');
  if (stem !== word && stem.length >= 4) return { lexeme: stem, prefix: true };
  return { lexeme: word, prefix: word.length >= 5 };
}

/**
 * The significant terms of text a customer is typing (a request's subject and description):
 * CJK character pairs without particles and fillers, Latin words without stop words (matched by
 * prefix so word forms meet), product-like codes with letters. Pairs that are whole words come
 * first; at most {@link MAX_SUGGEST_TERMS}. Never throws; odd input gives no terms.
 */
export function suggestTerms(typed: string): ScoreTerm[] {
  const text = normaliseText(typed.slice(0, MAX_QUERY_LENGTH * 2));
  const found = new Map<string, Candidate>();
  const add = (term: ScoreTerm, score: number) => {
    if (term.lexeme.length > MAX_LEXEME_LENGTH) return;
    const known = found.get(term.lexeme);
    if (known) known.score = Math.max(known.score, score);
    else found.set(term.lexeme, { ...term, score, order: found.size });
  };
  for (const token of tokenise(text)) {
    if (token.kind === 'cjk') {
      const words = wordPairs(token.text);
      for (const pair of bigrams(Array.from(token.text))) {
        if (STOP_PAIRS.has(pair) || Array.from(pair).some((c) => STOP_CHARS.has(c))) continue;
        add({ lexeme: pair, prefix: false }, words.has(pair) ? 2 : 1);
      }
    } else if (token.kind === 'word') {
      if (token.text.length >= 2 && !STOP_WORDS.has(token.text)) add(englishStem(token.text), 2);
    } else if (/\p{L}/u.test(token.text) && token.text.length >= 3) {
      add({ lexeme: token.text, prefix: false }, 1);
    }
  }
  return [...found.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_SUGGEST_TERMS)
    .map(({ lexeme, prefix }) => ({ lexeme, prefix }));
}

let segmenter: Intl.Segmenter | undefined;

/** Pairs inside the words a dictionary segmentation finds (快递, 签收 …), to rank them first. */
function wordPairs(run: string): Set<string> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const pairs = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(run)) {
    if (isWordLike) for (const pair of bigrams(Array.from(segment))) pairs.add(pair);
  }
  return pairs;
}

/** How many matched terms make a suggestion worth showing: one for short input, two otherwise. */
export function minimumMatches(termCount: number): number {
  return termCount >= 4 ? 2 : 1;
}
