import type { EmailView, MailboxView } from '../../../shared/schemas/email.ts';
import { iso } from '../../http/present.ts';
import type * as q from './email.queries.ts';
import type { MailboxRow } from './email.queries.ts';

/** Passwords never leave the server: the screen only learns whether one is set. */
export function presentMailbox(row: MailboxRow): MailboxView {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    imapHost: row.imap_host,
    imapPort: row.imap_port,
    imapTls: row.imap_tls,
    imapUser: row.imap_user,
    hasImapPassword: !!row.imap_password_enc,
    imapFolder: row.imap_folder,
    smtpHost: row.smtp_host,
    smtpPort: row.smtp_port,
    smtpSecure: row.smtp_secure,
    smtpUser: row.smtp_user,
    hasSmtpPassword: !!row.smtp_password_enc,
    defaultTypeId: row.default_type_id,
    defaultTeamId: row.default_team_id,
    isActive: row.is_active,
    lastPolledAt: iso(row.last_polled_at),
    lastError: row.last_error,
    lastErrorAt: iso(row.last_error_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

type EmailRow = NonNullable<Awaited<ReturnType<typeof q.findEmail>>>;

export function presentEmail(row: EmailRow): EmailView {
  return {
    id: row.id,
    mailboxId: row.mailbox_id,
    direction: row.direction as EmailView['direction'],
    status: row.status as EmailView['status'],
    skipReason: row.skip_reason,
    ticketId: row.ticket_id,
    ticketMessageId: row.ticket_message_id,
    messageId: row.message_id,
    fromAddress: row.from_address,
    fromName: row.from_name,
    toAddresses: row.to_addresses,
    subject: row.subject,
    html: row.html_sanitised,
    attachments: (row.attachments ?? []) as EmailView['attachments'],
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: iso(row.sent_at),
  };
}
