import type { Kysely } from 'kysely';
import { addMinutes } from '../../../shared/calendar/business-time.ts';
import type { Locale } from '../../../shared/locale.ts';
import { renderTemplate } from '../../../shared/template.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import { loadBusinessCalendar } from '../calendar/calendar.service.ts';
import { templateText } from '../notifications/notifications.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import { complaintSettings } from './complaint-steps.ts';
import { requireVisible, scopeOf } from './complaints.policy.ts';
import * as q from './complaints.queries.ts';

export const DRAFT_KINDS = ['acknowledge', 'explanation', 'reply'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** The working day a promise falls on: `promiseDays` working days from now on the business calendar. */
async function defaultPromise(db: Kysely<DB>, now: Date) {
  const settings = await complaintSettings(db);
  const calendar = await loadBusinessCalendar(db, undefined, now);
  return addMinutes('business', calendar, now, settings.promiseDays * 8 * 60);
}

/**
 * The text an agent starts from when writing to the customer (apology with the promised time, the
 * courteous explanation, the quality reply), from the editable `complaint.*` templates in the caller's
 * language, filled with the complaint's facts.
 */
export async function complaintDraft(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  kind: DraftKind,
  locale: Locale,
  now = new Date(),
) {
  const complaint = requireVisible(actor, await q.findComplaint(db, id, scopeOf(actor)));
  const org = await readOrganisation(db);
  const promisedAt = complaint.promised_at ?? (await defaultPromise(db, now));
  const steps = await q.stepsOf(db, id);
  // What the latest completed run of a step recorded.
  const latest = (step: string) =>
    ([...steps].reverse().find((s) => s.step === step && s.completed_at)?.data ?? {}) as Record<
      string,
      string | undefined
    >;
  const analysis = latest('analyse');
  const promised = new Intl.DateTimeFormat(locale, {
    timeZone: org.time_zone,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(promisedAt);
  const text = await templateText(db, `complaint.${kind}`, 'email', locale);
  const vars = {
    'contact.name': complaint.contact_name ?? complaint.customer_name ?? '',
    'complaint.number': complaint.number,
    'organisation.name': org.name,
    promised,
    findings: latest('investigate').findings ?? '',
    rootCause: analysis.rootCause ?? '',
    corrective: analysis.correctiveMeasures ?? '',
    preventive: analysis.preventiveMeasures ?? '',
  };
  return {
    subject: renderTemplate(text.subject ?? '', vars),
    body: renderTemplate(text.body, vars),
    promisedAt: promisedAt.toISOString(),
  };
}
