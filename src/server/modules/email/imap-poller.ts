import type { MailboxPollResult } from '../../../shared/schemas/email.ts';
import type { Database } from '../../db/database.ts';
import { describeMailError, imapClient, MailSetupError } from './connections.ts';
import * as q from './email.queries.ts';
import { processInboundMail } from './inbound.ts';

/** Mails taken per poll and mailbox; the rest wait for the next minute. */
export const POLL_BATCH = 100;
/** Larger mails are recorded as failed rather than parsed. */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;

const empty = (): MailboxPollResult => ({ fetched: 0, imported: 0, skipped: 0, failed: 0, error: null });

/**
 * Fetches the mail that arrived since the last poll (UIDs above `last_uid`, under the same UIDVALIDITY;
 * when the server reset UIDVALIDITY the folder is read again from the start and Message-IDs keep mail
 * from being imported twice), processes each, and marks it \Seen. Failures end up in `last_error`;
 * nothing is thrown. Another node already polling this mailbox makes this a no-op.
 */
export async function pollMailbox(db: Database, mailboxId: number): Promise<MailboxPollResult> {
  const result = await q.withMailboxLock(db, mailboxId, () => pollLocked(db, mailboxId));
  return result ?? { ...empty(), error: null };
}

async function pollLocked(db: Database, mailboxId: number): Promise<MailboxPollResult> {
  const result = empty();
  const mailbox = await q.findMailbox(db, mailboxId);
  if (!mailbox?.imap_host) return { ...result, error: 'IMAP server not configured' };
  const failures: string[] = [];
  let client: Awaited<ReturnType<typeof imapClient>> | undefined;
  try {
    client = await imapClient(mailbox);
    await client.connect();
    const lock = await client.getMailboxLock(mailbox.imap_folder).catch(() => {
      throw new MailSetupError(`cannot open folder ${mailbox.imap_folder}`);
    });
    try {
      const box = client.mailbox;
      if (!box) throw new MailSetupError(`cannot open folder ${mailbox.imap_folder}`);
      const uidValidity = Number(box.uidValidity);
      let lastUid = mailbox.last_uid;
      if (mailbox.uidvalidity !== uidValidity) {
        // UIDs of the old validity mean nothing now: start over (duplicates are recognised by Message-ID).
        lastUid = 0;
        await q.updateMailbox(db, mailbox.id, { uidvalidity: uidValidity, last_uid: 0 });
      }
      const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
      // `n:*` also matches the highest UID when nothing is above n.
      const uids = found
        .filter((uid) => uid > lastUid)
        .sort((a, b) => a - b)
        .slice(0, POLL_BATCH);
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
        result.fetched++;
        let ok = false;
        if (message && (message.size ?? 0) > MAX_MAIL_BYTES) {
          failures.push(`UID ${uid}: larger than ${MAX_MAIL_BYTES} bytes, left on the server`);
          result.failed++;
        } else {
          const full = message
            ? await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true })
            : false;
          const source = full ? full.source : undefined;
          if (source) {
            const outcome = await processInboundMail(db, mailbox.id, source);
            if (outcome.status === 'imported') result.imported++;
            else if (outcome.status === 'skipped') result.skipped++;
            else if (outcome.status === 'failed') {
              result.failed++;
              failures.push(`UID ${uid}: ${outcome.error}`);
            }
            ok = outcome.status !== 'failed';
          }
        }
        // Failed mail stays unseen on the server for a person to look at; polling moves on.
        if (ok) await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        await q.updateMailbox(db, mailbox.id, { last_uid: uid });
      }
    } finally {
      lock.release();
    }
    await client.logout();
  } catch (error) {
    result.error = describeMailError(error);
    client?.close();
  }
  const problem = result.error ?? (failures.length ? failures.join('; ').slice(0, 2000) : null);
  await q.updateMailbox(db, mailbox.id, {
    last_polled_at: new Date(),
    last_error: problem,
    ...(problem ? { last_error_at: new Date() } : {}),
  });
  return result;
}

/** The scheduled poll: every active mailbox with an IMAP server, one after another. */
export async function pollActiveMailboxes(db: Database): Promise<MailboxPollResult[]> {
  const results: MailboxPollResult[] = [];
  for (const id of await q.activePolledMailboxIds(db)) results.push(await pollMailbox(db, id));
  return results;
}
