import { DateTime } from 'luxon';
import {
  COMPLAINT_STEPS,
  type ComplaintStep,
  DEFAULT_COMPLAINT_SETTINGS,
} from '../../../shared/complaints/complaint-flow.ts';
import type { BaseVolumeInput, MonthlyAnalysis } from '../../../shared/schemas/complaint-analysis.ts';
import type { Database } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import { readSetting, writeSetting } from '../organisation/settings.queries.ts';
import * as q from './complaint-analysis.queries.ts';

/** How many open complaints and CAPAs the analysis lists (the totals count them all). */
export const OPEN_LIST_LIMIT = 50;
const TREND_MONTHS = 6;
const DAY_MS = 86_400_000;

const round2 = (value: number) => Math.round(value * 100) / 100;
const ageDays = (since: Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));

/** The month `YYYY-MM` as a time range in the organisation's zone. */
export function monthRange(month: string, timeZone: string): q.Range {
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: timeZone });
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

export function shiftMonth(month: string, by: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).plus({ months: by }).toFormat('yyyy-MM');
}

/** The month before the one `now` falls in, in the organisation's zone. */
export function previousMonth(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone })
    .startOf('month')
    .minus({ months: 1 })
    .toFormat('yyyy-MM');
}

/** The month asked for (last month by default) with its range in the organisation's zone. */
export async function resolveMonth(db: Database, month: string | undefined, now: Date) {
  const timeZone = (await readOrganisation(db)).time_zone;
  const chosen = month ?? previousMonth(now, timeZone);
  return { month: chosen, timeZone, range: monthRange(chosen, timeZone) };
}

const baseKey = (month: string) => `complaints.base.${month}`;

interface StoredBase {
  volume: number | null;
  label: string | null;
}

export function readBaseVolume(db: Database, month: string): Promise<StoredBase> {
  return readSetting<StoredBase>(db, baseKey(month), { volume: null, label: null });
}

/** 交货批次/出货批次 entered by the quality staff for a month; the rate of that month is taken of it. */
export async function setBaseVolume(
  db: Database,
  ctx: RequestContext,
  month: string,
  input: BaseVolumeInput,
) {
  await db.transaction().execute(async (trx) => {
    const before = await readBaseVolume(trx, month);
    const after = { volume: input.volume, label: input.label ?? null };
    await writeSetting(trx, baseKey(month), after);
    await recordAudit(trx, ctx, {
      action: 'complaint_analysis.base_set',
      entityType: 'complaint_analysis',
      entityId: month,
      entityLabel: month,
      before,
      after,
    });
  });
}

/** Forgets an entered base: the month falls back to its service requests again. */
export async function clearBaseVolume(db: Database, ctx: RequestContext, month: string) {
  await db.transaction().execute(async (trx) => {
    const before = await readBaseVolume(trx, month);
    await q.deleteSetting(trx, baseKey(month));
    await recordAudit(trx, ctx, {
      action: 'complaint_analysis.base_cleared',
      entityType: 'complaint_analysis',
      entityId: month,
      entityLabel: month,
      before,
      after: { volume: null, label: null },
    });
  });
}

/** The export of a month's analysis leaves an audit row (what was exported, in which format). */
export async function recordAnalysisExport(
  db: Database,
  ctx: RequestContext,
  analysis: MonthlyAnalysis,
  format: 'xlsx',
) {
  await recordAudit(db, ctx, {
    action: 'complaint_analysis.export',
    entityType: 'complaint_analysis',
    entityId: analysis.month,
    entityLabel: analysis.month,
    after: { format, month: analysis.month, complaints: analysis.totals.received },
  });
}

async function complaintRate(db: Database, month: string, range: q.Range, received: number) {
  const [stored, settings] = await Promise.all([
    readBaseVolume(db, month),
    readSetting(db, 'complaints', DEFAULT_COMPLAINT_SETTINGS),
  ]);
  const base =
    stored.volume !== null && stored.volume > 0
      ? { volume: stored.volume, label: stored.label, source: 'entered' as const }
      : { volume: await q.requestsReceived(db, range), label: null, source: 'requests' as const };
  const percent = base.volume > 0 ? round2((received / base.volume) * 100) : null;
  const targetPercent = Number(settings.rateTargetPercent);
  return { percent, targetPercent, met: percent === null ? null : percent <= targetPercent, base };
}

