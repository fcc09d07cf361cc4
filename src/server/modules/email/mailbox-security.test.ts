import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailboxView } from '../../../shared/schemas/email.ts';
import { buildMailbox } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { imapClient, smtpTransport } from './connections.ts';
import { findMailbox } from './email.queries.ts';
import { allowMailHosts, checkOutboundTarget, isBlockedAddress, parseIpv4 } from './outbound-target.ts';

const t = setupTestApp();

/** A loopback TCP service that records every connection and byte, and greets with `banner`. */
async function fakeServer(banner: string, answer: (line: string) => string | null = () => null) {
  const seen = { connections: 0, data: '' };
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    seen.connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.write(banner);
    socket.on('data', (chunk) => {
      seen.data += chunk.toString('utf8');
      for (const line of chunk.toString('utf8').split('\r\n').filter(Boolean)) {
        const reply = answer(line);
        if (reply) socket.write(reply);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port, seen, close };
}

afterEach(() => allowMailHosts([]));

const INTERNAL = [
  '169.254.169.254',
  '127.0.0.1',
  '::1',
  '[::1]',
  '10.1.2.3',
  '172.16.5.4',
  '192.168.1.1',
  '100.64.0.1',
  '0.0.0.0',
  '2130706433',
  '0x7f000001',
  '017700000001',
  '127.1',
  'localhost',
  'metadata.google.internal',
  '::ffff:127.0.0.1',
  '::ffff:a9fe:a9fe',
  'fe80::1',
  'fd00::1',
  '224.0.0.1',
];

describe('mailbox servers inside our own network', () => {
  it('are refused when a mailbox is created or changed, in every notation', async () => {
    const admin = await t().admin();
    for (const [i, host] of INTERNAL.entries()) {
      for (const field of ['imapHost', 'smtpHost']) {
        const res = await admin.post('/api/v1/mailboxes', {
          name: 'x',
          address: `ssrf${i}${field}@qiao.example`,
          [field]: host,
        });
        expect([host, field, res.status, errorCode(res.body)]).toEqual([
          host,
          field,
          400,
          'MAILBOX_HOST_BLOCKED',
        ]);
      }
    }
    const box = await buildMailbox(t(), { address: 'public@qiao.example', imapHost: 'imap.qiao.example' });
    const patched = await admin.patch(`/api/v1/mailboxes/${box.id}`, { smtpHost: '169.254.169.254' });
    expect([patched.status, errorCode(patched.body)]).toEqual([400, 'MAILBOX_HOST_BLOCKED']);
  });

  it('are refused at every connection, before anything is sent, also when the saved host now points inside', async () => {
    const admin = await t().admin();
    const server = await fakeServer('* OK IMAP4rev1 ready\r\n');
    try {
      const box = await buildMailbox(t(), {
        address: 'rebind@qiao.example',
        imapHost: 'imap.qiao.example',
        imapPassword: 'imap-pa55',
        smtpHost: 'smtp.qiao.example',
        smtpUser: 'rebind',
        smtpPassword: 'smtp-pa55',
      });
      // As if DNS had changed, or the row was saved before the check existed.
      await t()
        .db.updateTable('mailbox')
        .set({ imap_host: '127.0.0.1', imap_port: server.port, smtp_host: '127.1', smtp_port: server.port })
        .where('id', '=', box.id)
        .execute();
      const test = await admin.post<{ error: { details: unknown } }>(`/api/v1/mailboxes/${box.id}/test`);
      expect(test.status).toBe(400);
      expect(errorCode(test.body)).toBe('MAILBOX_CONNECTION_FAILED');
      expect(test.body.error.details).toEqual({ imap: 'blocked', smtp: 'blocked' });
      const poll = await admin.post<{ error: string }>(`/api/v1/mailboxes/${box.id}/poll`);
      expect(poll.body.error).toMatch(/^blocked/);
      // The SMTP sender and the IMAP poller go through the same check.
      const row = (await findMailbox(t().db, box.id))!;
      await expect(smtpTransport(row)).rejects.toThrow(/not allowed/);
      await expect(imapClient(row)).rejects.toThrow(/not allowed/);
      expect(server.seen.connections).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('an administrator can allow a named host (the check still applies to every other)', async () => {
    allowMailHosts(['mail.lan']);
    expect((await checkOutboundTarget('MAIL.lan', 143, async () => ['10.0.0.5'])).host).toBe('mail.lan');
    await expect(checkOutboundTarget('other.lan', 143, async () => ['10.0.0.5'])).rejects.toThrow();
  });
});

describe('the outbound target check', () => {
  it('resolves names and refuses them when any address is internal; passes the checked address on', async () => {
    const lookup = (answers: string[]) => async () => answers;
    await expect(checkOutboundTarget('mx.example.com', 25, lookup(['10.0.0.1']))).rejects.toThrow();
    await expect(
      checkOutboundTarget('mx.example.com', 25, lookup(['93.184.216.34', '169.254.169.254'])),
    ).rejects.toThrow();
    await expect(checkOutboundTarget('mx.example.com', 25, lookup(['fd12::1']))).rejects.toThrow();
    await expect(checkOutboundTarget('mx.example.com', 25, lookup([]))).rejects.toThrow();
    expect(await checkOutboundTarget('MX.example.com', 587, lookup(['93.184.216.34']))).toEqual({
      host: '93.184.216.34',
      servername: 'mx.example.com',
    });
    expect(await checkOutboundTarget('2606:4700::1111', 993)).toEqual({
      host: '2606:4700::1111',
      servername: undefined,
    });
  });

  it('reads every numeric IPv4 notation the resolver accepts', () => {
    for (const form of ['2130706433', '0x7f000001', '017700000001', '127.1', '0177.0.0.1', '0x7f.1'])
      expect([form, parseIpv4(form)]).toEqual([form, '127.0.0.1']);
    expect(parseIpv4('mail.example.com')).toBeNull();
    expect(parseIpv4('1.2.3.4.5')).toBeNull();
    for (const address of ['::ffff:7f00:1', '::127.0.0.1', '64:ff9b::a9fe:a9fe', '2002:7f00:1::1'])
      expect([address, isBlockedAddress(address)]).toEqual([address, true]);
    expect(isBlockedAddress('8.8.8.8')).toBe(false);
    expect(isBlockedAddress('2001:4860:4860::8888')).toBe(false);
  });
});

describe('the connection test', () => {
  it('answers a stable category, never the remote banner', async () => {
    allowMailHosts(['127.0.0.1']);
    const imap = await fakeServer('* OK SECRET-BANNER redis_version:7.2\r\n', (line) => {
      const tag = line.split(' ')[0];
      return `${tag} BAD SECRET-ERROR unknown command\r\n`;
    });
    const smtp = await fakeServer('220 SECRET-BANNER ESMTP\r\n', () => '554 SECRET-ERROR go away\r\n');
    try {
      const admin = await t().admin();
      const box = await buildMailbox(t(), {
        address: 'banner@qiao.example',
        imapHost: '127.0.0.1',
        imapPort: imap.port,
        imapPassword: 'x',
        smtpHost: '127.0.0.1',
        smtpPort: smtp.port,
      });
      const test = await admin.post<{ error: { details: { imap: string; smtp: string } } }>(
        `/api/v1/mailboxes/${box.id}/test`,
      );
      expect(errorCode(test.body)).toBe('MAILBOX_CONNECTION_FAILED');
      expect(JSON.stringify(test.body)).not.toMatch(/SECRET|redis/);
      for (const side of [test.body.error.details.imap, test.body.error.details.smtp])
        expect(['auth_failed', 'unreachable', 'timeout', 'tls', 'protocol']).toContain(side);
      const poll = await admin.post(`/api/v1/mailboxes/${box.id}/poll`);
      expect(JSON.stringify(poll.body)).not.toMatch(/SECRET|redis/);
      const saved = await admin.get<MailboxView>(`/api/v1/mailboxes/${box.id}`);
      expect(JSON.stringify(saved.body)).not.toMatch(/SECRET|redis/);
    } finally {
      await imap.close();
      await smtp.close();
    }
  });
});

describe('stored mailbox passwords', () => {
  it('are cleared when host, port, security or user changes without a new password', async () => {
    allowMailHosts(['127.0.0.1']);
    const admin = await t().admin();
    const box = await buildMailbox(t(), {
      address: 'moved@qiao.example',
      imapHost: 'imap.qiao.example',
      imapUser: 'moved',
      imapPassword: 'imap-pa55',
      smtpHost: 'smtp.qiao.example',
      smtpUser: 'moved',
      smtpPassword: 'smtp-pa55',
    });
    // The attack: point the saved mailbox at a server of one's own and press "test".
    const capture = await fakeServer('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n', (line) => {
      const tag = line.split(' ')[0];
      return `${tag} NO denied\r\n`;
    });
    try {
      const moved = await admin.patch<MailboxView>(`/api/v1/mailboxes/${box.id}`, {
        imapHost: '127.0.0.1',
        imapPort: capture.port,
      });
      expect(moved.body).toMatchObject({ hasImapPassword: false, hasSmtpPassword: true });
      await admin.post(`/api/v1/mailboxes/${box.id}/test`);
      const plain = Buffer.from('\0moved\0imap-pa55').toString('base64');
      expect(capture.seen.data).not.toContain('imap-pa55');
      expect(capture.seen.data).not.toContain(plain);
    } finally {
      await capture.close();
    }
    for (const change of [{ smtpPort: 2525 }, { smtpSecure: true }, { smtpUser: 'other' }]) {
      await admin.patch(`/api/v1/mailboxes/${box.id}`, { smtpPassword: 'smtp-pa55' });
      const res = await admin.patch<MailboxView>(`/api/v1/mailboxes/${box.id}`, change);
      expect([change, res.body.hasSmtpPassword]).toEqual([change, false]);
    }
    // A new password in the same change is kept; renaming keeps both.
    const withNew = await admin.patch<MailboxView>(`/api/v1/mailboxes/${box.id}`, {
      imapHost: 'imap2.qiao.example',
      imapPassword: 'new-pa55',
      smtpPassword: 'smtp-pa55',
    });
    expect(withNew.body).toMatchObject({ hasImapPassword: true, hasSmtpPassword: true });
    const renamed = await admin.patch<MailboxView>(`/api/v1/mailboxes/${box.id}`, {
      name: '新名字',
      imapHost: 'imap2.qiao.example',
    });
    expect(renamed.body).toMatchObject({ hasImapPassword: true, hasSmtpPassword: true });
  });
});
