import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { open } from '../../crypto/secret-box.ts';
import type { MailboxRow } from './email.queries.ts';

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** The server's own words where it gave any (IMAP response text, SMTP reply), for admins to act on. */
export function describeMailError(error: unknown): string {
  const e = error as {
    message?: string;
    responseText?: string;
    response?: string;
    code?: string;
    serverResponseCode?: string;
  };
  const parts = [e.responseText || e.response || e.message || String(error)];
  if (e.serverResponseCode) parts.push(`[${e.serverResponseCode}]`);
  else if (e.code && !parts[0]?.includes(e.code)) parts.push(`[${e.code}]`);
  return parts.join(' ').slice(0, 1000);
}

export function imapClient(mailbox: MailboxRow, options: { verifyOnly?: boolean } = {}): ImapFlow {
  if (!mailbox.imap_host) throw new Error('IMAP server not configured');
  const client = new ImapFlow({
    host: mailbox.imap_host,
    port: mailbox.imap_port,
    secure: mailbox.imap_tls,
    auth: {
      user: mailbox.imap_user ?? mailbox.address,
      pass: mailbox.imap_password_enc ? open(mailbox.imap_password_enc) : '',
    },
    logger: false,
    disableAutoIdle: true,
    verifyOnly: options.verifyOnly ?? false,
    ...TIMEOUTS,
  });
  // Socket errors after connect are also reported through the running command; without a listener
  // the event would crash the process.
  client.on('error', () => {});
  return client;
}

export function smtpTransport(mailbox: MailboxRow) {
  if (!mailbox.smtp_host) throw new Error('SMTP server not configured');
  return nodemailer.createTransport({
    host: mailbox.smtp_host,
    port: mailbox.smtp_port,
    secure: mailbox.smtp_secure,
    ...(mailbox.smtp_user
      ? {
          auth: {
            user: mailbox.smtp_user,
            pass: mailbox.smtp_password_enc ? open(mailbox.smtp_password_enc) : '',
          },
        }
      : {}),
    ...TIMEOUTS,
  });
}
