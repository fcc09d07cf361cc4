import type { Kysely } from 'kysely';
import { addMinutes } from '../../../shared/calendar/business-time.ts';
import {
  COMPLAINT_STEP_LABELS,
  type ComplaintSettings,
  type ComplaintStep,
  DEFAULT_COMPLAINT_SETTINGS,
} from '../../../shared/complaints/complaint-flow.ts';
import type { DB } from '../../db/schema.ts';
import { loadBusinessCalendar } from '../calendar/calendar.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import * as q from './complaints.queries.ts';

export async function complaintSettings(db: Kysely<DB>): Promise<ComplaintSettings> {
  const stored = await readSetting<Partial<ComplaintSettings>>(db, 'complaints', {});
  return {
    ...DEFAULT_COMPLAINT_SETTINGS,
    ...stored,
    stepMinutes: { ...DEFAULT_COMPLAINT_SETTINGS.stepMinutes, ...(stored.stepMinutes ?? {}) },
  };
}

/** The step's name for notification templates, one variable per language (`{{step.en}}`…). */
export function stepVars(step: ComplaintStep) {
  const label = COMPLAINT_STEP_LABELS[step];
  return { 'step.zhCN': label['zh-CN'], 'step.zhTW': label['zh-TW'], 'step.en': label.en };
}

/** A step's due and warning times on the organisation's business calendar (or calendar time, per settings). */
export async function stepClock(db: Kysely<DB>, step: ComplaintStep, start: Date) {
  const settings = await complaintSettings(db);
  const minutes = settings.stepMinutes[step];
  const calendar = settings.clock === 'business' ? await loadBusinessCalendar(db, undefined, start) : null;
  return {
    dueAt: addMinutes(settings.clock, calendar, start, minutes),
    warnAt: addMinutes(settings.clock, calendar, start, (minutes * settings.warningPercent) / 100),
  };
}

/** Opens `step` for a complaint: its owner (if any) is told, and its clock starts now. */
export async function openStep(
  trx: Kysely<DB>,
  complaint: { id: number; number: string; owner_user_id: number | null },
  step: ComplaintStep,
  ownerUserId: number | null,
  now: Date,
  ownerDepartmentId: number | null = null,
) {
  const clock = await stepClock(trx, step, now);
  const owner = ownerUserId;
  await q.insertStep(trx, {
    complaint_id: complaint.id,
    step,
    owner_user_id: owner,
    owner_department_id: ownerDepartmentId,
    started_at: now,
    due_at: clock.dueAt,
    warn_at: clock.warnAt,
  });
  await q.updateComplaintRow(trx, complaint.id, { stage: step });
  if (owner)
    await notifyUsers(
      trx,
      [owner],
      'complaint.step',
      { 'complaint.number': complaint.number, ...stepVars(step) },
      `/complaints/${complaint.id}`,
    );
}
