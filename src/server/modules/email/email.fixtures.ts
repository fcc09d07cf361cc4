import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Test helpers for the email channel: raw mails and mail servers (the mailbox itself: `buildMailbox`). */

export interface MailSpec {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  text?: string;
  html?: string;
}

export const uniqueId = (domain = 'customer.example') => `<${randomBytes(8).toString('hex')}@${domain}>`;

/** A raw RFC 5322 mail (UTF-8, base64 bodies). */
export function rawMail(spec: MailSpec): string {
  const subject = spec.subject ?? 'Hello';
  const lines = [
    `From: ${spec.from ?? '"王女士" <wang@customer.example>'}`,
    `To: ${spec.to ?? 'support@qiao.example'}`,
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: ${spec.messageId ?? uniqueId()}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
  ];
  if (spec.inReplyTo) lines.push(`In-Reply-To: ${spec.inReplyTo}`);
  if (spec.references?.length) lines.push(`References: ${spec.references.join(' ')}`);
  for (const [k, v] of Object.entries(spec.headers ?? {})) lines.push(`${k}: ${v}`);
  const b64 = (s: string) => Buffer.from(s).toString('base64').replace(/.{76}/g, '$&\r\n');
  if (spec.html !== undefined) {
    const boundary = `b${randomBytes(6).toString('hex')}`;
    lines.push(`Content-Type: multipart/alternative; boundary="${boundary}"`, '');
    for (const [type, body] of [
      ['text/plain', spec.text ?? ''],
      ['text/html', spec.html],
    ] as const) {
      if (type === 'text/plain' && spec.text === undefined) continue;
      lines.push(`--${boundary}`, `Content-Type: ${type}; charset=utf-8`);
      lines.push('Content-Transfer-Encoding: base64', '', b64(body));
    }
    lines.push(`--${boundary}--`, '');
  } else {
    lines.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '');
    lines.push(b64(spec.text ?? 'Hi'), '');
  }
  return lines.join('\r\n');
}

export interface Captured {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: Awaited<ReturnType<typeof simpleParser>>;
}

/** An "upstream" SMTP server standing in for the company's mail relay; it keeps what it receives. */
export async function startUpstreamSmtp() {
  const received: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'agent@qiao.example' && auth.password === 'smtp-secret')
        return callback(null, { user: auth.username });
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((parsed) => {
          const from = session.envelope.mailFrom;
          received.push({
            envelope: { from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
            raw,
            parsed,
          });
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}
