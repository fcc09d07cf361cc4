import { PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';
import { deleteExpiredSessions } from '../modules/auth/auth.queries.ts';
import { deleteStaleThrottles } from '../modules/auth/throttle.ts';
import { escalateOverdueActions } from '../modules/capas/capas.jobs.ts';
import { sendCareGreetings } from '../modules/care/care.jobs.ts';
import { checkComplaintClocks } from '../modules/complaints/complaint-clocks.ts';
import { updateDormancy } from '../modules/customers/classification.ts';
import { registerEmailJobs } from '../modules/email/email.jobs.ts';
import { remindRevisits } from '../modules/key-accounts/key-accounts.service.ts';
import { deliverPending } from '../modules/notifications/delivery.ts';
import { readOrganisation } from '../modules/organisation/organisation.queries.ts';
import { recordSlaWarnings } from '../modules/tickets/sla-warnings.ts';
import { recordSlaBreaches } from '../modules/tickets/tickets.workflow.ts';

/**
 * Background work and schedules on the same PostgreSQL (pg-boss): with several app nodes each
 * scheduled job still runs once.
 */
export async function startJobs(
  connectionString: string,
  db: Database,
  log: (msg: string) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => log(`jobs: ${String(error)}`));
  await boss.start();

  await boss.createQueue('maintenance.cleanup');
  await boss.schedule('maintenance.cleanup', '17 * * * *');
  await boss.work('maintenance.cleanup', async () => {
    const sessions = await deleteExpiredSessions(db);
    await deleteStaleThrottles(db);
    log(`maintenance: removed ${sessions} expired sessions`);
  });

  // SLA clocks: breaches are recorded (and escalated) within a minute of the due time on any node.
  await boss.createQueue('sla.check');
  await boss.schedule('sla.check', '* * * * *');
  await boss.work('sla.check', async () => {
    const warned = await recordSlaWarnings(db);
    if (warned) log(`sla: ${warned} requests past their warning share`);
    const breached = await recordSlaBreaches(db);
    if (breached) log(`sla: ${breached} requests past their due time`);
    const steps = await checkComplaintClocks(db);
    if (steps.warned || steps.breached)
      log(`complaints: ${steps.warned} steps near their due time, ${steps.breached} overdue`);
  });

  // Notifications by email/SMS: delivered every minute, and at once when a message is queued.
  await boss.createQueue('outbound.deliver');
  await boss.schedule('outbound.deliver', '* * * * *');
  await boss.work('outbound.deliver', async () => {
    await deliverPending(db);
  });

  // Customer lifecycle: dormancy after the configured quiet period, checked nightly.
  // Daily jobs run at their hour in the organisation's time zone (a change of zone applies at the next start).
  const tz = (await readOrganisation(db)).time_zone;
  await boss.createQueue('customers.dormancy');
  await boss.schedule('customers.dormancy', '40 2 * * *', undefined, { tz });
  await boss.work('customers.dormancy', async () => {
    const moved = await updateDormancy(db);
    if (moved.dormant || moved.woken) log(`customers: ${moved.dormant} dormant, ${moved.woken} active again`);
  });
  // Customer care: greetings for birthdays, anniversaries and holidays go out each morning.
  await boss.createQueue('customers.care');
  await boss.schedule('customers.care', '0 8 * * *', undefined, { tz });
  await boss.work('customers.care', async () => {
    const sent = await sendCareGreetings(db);
    if (sent.queued || sent.skipped) log(`care: ${sent.queued} greetings queued, ${sent.skipped} skipped`);
  });
  // Key accounts: the specialist is reminded each morning of revisits that are due.
  await boss.createQueue('key_accounts.revisits');
  await boss.schedule('key_accounts.revisits', '10 8 * * *', undefined, { tz });
  await boss.work('key_accounts.revisits', async () => {
    const due = await remindRevisits(db);
    if (due) log(`key accounts: ${due} revisits due`);
  });

  // CAPA: actions past their due date are escalated to the CAPA owner and the department head each morning.
  await boss.createQueue('capa.overdue');
  await boss.schedule('capa.overdue', '20 8 * * *', undefined, { tz });
  await boss.work('capa.overdue', async () => {
    const escalated = await escalateOverdueActions(db);
    if (escalated) log(`capa: ${escalated} overdue actions escalated`);
  });

  // Email channel: IMAP polling every minute (one poller per mailbox) and outbound replies with retries.
  await registerEmailJobs(boss, db, log);
  return boss;
}
