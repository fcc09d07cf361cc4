import { randomBytes, timingSafeEqual } from 'node:crypto';
import { fingerprint } from '../../crypto/secret-box.ts';

/**
 * Stateless tokens of the public request form, signed with the instance key (an HMAC through
 * `fingerprint`), so any app node can check what another issued and nothing is stored:
 * - the form token `f1.<issued ms>.<nonce>.<sig>`: the page fetches it when the form is shown, and the
 *   server measures the time to fill the form from its own clock, not from one the browser sends;
 * - the confirmation token `c1.<contact id>.<expires ms>.<sig>`: the link in the acknowledgement email
 *   with which an unverified sender confirms their address.
 */

const sign = (purpose: string, payload: string) => fingerprint(`qiao/public-form/${purpose}|${payload}`);

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A form token issued at `at` (now, for the page; a test may stand for a form opened earlier). */
export function issueFormToken(at = new Date()): string {
  const payload = `${at.getTime()}.${randomBytes(9).toString('base64url')}`;
  return `f1.${payload}.${sign('form', payload)}`;
}

/** When the form token was issued, or null when it is not one this instance signed. */
export function formTokenIssuedAt(token: string): number | null {
  const [version, issued, nonce, signature, ...rest] = token.split('.');
  if (version !== 'f1' || !issued || !nonce || !signature || rest.length) return null;
  if (!/^\d{1,15}$/.test(issued) || !sameSignature(signature, sign('form', `${issued}.${nonce}`)))
    return null;
  return Number(issued);
}

export const CONFIRM_VALID_DAYS = 14;

/** The emailed confirmation link's token for an unverified sender. */
export function issueConfirmToken(contactId: number, now = new Date()): string {
  const payload = `${contactId}.${now.getTime() + CONFIRM_VALID_DAYS * 86_400_000}`;
  return `c1.${payload}.${sign('confirm', payload)}`;
}

/** The contact a confirmation token names, or null when it is forged or expired. */
export function confirmTokenContact(token: string, now = new Date()): number | null {
  const [version, contactId, expires, signature, ...rest] = token.split('.');
  if (version !== 'c1' || !contactId || !expires || !signature || rest.length) return null;
  if (!/^\d{1,15}$/.test(contactId) || !/^\d{1,15}$/.test(expires)) return null;
  if (!sameSignature(signature, sign('confirm', `${contactId}.${expires}`))) return null;
  return Number(expires) < now.getTime() ? null : Number(contactId);
}
