const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const SYMBOLS = '!@#$%*-_';

/** A 14-character password without look-alike characters, from the browser's secure random source. */
export function randomPassword(length = 14): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  const chars = Array.from(bytes, (b, i) => {
    const set = i === 4 || i === 9 ? SYMBOLS : ALPHABET;
    return set[b % set.length];
  });
  return chars.join('');
}
