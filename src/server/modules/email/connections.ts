import type { ImapFlow } from 'imapflow';
import { open } from '../../crypto/secret-box.ts';
import type { MailboxRow } from './email.queries.ts';
import { BlockedTargetError, checkOutboundTarget } from './outbound-target.ts';

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** What went wrong with a mail server, as a stable category (never the server's own words). */
export type MailErrorCategory = 'blocked' | 'auth_failed' | 'unreachable' | 'timeout' | 'tls' | 'protocol';

const MAIL_ERROR_TEXT: Record<MailErrorCategory, string> = {
  blocked: 'blocked: the server address is not allowed (internal network)',
  auth_failed: 'auth_failed: authentication failed',
  unreachable: 'unreachable: the server could not be reached',
  timeout: 'timeout: the server did not answer in time',
  tls: 'tls: the secure connection failed',
  protocol: 'protocol: the server answered unexpectedly',
};

/** A problem of Qiao's own (settings, records), whose message is safe and useful to show as it is. */
export class MailSetupError extends Error {}

export function mailErrorCategory(error: unknown): MailErrorCategory {
  if (error instanceof BlockedTargetError) return 'blocked';
  const e = error as {
    code?: string;
    authenticationFailed?: boolean;
    responseCode?: number;
    message?: string;
  };
  const code = String(e?.code ?? '');
  if (e?.authenticationFailed || code === 'EAUTH' || e?.responseCode === 535) return 'auth_failed';
  if (/TIMEOUT|TIMEDOUT/.test(code)) return 'timeout';
  if (/^(EPROTO|ETLS|ERR_TLS_.*|ERR_SSL_.*|CERT_.*|.*_CERT.*|UNABLE_TO_.*)$/.test(code)) return 'tls';
  if (
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE|EDNS|ESOCKET|ECONNECTION|NoConnection|ClosedAfterConnect.*)$/.test(
      code,
    )
  )
    return 'unreachable';
  if (/auth/i.test(String(e?.message ?? ''))) return 'auth_failed';
  return 'protocol';
}

/** A stable line for logs and the mailbox's last error: the category, never a remote banner. */
export function describeMailError(error: unknown): string {
  if (error instanceof MailSetupError) return error.message;
  return MAIL_ERROR_TEXT[mailErrorCategory(error)];
}

/**
 * An IMAP client for the mailbox, connected only to a checked address (see outbound-target.ts).
 * imapflow and nodemailer are loaded on first use: a Qiao without mailboxes never needs them.
 */
export async function imapClient(
  mailbox: MailboxRow,
  options: { verifyOnly?: boolean } = {},
): Promise<ImapFlow> {
  if (!mailbox.imap_host) throw new MailSetupError('IMAP server not configured');
  const target = await checkOutboundTarget(mailbox.imap_host, mailbox.imap_port);
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: target.host,
    ...(target.servername ? { servername: target.servername } : {}),
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

/** An SMTP transport for the mailbox, connected only to a checked address (see outbound-target.ts). */
export async function smtpTransport(mailbox: MailboxRow) {
  if (!mailbox.smtp_host) throw new MailSetupError('SMTP server not configured');
  const target = await checkOutboundTarget(mailbox.smtp_host, mailbox.smtp_port);
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport({
    host: target.host,
    ...(target.servername ? { servername: target.servername } : {}),
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
