import type { PgBoss } from 'pg-boss';
import type { Database } from '../../db/database.ts';
import { activePolledMailboxIds } from './email.queries.ts';
import { pollMailbox } from './imap-poller.ts';
import {
  SEND_QUEUE,
  SEND_QUEUE_OPTIONS,
  sendQueuedEmail,
  setEmailQueue,
  sweepQueuedEmail,
} from './outbound.ts';

export const POLL_QUEUE = 'email.poll';
export const POLL_MAILBOX_QUEUE = 'email.poll.mailbox';

/**
 * Every minute one node fans the poll out, one job per mailbox. The per-mailbox queue is `stately` with
 * the mailbox id as singletonKey (at most one waiting and one running per mailbox), and the poll itself
 * takes an advisory lock, so a mailbox is never polled by two nodes at once. Replies go out through
 * `email.send` with retries and backoff.
 */
export async function registerEmailJobs(boss: PgBoss, db: Database, log: (msg: string) => void) {
  await boss.createQueue(SEND_QUEUE, SEND_QUEUE_OPTIONS);
  await boss.work<{ emailId: number }>(SEND_QUEUE, async (jobs) => {
    for (const job of jobs) {
      const outcome = await sendQueuedEmail(db, job.data.emailId);
      if (outcome === 'failed') log(`email: giving up sending mail ${job.data.emailId}`);
    }
  });

  await boss.createQueue(POLL_MAILBOX_QUEUE, { policy: 'stately', retryLimit: 0, expireInSeconds: 600 });
  await boss.work<{ mailboxId: number }>(POLL_MAILBOX_QUEUE, async (jobs) => {
    for (const job of jobs) {
      const result = await pollMailbox(db, job.data.mailboxId);
      if (result.error) log(`email: mailbox ${job.data.mailboxId}: ${result.error}`);
    }
  });

  await boss.createQueue(POLL_QUEUE, { retryLimit: 0 });
  await boss.schedule(POLL_QUEUE, '* * * * *');
  await boss.work(POLL_QUEUE, async () => {
    for (const mailboxId of await activePolledMailboxIds(db)) {
      await boss.send(POLL_MAILBOX_QUEUE, { mailboxId }, { singletonKey: String(mailboxId) });
    }
    await sweepQueuedEmail(db);
  });
  setEmailQueue(boss);
}
