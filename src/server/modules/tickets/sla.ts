import type { Kysely, Selectable } from 'kysely';
import { addMinutes, type BusinessCalendar, minutesBetween } from '../../../shared/calendar/business-time.ts';
import type { Priority } from '../../../shared/tickets/ticket-status.ts';
import type { DB, SlaPolicy } from '../../db/schema.ts';
import { loadBusinessCalendar } from '../calendar/calendar.service.ts';
import { readCustomerSettings } from '../customers/classification.ts';
import { activeSlaPolicies, findActiveSlaPolicy } from './tickets-sla.queries.ts';

export interface SlaTarget {
  /** Minutes to the first reply. */
  firstResponse: number;
  /** Urgent requests: minutes to the detailed solution (seed 002 §四). */
  nextResponse?: number;
  resolution: number;
}
export type SlaTargets = Record<Priority, SlaTarget>;

export interface SlaConditions {
  typeIds?: number[];
  priorities?: string[];
  channels?: string[];
  customerClasses?: string[];
}

/** Response-time standards of the seeds, whose numbers are left open ("[X] minutes"): a default policy. */
export const DEFAULT_SLA_TARGETS: SlaTargets = {
  urgent: { firstResponse: 15, nextResponse: 120, resolution: 240 },
  high: { firstResponse: 30, resolution: 480 },
  normal: { firstResponse: 60, resolution: 1440 },
  low: { firstResponse: 120, resolution: 2400 },
};

export interface SlaSubject {
  typeId: number;
  priority: Priority;
  channel: string;
  customerClass: string | null;
}

function matches(list: readonly (string | number)[] | undefined, value: string | number | null): boolean {
  return !list || list.length === 0 || (value !== null && list.includes(value));
}

export function policyMatches(conditions: SlaConditions, s: SlaSubject): boolean {
  return (
    matches(conditions.typeIds, s.typeId) &&
    matches(conditions.priorities, s.priority) &&
    matches(conditions.channels, s.channel) &&
    matches(conditions.customerClasses, s.customerClass)
  );
}

/**
 * The SLA policy of a request: the one the service plan of the customer's class names (customer settings),
 * when active; otherwise the first active policy whose conditions match.
 */
export async function findPolicy(db: Kysely<DB>, subject: SlaSubject) {
  if (subject.customerClass === 'A' || subject.customerClass === 'B' || subject.customerClass === 'C') {
    const { plans } = await readCustomerSettings(db);
    const planned = plans[subject.customerClass].slaPolicyId;
    if (planned) {
      const policy = await findActiveSlaPolicy(db, planned);
      if (policy) return policy;
    }
  }
  const policies = await activeSlaPolicies(db);
  return policies.find((p) => policyMatches(p.conditions as SlaConditions, subject)) ?? null;
}

export interface PolicyClock {
  policy: Selectable<SlaPolicy>;
  calendar: BusinessCalendar | null;
  mode: 'business' | 'calendar';
}

export async function clockOf(
  db: Kysely<DB>,
  policy: Selectable<SlaPolicy>,
  around: Date,
): Promise<PolicyClock> {
  const mode = policy.clock === 'calendar' ? 'calendar' : 'business';
  const calendar =
    mode === 'business' ? await loadBusinessCalendar(db, policy.calendar_id ?? undefined, around) : null;
  return { policy, calendar, mode };
}

export interface DueTimes {
  firstResponseDueAt: Date;
  firstResponseWarnAt: Date;
  resolutionDueAt: Date;
  resolutionWarnAt: Date;
}

export function dueTimes(clock: PolicyClock, start: Date, priority: Priority): DueTimes {
  const target = (clock.policy.targets as unknown as SlaTargets)[priority];
  const share = clock.policy.warning_percent / 100;
  const add = (minutes: number) => addMinutes(clock.mode, clock.calendar, start, minutes);
  return {
    firstResponseDueAt: add(target.firstResponse),
    firstResponseWarnAt: add(target.firstResponse * share),
    resolutionDueAt: add(target.resolution),
    resolutionWarnAt: add(target.resolution * share),
  };
}

/** After a pause (waiting on the customer), open clocks move later by the paused working time. */
export function shiftAfterPause(
  clock: PolicyClock,
  pausedAt: Date,
  resumedAt: Date,
  due: Date | null,
): Date | null {
  if (!due) return null;
  const paused = minutesBetween(clock.mode, clock.calendar, pausedAt, resumedAt);
  return addMinutes(clock.mode, clock.calendar, due, paused);
}

export type ClockState = 'ok' | 'warning' | 'breached' | 'done' | 'paused' | 'none';

export function clockState(
  c: { dueAt: Date | null; warnAt: Date | null; doneAt: Date | null; breached: boolean },
  paused: boolean,
  now = new Date(),
): ClockState {
  if (!c.dueAt) return 'none';
  if (c.doneAt) return c.breached || c.doneAt > c.dueAt ? 'breached' : 'done';
  if (c.breached) return 'breached';
  // A paused clock's due time moves on resume, so wall-clock lateness does not count while paused.
  if (paused) return 'paused';
  if (now > c.dueAt) return 'breached';
  if (c.warnAt && now >= c.warnAt) return 'warning';
  return 'ok';
}