async function repeatProblems(db: Database, range: q.Range): Promise<MonthlyAnalysis['repeatProblems']> {
  const pairs = await q.repeatPairs(db, range);
  const capas = await q.capasForPairs(
    db,
    pairs.flatMap((p) => p.ids),
    pairs.map((p) => ({ product: p.product, category: p.category })),
  );
  return pairs.map((p) => {
    const ids = new Set(p.ids);
    const matching = capas.filter(
      (c) =>
        (c.complaintId !== null && ids.has(c.complaintId)) ||
        (c.product === p.product && c.category === p.category),
    );
    const unique = [
      ...new Map(matching.map((c) => [c.id, { id: c.id, number: c.number, status: c.status }])).values(),
    ];
    return {
      product: p.product,
      category: p.category,
      count: p.count,
      complaints: p.ids.map((id, i) => ({ id, number: p.numbers[i] ?? '' })),
      capas: unique.sort((a, b) => a.id - b.id),
    };
  });
}

function trendOf(rows: { month: string; received: number; valid: number }[], last: string) {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return Array.from({ length: TREND_MONTHS }, (_, i) => {
    const month = shiftMonth(last, i - TREND_MONTHS + 1);
    const row = byMonth.get(month);
    return { month, received: row?.received ?? 0, valid: row?.valid ?? 0 };
  });
}

/**
 * 月度投诉分析 (001 §4.3.3): frequency, categories, products, departments, the rate against its target, how
 * long each step takes, repeat problems, what is still open, and the six months up to this one. Open
 * complaints and CAPAs are as of `now`, with their age in days.
 */
export async function monthlyAnalysis(
  db: Database,
  monthAsked: string | undefined,
  now: Date,
): Promise<MonthlyAnalysis> {
  const { month, timeZone, range } = await resolveMonth(db, monthAsked, now);
  const trendRange = { from: monthRange(shiftMonth(month, 1 - TREND_MONTHS), timeZone).from, to: range.to };
  const [totals, byCategory, byProduct, byDepartment, byClass, byChannel, bySeverity, steps, repeats] =
    await Promise.all([
      q.monthTotals(db, range),
      q.countBy(db, range, 'category'),
      q.countByProduct(db, range),
      q.countByDepartment(db, range),
      q.countBy(db, range, 'customer_class'),
      q.countBy(db, range, 'channel'),
      q.countBy(db, range, 'severity'),
      q.stepDurations(db, range),
      repeatProblems(db, range),
    ]);
  const [rate, open, capas, trend] = await Promise.all([
    complaintRate(db, month, range, totals.received),
    q.openComplaints(db, OPEN_LIST_LIMIT),
    q.openCapas(db, OPEN_LIST_LIMIT),
    q.monthlyTrend(db, trendRange, timeZone),
  ]);
  const stepOrder = (step: string) => COMPLAINT_STEPS.indexOf(step as ComplaintStep);
  const stepDurations = steps
    .filter((s) => stepOrder(s.step) >= 0)
    .sort((a, b) => stepOrder(a.step) - stepOrder(b.step))
    .map((s) => ({
      step: s.step as ComplaintStep,
      completed: s.completed,
      averageHours: round2(Number(s.averageHours)),
      breached: s.breached,
    }));
  return {
    month,
    timeZone,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    totals,
    rate,
    byCategory,
    byProduct,
    byDepartment,
    byClass,
    byChannel,
    bySeverity,
    stepDurations,
    breachedSteps: stepDurations.reduce((sum, s) => sum + s.breached, 0),
    repeatProblems: repeats,
    openComplaints: {
      total: open.total,
      items: open.items.map((c) => ({
        id: c.id,
        number: c.number,
        customerName: c.customerName,
        category: c.category,
        stage: c.stage,
        departmentName: c.departmentName,
        receivedAt: c.received_at.toISOString(),
        ageDays: ageDays(c.received_at, now),
      })),
    },
    openCapas: {
      total: capas.total,
      items: capas.items.map((c) => ({
        id: c.id,
        number: c.number,
        title: c.title,
        status: c.status,
        dueDate: c.due_date,
        createdAt: c.created_at.toISOString(),
        ageDays: ageDays(c.created_at, now),
      })),
    },
    trend: trendOf(trend, month),
  };
}
