import type { HeaderValue, ParsedMail } from 'mailparser';

/**
 * Mail that must never become (or reopen) a request, and must never be answered: automatic replies,
 * bounces, bulk mail and our own mail coming back. Answering any of these is how mail loops start.
 */
export type SkipReason =
  | 'auto_submitted'
  | 'auto_reply'
  | 'bulk'
  | 'bounce'
  | 'own_mailbox'
  | 'loop'
  | 'no_sender'
  | 'flood';

/** Our outbound mail is marked with this, so it is recognised if it ever comes back in. */
export const LOOP_HEADER = 'X-Qiao-Loop';

function headerText(value: HeaderValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : 'text' in v ? v.text : '')).join(',');
  if ('value' in value && Array.isArray(value.value)) {
    const addresses = value.value as { address?: string }[];
    return addresses.map((a) => a.address ?? '').join(',');
  }
  if ('value' in value && typeof value.value === 'string') return value.value;
  return String(value);
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)(@|$)/i;

export function skipReason(
  mail: ParsedMail,
  ctx: { ownAddresses: readonly string[]; envelopeFrom?: string | null | undefined },
): SkipReason | null {
  const h = mail.headers;
  const autoSubmitted = headerText(h.get('auto-submitted'))?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  if (h.has('x-autoreply') || h.has('x-autorespond') || h.has('x-auto-reply')) return 'auto_reply';
  const suppress = headerText(h.get('x-auto-response-suppress'))?.trim().toLowerCase();
  if (suppress && suppress !== 'none') return 'auto_reply';
  const precedence = headerText(h.get('precedence'))?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return 'bulk';

  const returnPath = headerText(h.get('return-path'));
  if (returnPath !== null && returnPath.replace(/[<>\s]/g, '') === '') return 'bounce';
  if (ctx.envelopeFrom !== undefined && ctx.envelopeFrom !== null && ctx.envelopeFrom.trim() === '')
    return 'bounce';
  const contentType = h.get('content-type');
  const reportType =
    contentType && typeof contentType === 'object' && 'params' in contentType
      ? `${contentType.value} ${(contentType.params as Record<string, string>)['report-type'] ?? ''}`.toLowerCase()
      : '';
  if (
    reportType.startsWith('multipart/report') &&
    /delivery-status|disposition-notification/.test(reportType)
  )
    return 'bounce';

  const from = mail.from?.value[0]?.address?.trim().toLowerCase();
  if (!from) return 'no_sender';
  if (BOUNCE_SENDER.test(from)) return 'bounce';
  if (ctx.ownAddresses.some((a) => a.toLowerCase() === from)) return 'own_mailbox';
  // Only our own marker counts: another Qiao's replies carry theirs and are ordinary mail here.
  const marker = headerText(h.get(LOOP_HEADER.toLowerCase()))?.trim().toLowerCase();
  if (marker && ctx.ownAddresses.some((a) => a.toLowerCase() === marker)) return 'loop';
  return null;
}
