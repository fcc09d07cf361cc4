import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/locale.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { PortalActor } from '../../http/authentication.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/password.ts';
import { requireStrongPassword } from '../auth/password-policy.ts';
import { claimSignIn, loginSecurity, signInSucceeded } from '../auth/throttle.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import { createContactWithCustomer, findContactByAddress } from '../customers/contacts.queries.ts';
import { queueMessage } from '../notifications/notifications.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import * as q from './portal-auth.queries.ts';
import { countRequest, purgeRequestCounters } from './portal-rate.queries.ts';

export const PORTAL_COOKIE = 'qiao_portal';
const LINK_HOURS = { verify: 48, invite: 168, reset: 2 } as const;
const portalKey = (email: string) => `portal:${email.trim().toLowerCase()}`;

/** Creates a one-time link and queues its email, in the caller's transaction. */
async function sendLink(
  trx: Kysely<DB>,
  publicUrl: string,
  account: { id: number; email: string; locale: string; contact_name: string },
  purpose: 'verify' | 'invite' | 'reset',
) {
  const token = newSecret();
  // Only the newest link of its kind works: an older one in a mailbox or a log opens nothing.
  await q.invalidatePortalTokens(trx, account.id, purpose === 'verify' ? ['verify'] : ['invite', 'reset']);
  await q.insertPortalToken(trx, hashSecret(token), account.id, purpose, LINK_HOURS[purpose]);
  const org = await readOrganisation(trx);
  const path = purpose === 'verify' ? 'verify' : 'set-password';
  await queueMessage(trx, {
    channel: 'email',
    to: account.email,
    key: `portal.${purpose}`,
    locale: account.locale as Locale,
    vars: {
      'contact.name': account.contact_name,
      'organisation.name': org.name,
      link: `${publicUrl}/portal/${path}?token=${encodeURIComponent(token)}`,
      hours: LINK_HOURS[purpose],
    },
    // The link is as good as a password: the outbound log shows it hidden.
    secrets: ['link'],
  });
}

/** Sign-up and reset mails per address and per IP in an hour; more answer PORTAL_RATE_LIMITED. */
export const MAIL_REQUEST_LIMITS = { perAddress: 5, perIp: 20, windowMinutes: 60 };

/** Counts a request that sends a portal mail (sign-up, forgotten password), in the database. */
async function limitMailRequests(db: Database, email: string, ip: string) {
  const { perAddress, perIp, windowMinutes } = MAIL_REQUEST_LIMITS;
  const forAddress = await countRequest(
    db,
    `portal-mail:address:${email.trim().toLowerCase()}`,
    windowMinutes,
  );
  const fromIp = await countRequest(db, `portal-mail:ip:${ip}`, windowMinutes);
  if (fromIp === 1) await purgeRequestCounters(db);
  if (forAddress > perAddress || fromIp > perIp) throw new AppError('PORTAL_RATE_LIMITED');
}

/**
 * Self-signup: the person becomes (or is matched to) a contact and gets a pending account that opens
 * after email verification. The answer is the same whether or not the address was known, so the form
 * cannot be used to find out who is a customer. No password is taken here: whoever signs up with an
 * address need not own it, so the password is chosen by the person who opens the verification link.
 */
export async function registerPortalAccount(
  db: Database,
  publicUrl: string,
  input: {
    name: string;
    email: string;
    phone?: string | null | undefined;
    company?: string | null | undefined;
    locale: string;
  },
  ip: string,
) {
  await limitMailRequests(db, input.email, ip);
  await db.transaction().execute(async (trx) => {
    const existing = await q.findAccountByEmail(trx, input.email);
    if (existing) {
      // Known address: a reset link lets the real owner in; nothing changes for anyone else.
      if (existing.status !== 'disabled') await sendLink(trx, publicUrl, existing, 'reset');
      return;
    }
    const known = await findContactByAddress(trx, input.email, null);
    const contact =
      known ??
      (await createContactWithCustomer(trx, {
        name: input.name,
        email: input.email,
        phone: input.phone,
        company: input.company,
      }));
    const account = await q.insertPendingAccount(trx, {
      contact_id: contact.id,
      email: input.email,
      locale: input.locale,
    });
    if (!account) return;
    await sendLink(trx, publicUrl, { ...account, contact_name: input.name }, 'verify');
    await recordAudit(trx, null, {
      action: 'portal.register',
      entityType: 'portal_account',
      entityId: account.id,
      entityLabel: input.email,
      actorLabel: `portal: ${input.email}`,
      after: { email: input.email, contactId: contact.id },
    });
  });
}

