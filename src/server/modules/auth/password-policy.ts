import { readFileSync } from 'node:fs';
import { invalid } from '../../http/app-error.ts';

/**
 * The 1,000 most common passwords of at least 8 characters, lower-cased, most common first (from the
 * frequency list of zxcvbn-ts, MIT licence, © Dan Wheeler, Dropbox, Inc. and @zxcvbn-ts).
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return common;
}

const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{Ll}\p{Lu}\p{N}]/u];

/**
 * Guessable: shorter than 8, on the common list (any case), fewer than 5 different characters, or one
 * kind of character only (all lower-case letters, all digits…) unless it is a passphrase of 16 or more.
 */
export function isWeakPassword(password: string): boolean {
  const chars = [...password];
  if (chars.length < 8) return true;
  if (commonPasswords().has(password.toLowerCase())) return true;
  if (new Set(chars).size < 5) return true;
  const kinds = CLASSES.filter((re) => re.test(password)).length;
  return kinds < 2 && chars.length < 16;
}

/** Throws PASSWORD_TOO_WEAK (400) on the named form field. */
export function requireStrongPassword(password: string, field = 'password'): void {
  if (isWeakPassword(password)) throw invalid('PASSWORD_TOO_WEAK', field);
}
