/** Masked forms of personal data for people without the "view sensitive" permission. */

export function maskPhone(value: string | null): string | null {
  if (!value) return value;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskEmail(value: string | null): string | null {
  if (!value) return value;
  const at = value.indexOf('@');
  if (at < 1) return '***';
  return `${value[0]}***${value.slice(at)}`;
}

/** Only the last four characters, as kept beside an encrypted number. */
export function maskTail(last4: string | null): string | null {
  return last4 ? `**** ${last4}` : null;
}

const EMAIL_IN_TEXT = /[^\s@/,;，；、<>()（）]+@[^\s@/,;，；、<>()（）]+\.[A-Za-z]{2,}/g;
/** A run of 7+ digits, possibly written with spaces, dashes, dots, brackets or a leading +. */
const PHONE_IN_TEXT = /\+?\d[\d\s\-.()（）]{5,}\d/g;

/**
 * Free text that may hold phones and emails (a complaint's 联系方式): each one masked as maskPhone /
 * maskEmail do, the rest of the text kept.
 */
export function maskContactText(value: string | null): string | null {
  if (!value) return value;
  return value
    .replace(EMAIL_IN_TEXT, (email) => maskEmail(email) ?? '')
    .replace(PHONE_IN_TEXT, (run) => (run.replace(/\D/g, '').length >= 7 ? (maskPhone(run) ?? '') : run));
}

/** Whether text carries a masked phone or email (as sent back by a form that only saw the masked value). */
export function looksMasked(value: string | null | undefined): boolean {
  return !!value && (/\*{3,}/.test(value) || /\*\*\*@/.test(value));
}
