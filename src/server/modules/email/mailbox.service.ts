import { maskEmail } from '../../../shared/mask.ts';
import type { MailboxCreate, MailboxUpdate } from '../../../shared/schemas/email.ts';
import { seal } from '../../crypto/secret-box.ts';
import type { Database } from '../../db/database.ts';
import { AppError, invalid, isUniqueViolation } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { type AuditChange, diffRecords, recordAudit } from '../audit/audit.service.ts';
import { maySeeSensitive } from '../customers/customers.policy.ts';
import { requireVisible as requireTicket, scopeOf as ticketScopeOf } from '../tickets/tickets.policy.ts';
import { findTicket } from '../tickets/tickets.queries.ts';
import { imapClient, type MailErrorCategory, mailErrorCategory, smtpTransport } from './connections.ts';
import { requireVisible, scopeOf } from './email.policy.ts';
import { presentEmail, presentMailbox } from './email.presenter.ts';
import * as q from './email.queries.ts';
import { BlockedTargetError, checkSavedHost } from './outbound-target.ts';

/** A host that points into Qiao's own network is refused when saved (and again at every connection). */
function checkHosts(input: { imapHost?: string | null | undefined; smtpHost?: string | null | undefined }) {
  for (const field of ['imapHost', 'smtpHost'] as const) {
    const host = input[field];
    if (!host) continue;
    try {
      checkSavedHost(host);
    } catch (error) {
      if (error instanceof BlockedTargetError) throw new AppError('MAILBOX_HOST_BLOCKED', { field });
      throw error;
    }
  }
}

/**
 * A stored password belongs to the server and account it was given for: changing the host, port,
 * security or user name of a side clears that side's password unless a new one comes with the change,
 * so nobody can send the saved password to a server of their choosing.
 */
function passwordsToClear(current: q.MailboxRow, input: MailboxUpdate) {
  const changed = <T>(next: T | undefined, now: T) => next !== undefined && next !== now;
  const imap =
    input.imapPassword === undefined &&
    (changed(input.imapHost, current.imap_host) ||
      changed(input.imapPort, current.imap_port) ||
      changed(input.imapTls, current.imap_tls) ||
      changed(input.imapUser, current.imap_user));
  const smtp =
    input.smtpPassword === undefined &&
    (changed(input.smtpHost, current.smtp_host) ||
      changed(input.smtpPort, current.smtp_port) ||
      changed(input.smtpSecure, current.smtp_secure) ||
      changed(input.smtpUser, current.smtp_user));
  return {
    ...(imap && current.imap_password_enc ? { imap_password_enc: null } : {}),
    ...(smtp && current.smtp_password_enc ? { smtp_password_enc: null } : {}),
  };
}

function mapWriteError(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('MAILBOX_ADDRESS_TAKEN', { field: 'address' });
  if ((error as { code?: string })?.code === '23503') throw invalid('VALIDATION_FAILED', 'defaultTypeId');
  throw error;
}

/** Write-only secrets: a string replaces, null or '' clears, absent keeps. */
const sealed = (value: string | null | undefined) =>
  value === undefined ? undefined : value ? seal(value) : null;

function secretChanges(input: MailboxUpdate): AuditChange[] {
  return (['imapPassword', 'smtpPassword'] as const)
    .filter((f) => input[f] !== undefined)
    .map((field) => ({ field, before: '***', after: input[field] ? '***' : null }));
}

export async function listMailboxViews(db: Database, actor: Actor) {
  return (await q.listMailboxes(db, scopeOf(actor))).map(presentMailbox);
}

/** A mailbox as stored (secrets sealed); a missing one is a 404. */
export async function findVisibleMailbox(db: Database, actor: Actor, id: number) {
  return requireVisible(actor, await q.findMailbox(db, id));
}

/** What a mailbox imported and sent, newest first. */
export async function mailboxLog(
  db: Database,
  actor: Actor,
  id: number,
  filter: { limit: number; status?: string | undefined },
) {
  await findVisibleMailbox(db, actor, id);
  return (await q.listMailboxLog(db, id, filter.limit, filter.status)).map(presentEmail);
}

/** The mail of one request, through the request's own check. */
export async function ticketEmails(db: Database, actor: Actor, ticketId: number) {
  requireTicket(actor, await findTicket(db, ticketId, ticketScopeOf(actor)));
  const views = (await q.listTicketEmails(db, ticketId)).map(presentEmail);
  if (maySeeSensitive(actor)) return views;
  // The customer's addresses are masked as on the customer file; our own mailboxes' addresses are not.
  const ours = new Set(await q.allMailboxAddresses(db));
  const shown = (address: string | null) =>
    address && !ours.has(address.toLowerCase()) ? maskEmail(address) : address;
  return views.map((view) => ({
    ...view,
    fromAddress: shown(view.fromAddress),
    toAddresses: view.toAddresses.map((a) => shown(a) ?? a),
  }));
}

