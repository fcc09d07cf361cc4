import type { z } from 'zod';
import type { publicRequest } from '../../../shared/schemas/portal.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { isLocked, recordFailure } from '../auth/throttle.queries.ts';
import { ipKey } from '../auth/throttle.ts';
import { queueMessage } from '../notifications/notifications.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { createTicketIn } from '../tickets/tickets.service.ts';
import { findTicketNumber, inquiryTypeId } from './portal-tickets.queries.ts';

export const PUBLIC_FORM_DEFAULTS = { maxPerHourPerIp: 5, minSecondsToFill: 3 };

/**
 * A request from the public form, after its abuse checks: a honeypot field, a minimum time to fill the
 * form, and a per-IP hourly limit kept in the database (so every node shares it). Bots that fill the
 * honeypot get a normal-looking answer and nothing is stored. The request and its acknowledgement email
 * are written in one transaction. Returns the request number, or null for a bot.
 */
export async function submitPublicRequest(
  db: Database,
  b: z.output<typeof publicRequest>,
  ip: string,
): Promise<{ id: number; number: string } | null> {
  if (b.website) return null;
  const limits = await readSetting(db, 'security.public_form', PUBLIC_FORM_DEFAULTS);
  const age = Date.now() - b.shownAt;
  if (age < limits.minSecondsToFill * 1000) {
    throw new AppError('SUBMISSION_REJECTED', {
      retryAfterSeconds: Math.ceil((limits.minSecondsToFill * 1000 - age) / 1000),
    });
  }
  // A form left open for more than a day is reloaded (fresh shownAt) rather than trusted.
  if (age > 24 * 3600_000) throw new AppError('SUBMISSION_REJECTED', { reload: true });
  const key = `form:${ipKey(ip)}`;
  if (await isLocked(db, [key])) throw new AppError('RATE_LIMITED');
  // Every accepted submission counts towards the hourly limit.
  await recordFailure(db, key, { limit: limits.maxPerHourPerIp, windowMinutes: 60, lockMinutes: 60 });
  return db.transaction().execute(async (trx) => {
    const id = await createTicketIn(trx, null, {
      channel: 'web',
      typeId: await inquiryTypeId(trx),
      subject: b.subject,
      description: b.description,
      newContact: { name: b.name, email: b.email, phone: b.phone ?? null, company: b.company ?? null },
      language: b.locale,
    });
    const ticket = await findTicketNumber(trx, id);
    const org = await readOrganisation(trx);
    await queueMessage(trx, {
      channel: 'email',
      to: b.email,
      key: 'ticket.received',
      locale: b.locale,
      vars: {
        'contact.name': b.name,
        'ticket.number': ticket.number,
        'ticket.subject': ticket.subject,
        'organisation.name': org.name,
      },
    });
    return { id, number: ticket.number };
  });
}