/** The verification link: proves the address and sets the password in one step, then opens the account. */
export async function verifyPortalEmail(db: Database, token: string, password: string) {
  requireStrongPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const used = await q.consumePortalToken(trx, hashSecret(token), ['verify']);
    if (!used) throw new AppError('TOKEN_INVALID');
    await q.activateAccount(trx, used.account_id, passwordHash);
    await q.invalidatePortalTokens(trx, used.account_id, ['verify', 'invite', 'reset']);
    await q.deletePortalSessionsOfAccount(trx, used.account_id);
  });
}

/** Sets a password from an invitation or a reset link; an invitation also proves the email address. */
export async function setPortalPassword(db: Database, token: string, password: string) {
  requireStrongPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const used = await q.consumePortalToken(trx, hashSecret(token), ['invite', 'reset']);
    if (!used) throw new AppError('TOKEN_INVALID');
    await q.activateAccount(trx, used.account_id, passwordHash);
    // Used: every other link of the account that could set a password is spent too.
    await q.invalidatePortalTokens(trx, used.account_id, ['verify', 'invite', 'reset']);
    // A new password ends every open portal session of the account.
    await q.deletePortalSessionsOfAccount(trx, used.account_id);
  });
}

export async function forgotPortalPassword(db: Database, publicUrl: string, email: string, ip: string) {
  await limitMailRequests(db, email, ip);
  await db.transaction().execute(async (trx) => {
    const account = await q.findAccountByEmail(trx, email);
    if (account && account.status !== 'disabled') await sendLink(trx, publicUrl, account, 'reset');
  });
}

/** Staff invite a contact to the portal (account created or re-invited). */
export async function invitePortalContact(
  db: Database,
  publicUrl: string,
  contactId: number,
  staffLabel: string,
) {
  return db.transaction().execute(async (trx) => {
    const contact = await q.findContactForInvite(trx, contactId);
    if (!contact) throw notFound();
    if (!contact.email)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'email', message: 'the contact has no email' }],
      });
    const account = await q.accountOfContact(trx, contactId, contact.email);
    await sendLink(trx, publicUrl, { ...account, contact_name: contact.name }, 'invite');
    await recordAudit(trx, null, {
      action: 'portal.invite',
      entityType: 'portal_account',
      entityId: account.id,
      entityLabel: account.email,
      actorLabel: staffLabel,
    });
    return account.id;
  });
}

export async function portalLogin(db: Database, input: { email: string; password: string }, ip: string) {
  const security = await loginSecurity(db);
  const key = portalKey(input.email);
  // Counted before the password is checked: parallel guesses cannot outrun the limit.
  await claimSignIn(db, security, key, ip);
  const account = await q.findAccountByEmail(db, input.email);
  let ok = false;
  if (account) ok = await verifyPassword(account.password_hash, input.password);
  else await burnPasswordCheck(input.password);
  // A disabled account answers like a wrong password: the answer never tells that the password was right.
  if (!account || !ok || account.status === 'disabled') throw new AppError('INVALID_CREDENTIALS');
  if (account.status === 'pending') throw new AppError('EMAIL_NOT_VERIFIED');
  await signInSucceeded(db, security, key, ip);
  const token = newSecret();
  const expiresAt = new Date(Date.now() + security.sessionHours * 3600_000);
  await db.transaction().execute(async (trx) => {
    await q.insertPortalSession(trx, {
      id: hashSecret(token),
      account_id: account.id,
      csrf_token: newSecret(24),
      ip,
      expires_at: expiresAt,
    });
    await q.markAccountLoggedIn(trx, account.id);
  });
  return { token, expiresAt };
}

export async function portalActor(db: Kysely<DB>, token: string) {
  return q.findLivePortalSession(db, hashSecret(token));
}

/** Ends the portal session of this cookie (nothing happens for an unknown one). */
export async function portalLogout(db: Kysely<DB>, token: string | undefined) {
  if (token) await q.deletePortalSession(db, hashSecret(token));
}

/** Who is signed in to the portal: the account, the contact and the contact's company (the portal's customer). */
export async function portalProfile(db: Kysely<DB>, portal: PortalActor, locale: Locale) {
  const customer = portal.customerId ? await q.customerName(db, portal.customerId) : null;
  return {
    account: { id: portal.accountId, email: portal.email, locale },
    contact: {
      id: portal.contactId,
      name: portal.name,
      customerId: portal.customerId,
      customerName: customer,
    },
    csrfToken: portal.csrfToken,
  };
}
