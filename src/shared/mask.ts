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