export async function createMailbox(db: Database, ctx: RequestContext, input: MailboxCreate) {
  checkHosts(input);
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await q.insertMailbox(trx, {
        name: input.name,
        address: input.address.toLowerCase(),
        imap_host: input.imapHost ?? null,
        imap_port: input.imapPort,
        imap_tls: input.imapTls,
        imap_user: input.imapUser ?? null,
        imap_password_enc: sealed(input.imapPassword) ?? null,
        imap_folder: input.imapFolder,
        smtp_host: input.smtpHost ?? null,
        smtp_port: input.smtpPort,
        smtp_secure: input.smtpSecure,
        smtp_user: input.smtpUser ?? null,
        smtp_password_enc: sealed(input.smtpPassword) ?? null,
        default_type_id: input.defaultTypeId ?? null,
        default_team_id: input.defaultTeamId ?? null,
        is_active: input.isActive,
      });
      const after = presentMailbox((await q.findMailbox(trx, id))!);
      await recordAudit(trx, ctx, {
        action: 'mailbox.create',
        entityType: 'mailbox',
        entityId: id,
        entityLabel: after.address,
        after,
      });
      return after;
    });
  } catch (error) {
    mapWriteError(error);
  }
}

export async function updateMailbox(db: Database, ctx: RequestContext, id: number, input: MailboxUpdate) {
  checkHosts(input);
  try {
    return await db.transaction().execute(async (trx) => {
      const current = requireVisible(ctx.actor, await q.findMailbox(trx, id));
      const before = presentMailbox(current);
      const cleared = passwordsToClear(current, input);
      // Another server, account or folder: its UIDs are not ours, so the next poll starts over.
      const elsewhere =
        (input.imapHost !== undefined && input.imapHost !== current.imap_host) ||
        (input.imapUser !== undefined && input.imapUser !== current.imap_user) ||
        (input.imapFolder !== undefined && input.imapFolder !== current.imap_folder);
      await q.updateMailbox(trx, id, {
        name: input.name,
        address: input.address?.toLowerCase(),
        imap_host: input.imapHost,
        imap_port: input.imapPort,
        imap_tls: input.imapTls,
        imap_user: input.imapUser,
        imap_password_enc: sealed(input.imapPassword),
        imap_folder: input.imapFolder,
        smtp_host: input.smtpHost,
        smtp_port: input.smtpPort,
        smtp_secure: input.smtpSecure,
        smtp_user: input.smtpUser,
        smtp_password_enc: sealed(input.smtpPassword),
        default_type_id: input.defaultTypeId,
        default_team_id: input.defaultTeamId,
        is_active: input.isActive,
        ...(elsewhere ? { uidvalidity: null, last_uid: 0 } : {}),
        ...cleared,
      });
      const after = presentMailbox((await q.findMailbox(trx, id))!);
      const clearedChanges: AuditChange[] = Object.keys(cleared).map((column) => ({
        field: column === 'imap_password_enc' ? 'imapPassword' : 'smtpPassword',
        before: '***',
        after: null,
      }));
      const changes = [...diffRecords(before, after), ...secretChanges(input), ...clearedChanges].filter(
        (c) => c.field !== 'hasImapPassword' && c.field !== 'hasSmtpPassword',
      );
      await recordAudit(trx, ctx, {
        action: 'mailbox.update',
        entityType: 'mailbox',
        entityId: id,
        entityLabel: after.address,
        changes,
      });
      return after;
    });
  } catch (error) {
    mapWriteError(error);
  }
}

export async function deleteMailbox(db: Database, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const current = requireVisible(ctx.actor, await q.findMailbox(trx, id));
    await q.deleteMailbox(trx, id);
    await recordAudit(trx, ctx, {
      action: 'mailbox.delete',
      entityType: 'mailbox',
      entityId: id,
      entityLabel: current.address,
      before: presentMailbox(current),
    });
  });
}

/**
 * Signs in to the IMAP server and asks the SMTP server to verify the account, with the stored settings.
 * Either failing answers MAILBOX_CONNECTION_FAILED with a category per side in `details` (blocked,
 * auth_failed, unreachable, timeout, tls, protocol) — never the server's own words, which would let this
 * button read banners of arbitrary services.
 */
export async function testMailboxConnection(db: Database, actor: Actor, id: number) {
  const mailbox = await findVisibleMailbox(db, actor, id);
  const details: { imap: MailErrorCategory | null; smtp: MailErrorCategory | null } = {
    imap: null,
    smtp: null,
  };
  if (mailbox.imap_host) {
    try {
      const client = await imapClient(mailbox, { verifyOnly: true });
      await client.connect();
      client.close();
    } catch (error) {
      details.imap = mailErrorCategory(error);
    }
  }
  if (mailbox.smtp_host) {
    try {
      const transport = await smtpTransport(mailbox);
      try {
        await transport.verify();
      } finally {
        transport.close();
      }
    } catch (error) {
      details.smtp = mailErrorCategory(error);
    }
  }
  if (details.imap || details.smtp) throw new AppError('MAILBOX_CONNECTION_FAILED', details);
  return {
    ok: true as const,
    imap: mailbox.imap_host ? ('ok' as const) : ('skipped' as const),
    smtp: mailbox.smtp_host ? ('ok' as const) : ('skipped' as const),
  };
}
