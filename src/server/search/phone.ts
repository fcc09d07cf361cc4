/**
 * Phone numbers in any format: 13912345678, 139-1234-5678, +86 139 1234 5678, 0086 13912345678 and
 * (021) 6123-4567 are all indexed and searched by their digits, with the country code of a Chinese
 * mobile removed, so any way of writing a number finds any way it was stored.
 */

const CN_MOBILE_WITH_COUNTRY = /^(?:0086|86)(1\d{10})$/;

/** The digits of a number in its national form (a Chinese mobile loses its 86 / +86 / 0086). */
export function phoneDigits(raw: string): string {
  const digits = raw.normalize('NFKC').replace(/\D/g, '');
  return digits.replace(CN_MOBILE_WITH_COUNTRY, '$1');
}

/**
 * The lexemes of a stored phone number: all its digits, its national form, its last four digits
 * (how callers and agents say a number: 尾号 5678) and, for a landline with an area code, the
 * local number without it.
 */
export function phoneTerms(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const all = raw.normalize('NFKC').replace(/\D/g, '');
  if (all.length < 4) return [];
  const national = phoneDigits(raw);
  const terms = new Set([all, national]);
  if (national.length >= 7) terms.add(national.slice(-4));
  if (/^0\d{9,11}$/.test(national)) {
    // 010 and 02x are three-digit area codes, the others four.
    terms.add(national.slice(/^0(?:10|2\d)/.test(national) ? 3 : 4));
  }
  return [...terms];
}

/**
 * A run of digits written as a phone number (digits with spaces, dashes, dots or brackets, or a leading
 * +), not glued to letters: `139-1234-5678`, `+86 139 1234 5678`, `(021) 6123 4567`.
 */
export const PHONE_RUN = /(?<![\p{L}\p{N}\-_./])(?:\+|\()?\d[\d \-.()]*\d\)?(?![\p{L}\p{N}])/gu;

/**
 * The digit forms a phone-like run is searched by, or null when it is not one: at least four digits and
 * written with a separator or a leading + (a bare number is searched as it is), or a bare number with a
 * Chinese country code.
 */
export function phoneQueryForms(run: string): string[] | null {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 4) return null;
  const written = /[ \-.()+]/.test(run);
  const national = phoneDigits(run);
  if (!written && national === digits) return null;
  return [...new Set([national, digits])];
}
