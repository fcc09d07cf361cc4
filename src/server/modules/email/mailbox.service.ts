import type { MailboxCreate, MailboxUpdate } from '../../../shared/schemas/email.ts';
import { seal } from '../../crypto/secret-box.ts';
import type { Database } from '../../db/database.ts';
import { AppError, invalid, isUniqueViolation } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { type AuditChange, diffRecords, recordAudit } from '../audit/audit.service.ts';
import { requireVisible as requireTicket, scopeOf as ticketScopeOf } from '../tickets/tickets.policy.ts';
import { findTicket } from '../tickets/tickets.queries.ts';
import { describeMailError, imapClient, smtpTransport } from './connections.ts';
import { requireVisible, scopeOf } from './email.policy.ts';
import { presentEmail, presentMailbox } from './email.presenter.ts';
import * as q from './email.queries.ts';

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
  return (await q.listTicketEmails(db, ticketId)).map(presentEmail);
}

export async function createMailbox(db: Database, ctx: RequestContext, input: MailboxCreate) {
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
  try {
    return await db.transaction().execute(async (trx) => {
      const current = requireVisible(ctx.actor, await q.findMailbox(trx, id));
      const before = presentMailbox(current);
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
      });
      const after = presentMailbox((await q.findMailbox(trx, id))!);
      const changes = [...diffRecords(before, after), ...secretChanges(input)].filter(
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
 * Either failing answers MAILBOX_CONNECTION_FAILED with each server's own message in `details`.
 */
export async function testMailboxConnection(db: Database, actor: Actor, id: number) {
  const mailbox = await findVisibleMailbox(db, actor, id);
  const details: { imap: string | null; smtp: string | null } = { imap: null, smtp: null };
  if (mailbox.imap_host) {
    try {
      const client = imapClient(mailbox, { verifyOnly: true });
      await client.connect();
      client.close();
    } catch (error) {
      details.imap = describeMailError(error);
    }
  }
  if (mailbox.smtp_host) {
    try {
      const transport = smtpTransport(mailbox);
      try {
        await transport.verify();
      } finally {
        transport.close();
      }
    } catch (error) {
      details.smtp = describeMailError(error);
    }
  }
  if (details.imap || details.smtp) throw new AppError('MAILBOX_CONNECTION_FAILED', details);
  return {
    ok: true as const,
    imap: mailbox.imap_host ? ('ok' as const) : ('skipped' as const),
    smtp: mailbox.smtp_host ? ('ok' as const) : ('skipped' as const),
  };
}
