import { createHash, randomBytes } from 'node:crypto';

/**
 * How replies find their request. Every request that talks by email has a secret token (80 random bits,
 * 16 base32 characters). Our outbound mail carries it in the Message-ID (`<qiao.<token>.<random>@domain>`,
 * which mail clients echo in In-Reply-To/References) and in the subject (`[SR-20261123-0001#<token>]`).
 * A reply is threaded only when it presents a token that belongs to a request; a request number or a
 * Message-ID without the right token (guessed or forged) never attaches mail to that request.
 */

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
export const TOKEN_LENGTH = 16;

export function newThreadToken(): string {
  const bytes = randomBytes(TOKEN_LENGTH);
  let token = '';
  for (const byte of bytes) token += BASE32[byte & 31];
  return token;
}

export function subjectTag(number: string, token: string): string {
  return `[${number}#${token}]`;
}

export function outboundMessageId(token: string, address: string): string {
  const domain = address.split('@')[1] || 'qiao.invalid';
  return `<qiao.${token}.${randomBytes(8).toString('hex')}@${domain}>`;
}

const TAG = /\[([^[\]#\s]{1,60})#([a-z2-7]{16})\]/gi;
const OUR_ID = /^<?qiao\.([a-z2-7]{16})\.[0-9a-f]+@[^>\s]+>?$/i;

export interface ThreadClaim {
  token: string;
  /** The request number written next to the token in the subject; absent for Message-ID references. */
  number: string | null;
  via: 'subject' | 'in-reply-to' | 'references';
}

/** Tokens presented by a mail, strongest first: In-Reply-To, then References (newest first), then the subject. */
export function threadClaims(mail: {
  inReplyTo: string | null;
  references: string[];
  subject: string;
}): ThreadClaim[] {
  const claims: ThreadClaim[] = [];
  const fromId = (id: string | null, via: ThreadClaim['via']) => {
    const match = id ? OUR_ID.exec(id.trim()) : null;
    if (match?.[1]) claims.push({ token: match[1].toLowerCase(), number: null, via });
  };
  fromId(mail.inReplyTo, 'in-reply-to');
  for (const ref of [...mail.references].reverse()) fromId(ref, 'references');
  for (const match of mail.subject.matchAll(TAG)) {
    if (match[1] && match[2])
      claims.push({ token: match[2].toLowerCase(), number: match[1], via: 'subject' });
  }
  return claims;
}

/** Subject without our tags and the reply/forward prefixes mail clients add (English and Chinese). */
export function cleanSubject(subject: string): string {
  let s = subject.replace(TAG, ' ');
  const prefix = /^\s*(re|fw|fwd|aw|sv|回复|回覆|答复|答覆|转发|轉寄|轉發)\s*(\[\d+\])?\s*[:：]\s*/i;
  while (prefix.test(s)) s = s.replace(prefix, '');
  return s.replace(/\s+/g, ' ').trim();
}

/** `<id@host>` in one spelling, so the same mail is recognised however a header wrapped or cased it. */
export function normaliseMessageId(id: string | null | undefined): string | null {
  const trimmed = id?.trim();
  if (!trimmed) return null;
  const inner = trimmed.replace(/^<+|>+$/g, '').trim();
  return inner ? `<${inner}>` : null;
}

/** A stable stand-in for mails without a Message-ID, so re-delivery is still recognised. */
export function syntheticMessageId(raw: Buffer): string {
  return `<${createHash('sha256').update(raw).digest('hex').slice(0, 40)}@no-message-id.qiao>`;
}

export function referenceList(refs: string | string[] | undefined): string[] {
  const list = Array.isArray(refs) ? refs : refs ? refs.split(/\s+/) : [];
  return list.map(normaliseMessageId).filter((v): v is string => !!v);
}
