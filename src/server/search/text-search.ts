/**
 * Full-text search for Chinese (Simplified and Traditional) and English on PostgreSQL
 * `tsvector` + GIN, with all the language work done here in TypeScript.
 *
 * Why not `to_tsvector()` / `to_tsquery()`: PostgreSQL's parsers do not segment Chinese (a whole
 * run of Han characters becomes one "word", so 客服 is not found inside 联系客服处理) and they cut
 * codes apart (`DD20261101-0042` becomes `dd20261101`, `-0042`, ...), so both recall and precision
 * suffer. Instead:
 *
 * - Write: store `array_to_tsvector(${indexTerms(text)}::text[])`. `array_to_tsvector` runs no
 *   parser and no dictionary: the lexemes are stored verbatim (without positions).
 *   Kysely: `sql\`array_to_tsvector(${indexTerms(text)}::text[])\``.
 * - Read: `search_terms @@ ${buildTsQuery(input)}::tsquery`. A `::tsquery` cast only parses the
 *   tsquery syntax (quotes, `&`, `|`, `!`, `:*`); again no dictionary, so the lexemes built here
 *   meet the stored ones unchanged. Skip the condition (or return nothing) when it is `null`.
 * - Index: `CREATE INDEX ... USING gin (search_terms)`; every query is then a GIN index lookup,
 *   never a substring scan.
 *
 * Lexemes: text is normalised ({@link normaliseText}: NFKC, Traditional → Simplified, lower case).
 * Each run of CJK characters is indexed as all its single characters and all its adjacent pairs
 * (plus the words `Intl.Segmenter` finds); a query for a CJK run of two or more characters asks
 * for all its pairs, so 货物损坏 matches 货物损坏 anywhere in a text (and 貨物損壞 too) whatever
 * the word segmentation. Latin words are lower-cased. Codes, numbers and e-mail addresses are
 * kept whole: see {@link tokenise} for the exact rule.
 *
 * The stored tsvector has no positions, so there is no phrase operator and `ts_rank` counts
 * matching lexemes, not how often they occur.
 */
import { PHONE_RUN, phoneDigits, phoneQueryForms } from './phone.ts';
import { bigrams, normaliseText, type Token, tokenise } from './tokenise.ts';

export { normaliseText } from './tokenise.ts';

/** Longer lexemes are dropped (from documents and from queries). */
export const MAX_LEXEME_LENGTH = 200;
/** Only this much of a search box input is read. */
export const MAX_QUERY_LENGTH = 1000;

let wordSegmenter: Intl.Segmenter | undefined;

function segmenter(): Intl.Segmenter {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return wordSegmenter;
}

/** The deduplicated lexemes to store for a document: `array_to_tsvector(${terms}::text[])`. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  const normalised = normaliseText(text);
  // A number written as a phone number (139-1234-5678) is also found by its digits.
  for (const [run] of normalised.matchAll(PHONE_RUN)) {
    const digits = phoneDigits(run);
    if (digits.length >= 7 && /[ \-.()+]/.test(run)) terms.add(digits);
  }
  for (const token of tokenise(normalised)) {
    if (token.kind !== 'cjk') {
      terms.add(token.text);
      continue;
    }
    const chars = Array.from(token.text);
    for (const char of chars) terms.add(char);
    for (const pair of bigrams(chars)) terms.add(pair);
    if (chars.length > 2) {
      for (const { segment, isWordLike } of segmenter().segment(token.text)) {
        if (isWordLike) terms.add(segment);
      }
    }
  }
  return [...terms].filter((term) => term.length <= MAX_LEXEME_LENGTH);
}

/**
 * A lexeme quoted for the tsquery (and tsvector) text syntax: inside single quotes, a quote is
 * doubled and a backslash escaped, so any string is taken literally.
 */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

interface QueryTerm {
  lexeme: string;
  kind: Token['kind'];
  prefix: boolean;
}

interface Clause {
  negated: boolean;
  terms: QueryTerm[];
  /** A phone number: its pieces as written, or any of these digit forms. */
  phoneForms?: string[];
}

