import type { AddressInfo } from 'node:net';
import type { SMTPServerDataStream } from 'smtp-server';
import type { Database } from '../../db/database.ts';
import { findActiveMailboxByAddress } from './email.queries.ts';
import { processInboundMail } from './inbound.ts';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

export interface SmtpListenerOptions {
  port: number;
  host?: string;
  /** Largest mail accepted, in bytes (announced through SIZE). */
  maxBytes?: number;
  log?: (msg: string) => void;
}

const smtpError = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode });

/**
 * Optional inbound SMTP (set QIAO_SMTP_LISTEN_PORT): the company's MTA or an MX record delivers straight
 * to Qiao. Only addresses of active mailboxes are accepted (so this is no open relay), mail over the size
 * limit is refused, and each mail goes through the same `processInboundMail` as IMAP polling. A failure
 * answers 451 so the sending server tries again later.
 */
export async function startSmtpListener(db: Database, options: SmtpListenerOptions): Promise<SmtpListener> {
  const maxBytes = options.maxBytes ?? 25 * 1024 * 1024;
  const log = options.log ?? (() => {});
  const deliver = async (raw: Buffer, envelopeFrom: string, recipients: string[]) => {
    // A mail addressed to several of our mailboxes is still one mail: the first mailbox takes it.
    let mailboxId: number | undefined;
    for (const address of recipients) {
      mailboxId = (await findActiveMailboxByAddress(db, address))?.id;
      if (mailboxId) break;
    }
    if (mailboxId === undefined) throw smtpError('5.1.1 No such mailbox here', 550);
    const result = await processInboundMail(db, mailboxId, raw, { envelopeFrom });
    if (result.status === 'failed') throw new Error(`mail for mailbox ${mailboxId} failed: ${result.error}`);
  };
  // Loaded only when the listener is configured (QIAO_SMTP_LISTEN_PORT).
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    name: 'qiao',
    banner: 'Qiao mail intake',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    maxClients: 50,
    logger: false,
    async onRcptTo(address, _session, callback) {
      try {
        const mailbox = await findActiveMailboxByAddress(db, address.address);
        if (!mailbox) return callback(smtpError('5.1.1 No such mailbox here', 550));
        callback();
      } catch (error) {
        log(`smtp: recipient check failed: ${String(error)}`);
        callback(smtpError('4.3.0 Temporary failure, try again later', 451));
      }
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let received = 0;
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received <= maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || received > maxBytes)
          return callback(smtpError('5.3.4 Message too big', 552));
        const mailFrom = session.envelope.mailFrom;
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        deliver(Buffer.concat(chunks), mailFrom === false ? '' : mailFrom.address, recipients).then(
          () => callback(null),
          (error: Error & { responseCode?: number }) => {
            if (!error.responseCode) log(`smtp: ${String(error)}`);
            callback(error.responseCode ? error : smtpError('4.3.0 Temporary failure, try again later', 451));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log(`smtp: ${String(error)}`));
  const port = (server.server.address() as AddressInfo).port;
  log(`smtp: accepting mail on port ${port}`);
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The listener when QIAO_SMTP_LISTEN_PORT is set (QIAO_SMTP_LISTEN_HOST, QIAO_SMTP_MAX_BYTES optional). */
export async function startSmtpListenerFromEnv(
  db: Database,
  log: (msg: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SmtpListener | undefined> {
  if (!env.QIAO_SMTP_LISTEN_PORT) return undefined;
  const port = Number(env.QIAO_SMTP_LISTEN_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`QIAO_SMTP_LISTEN_PORT must be a port number, got "${env.QIAO_SMTP_LISTEN_PORT}"`);
  return startSmtpListener(db, {
    port,
    ...(env.QIAO_SMTP_LISTEN_HOST ? { host: env.QIAO_SMTP_LISTEN_HOST } : {}),
    ...(env.QIAO_SMTP_MAX_BYTES ? { maxBytes: Number(env.QIAO_SMTP_MAX_BYTES) } : {}),
    log,
  });
}
