import { z } from 'zod';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const host = text(253).min(1);
const port = z.number().int().min(1).max(65535);
/** Write-only: a string replaces the stored secret, null clears it, absent keeps it. */
const secret = z.string().max(500).nullish();

/** Mailbox settings as the admin screen edits them; passwords go in, never come out. */
const mailboxFields = {
  // A name goes into headers and logs: no line breaks or other control characters.
  name: text(100)
    .min(1)
    .regex(/^[^\p{Cc}]*$/u),
  address: z.email().max(200),
  imapHost: host.nullish(),
  imapPort: port,
  imapTls: z.boolean(),
  imapUser: text(200).nullish(),
  imapPassword: secret,
  imapFolder: text(200).min(1),
  smtpHost: host.nullish(),
  smtpPort: port,
  smtpSecure: z.boolean(),
  smtpUser: text(200).nullish(),
  smtpPassword: secret,
  defaultTypeId: id.nullish(),
  defaultTeamId: id.nullish(),
  isActive: z.boolean(),
};

export const mailboxCreate = z.object({
  ...mailboxFields,
  imapPort: port.default(993),
  imapTls: z.boolean().default(true),
  imapFolder: text(200).min(1).default('INBOX'),
  smtpPort: port.default(465),
  smtpSecure: z.boolean().default(true),
  isActive: z.boolean().default(true),
});
export type MailboxCreate = z.output<typeof mailboxCreate>;

export const mailboxUpdate = z.object(mailboxFields).partial();
export type MailboxUpdate = z.output<typeof mailboxUpdate>;

export const mailboxView = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string(),
  imapHost: z.string().nullable(),
  imapPort: z.number(),
  imapTls: z.boolean(),
  imapUser: z.string().nullable(),
  hasImapPassword: z.boolean(),
  imapFolder: z.string(),
  smtpHost: z.string().nullable(),
  smtpPort: z.number(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  hasSmtpPassword: z.boolean(),
  defaultTypeId: z.number().nullable(),
  defaultTeamId: z.number().nullable(),
  isActive: z.boolean(),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MailboxView = z.infer<typeof mailboxView>;

const checkResult = z.enum(['ok', 'skipped']);
export const mailboxTestResult = z.object({ ok: z.literal(true), imap: checkResult, smtp: checkResult });

export const mailboxPollResult = z.object({
  fetched: z.number(),
  imported: z.number(),
  skipped: z.number(),
  failed: z.number(),
  /** The server's message when the poll could not run (also kept as the mailbox's lastError). */
  error: z.string().nullable(),
});
export type MailboxPollResult = z.infer<typeof mailboxPollResult>;

export const EMAIL_STATUSES = ['processing', 'imported', 'skipped', 'failed', 'queued', 'sent'] as const;

/** One mail of a request or a mailbox's log; `html` is already sanitised on the server. */
export const emailView = z.object({
  id: z.number(),
  mailboxId: z.number().nullable(),
  direction: z.enum(['in', 'out']),
  status: z.enum(EMAIL_STATUSES),
  skipReason: z.string().nullable(),
  ticketId: z.number().nullable(),
  ticketMessageId: z.number().nullable(),
  messageId: z.string(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  toAddresses: z.array(z.string()),
  subject: z.string().nullable(),
  html: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number() })),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type EmailView = z.infer<typeof emailView>;

export const emailLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(EMAIL_STATUSES).optional(),
});