/** The lexemes of one whitespace-separated piece of a query, all required. */
function clauseTerms(piece: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const add = (lexeme: string, kind: Token['kind']) => {
    if (lexeme.length <= MAX_LEXEME_LENGTH && !terms.has(lexeme))
      terms.set(lexeme, { lexeme, kind, prefix: false });
  };
  for (const token of tokenise(normaliseText(piece))) {
    if (token.kind !== 'cjk') {
      add(token.text, token.kind);
      continue;
    }
    const chars = Array.from(token.text);
    if (chars.length === 1) add(token.text, 'cjk');
    for (const pair of bigrams(chars)) add(pair, 'cjk');
  }
  return [...terms.values()];
}

function renderTerms(terms: readonly QueryTerm[]): string {
  return terms.map((term) => quoteLexeme(term.lexeme) + (term.prefix ? ':*' : '')).join(' & ');
}

function renderClause(clause: Clause): string {
  if (clause.phoneForms) {
    const written = clause.terms.length > 1 ? `(${renderTerms(clause.terms)})` : renderTerms(clause.terms);
    const forms = clause.phoneForms.map(quoteLexeme);
    const body = `(${[...(written ? [written] : []), ...forms].join(' | ')})`;
    return clause.negated ? `!${body}` : body;
  }
  const body = renderTerms(clause.terms);
  if (!clause.negated) return body;
  return clause.terms.length === 1 ? `!${body}` : `!(${body})`;
}

/**
 * A tsquery literal for a search box input, for `search_terms @@ $1::tsquery`; `null` when the
 * input has nothing to search for (empty, only punctuation, only exclusions).
 *
 * - Whitespace-separated pieces are all required (AND). A CJK run of one character asks for that
 *   character; a longer run asks for all its adjacent pairs.
 * - The last Latin word (not a code or number) becomes a prefix (`'deliv':*`), so results appear
 *   while typing. Codes, numbers and e-mail addresses only match whole.
 * - `OR` (upper case, on its own) separates alternatives: `顺丰 OR 中通`.
 * - A leading `-` excludes a piece: `发票 -抬头`. A group made only of exclusions is dropped.
 * - A phone number written with separators or +86 (`139-1234-5678`, `+86 139 1234 5678`) matches as
 *   written or by its digits (`search/phone.ts`); stored numbers and numbers in text are indexed by them.
 * - Pinyin (`wangjianhua`, `wjh`) is a Latin word like any other: names are indexed with their pinyin
 *   (`search/pinyin.ts`), so the prefix rule finds them while typing.
 * - Lexemes are always quoted, so no input can produce a tsquery syntax error.
 */
export function buildTsQuery(query: string): string | null {
  const groups: Clause[][] = [[]];
  // A phone number written with spaces stays one piece: its written pieces, or its digits.
  const phones: Clause[] = [];
  const input = query
    .slice(0, MAX_QUERY_LENGTH)
    .normalize('NFKC')
    .replaceAll('\uE000', ' ')
    .replace(PHONE_RUN, (run) => {
      const forms = phoneQueryForms(run)?.filter((form) => form.length <= MAX_LEXEME_LENGTH);
      if (!forms?.length) return run;
      const terms = run.split(/\s+/u).flatMap(clauseTerms);
      phones.push({ negated: false, terms, phoneForms: forms });
      return ` \uE000${phones.length - 1} `;
    });
  for (const piece of input.split(/\s+/u)) {
    if (piece === 'OR') {
      groups.push([]);
      continue;
    }
    const phone = /^\uE000(\d+)$/u.exec(piece);
    if (phone) {
      groups.at(-1)!.push(phones[Number(phone[1])]!);
      continue;
    }
    const negated = piece.length > 1 && piece.startsWith('-');
    const terms = clauseTerms(negated ? piece.slice(1) : piece);
    if (terms.length > 0) groups.at(-1)!.push({ negated, terms });
  }
  const kept = groups.filter((clauses) => clauses.some((clause) => !clause.negated));
  if (kept.length === 0) return null;

  const lastWord = kept
    .flat()
    .filter((clause) => !clause.negated)
    .flatMap((clause) => clause.terms)
    .findLast((term) => term.kind === 'word');
  if (lastWord) lastWord.prefix = true;

  const rendered = kept.map((clauses) => {
    const text = clauses.map(renderClause).join(' & ');
    const single = clauses.length === 1 && clauses[0]!.terms.length === 1 && !clauses[0]!.phoneForms;
    return kept.length > 1 && !single ? `(${text})` : text;
  });
  return rendered.join(' | ');
}
