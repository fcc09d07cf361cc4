import type { MailboxView, mailboxCreate } from '../../../shared/schemas/email.ts';
import type { TestApp } from '../test-app.ts';
import { type Input, send } from './api.ts';

/** Email. */

/** A mailbox created on the admin screen; plain IMAP and SMTP (the test servers speak no TLS). */
export async function buildMailbox(
  t: TestApp,
  input: Partial<Input<typeof mailboxCreate>> & { address: string },
): Promise<MailboxView> {
  return send<MailboxView>(t, undefined, '/api/v1/mailboxes', {
    name: '客服邮箱',
    imapTls: false,
    smtpSecure: false,
    ...input,
  });
}
