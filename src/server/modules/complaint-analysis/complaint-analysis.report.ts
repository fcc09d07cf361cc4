import { DateTime } from 'luxon';
import type { ConfirmationItem, MonthlyAnalysis } from '../../../shared/schemas/complaint-analysis.ts';
import { L, type Labels } from './complaint-analysis.labels.ts';

/** A cell: text, a number, or a share of a whole (0–1) that the spreadsheet formats as % and print draws as a bar. */
export type Cell = string | number | { share: number };

export interface ReportSection {
  key: string;
  title: string;
  columns: { title: string; width: number }[];
  rows: Cell[][];
  /** A line under the title, e.g. "oldest 50 of 73". */
  note?: string;
}

const share = (count: number, whole: number): Cell => ({ share: whole > 0 ? count / whole : 0 });

/**
 * The tables of the monthly analysis, in the order the spreadsheet and the printed report show them. One
 * model for both, so the two never disagree.
 */
export function reportSections(
  a: MonthlyAnalysis,
  confirmations: ConfirmationItem[],
  labels: Labels,
): ReportSection[] {
  const { t } = labels;
  const when = (iso: string | null) =>
    iso ? DateTime.fromISO(iso, { zone: a.timeZone }).toFormat('yyyy-MM-dd HH:mm') : '';
  const col = (text: (typeof L)[keyof typeof L], width = 14) => ({ title: t(text), width });
  const counted = <T extends { count: number }>(
    key: string,
    title: (typeof L)[keyof typeof L],
    first: (typeof L)[keyof typeof L],
    rows: T[],
    name: (row: T) => string,
  ): ReportSection => ({
    key,
    title: t(title),
    columns: [col(first, 30), col(L.count, 10), col(L.share, 12)],
    rows: rows.map((r) => [name(r), r.count, share(r.count, a.totals.received)]),
  });
  const rate = a.rate;
  const noteOf = (list: { total: number; items: unknown[] }) =>
    list.total > list.items.length ? { note: t(L.shownOf, { n: list.items.length, total: list.total }) } : {};

  const sections: ReportSection[] = [
    {
      key: 'summary',
      title: t(L.summary),
      columns: [col(L.item, 34), col(L.value, 40)],
      rows: [
        [t(L.month), a.month],
        [t(L.received), a.totals.received],
        [t(L.valid), a.totals.valid],
        [t(L.notValid), a.totals.notValid],
        [t(L.pending), a.totals.pending],
        [t(L.closed), a.totals.closed],
        [t(L.openAtMonthEnd), a.totals.openAtMonthEnd],
        [t(L.baseVolume), rate.base.label ? `${rate.base.volume} (${rate.base.label})` : rate.base.volume],
        [t(L.baseSource), t(rate.base.source === 'entered' ? L.baseEntered : L.baseRequests)],
        [t(L.rate), rate.percent === null ? t(L.noRate) : `${rate.percent}%`],
        [t(L.target), `≤ ${rate.targetPercent}%`],
        [t(L.targetMet), rate.met === null ? t(L.noRate) : t(rate.met ? L.met : L.notMet)],
        [t(L.breachedSteps), a.breachedSteps],
      ],
    },
    counted('byCategory', L.byCategory, L.category, a.byCategory, (r) => labels.category(r.key)),
    counted('byProduct', L.byProduct, L.product, a.byProduct, (r) => labels.product(r.product, r.other)),
    counted('byDepartment', L.byDepartment, L.department, a.byDepartment, (r) => labels.department(r.name)),
    counted('byClass', L.byClass, L.customerClass, a.byClass, (r) => labels.customerClass(r.key)),
    counted('byChannel', L.byChannel, L.channel, a.byChannel, (r) => labels.channel(r.key)),
    counted('bySeverity', L.bySeverity, L.severity, a.bySeverity, (r) => labels.severity(r.key)),
    {
      key: 'stepDurations',
      title: t(L.stepDurations),
      columns: [col(L.step, 24), col(L.completed, 12), col(L.averageHours, 16), col(L.breached, 12)],
      rows: a.stepDurations.map((s) => [labels.step(s.step), s.completed, s.averageHours, s.breached]),
    },
    {
      key: 'trend',
      title: t(L.trend),
      columns: [col(L.month, 12), col(L.received, 12), col(L.valid, 12)],
      rows: a.trend.map((p) => [p.month, p.received, p.valid]),
    },
    {
      key: 'repeatProblems',
      title: t(L.repeatProblems),
      columns: [
        col(L.product, 24),
        col(L.category, 24),
        col(L.count, 8),
        col(L.complaints, 40),
        col(L.capa, 30),
      ],
      rows: a.repeatProblems.map((p) => [
        p.product,
        labels.category(p.category),
        p.count,
        p.complaints.map((c) => c.number).join(', '),
        p.capas.length
          ? p.capas.map((c) => `${c.number} (${labels.capaStatus(c.status)})`).join(', ')
          : t(L.noCapa),
      ]),
    },
    {
      key: 'openComplaints',
      title: t(L.openComplaints),
      ...noteOf(a.openComplaints),
      columns: [
        col(L.number, 18),
        col(L.customer, 28),
        col(L.category, 22),
        col(L.stage, 16),
        col(L.department, 16),
        col(L.receivedAt, 18),
        col(L.ageDays, 10),
      ],
      rows: a.openComplaints.items.map((c) => [
        c.number,
        c.customerName ?? '',
        labels.category(c.category),
        labels.step(c.stage),
        labels.department(c.departmentName),
        when(c.receivedAt),
        c.ageDays,
      ]),
    },
    {
      key: 'openCapas',
      title: t(L.openCapas),
      ...noteOf(a.openCapas),
      columns: [
        col(L.number, 18),
        col(L.titleCol, 36),
        col(L.status, 14),
        col(L.dueDate, 12),
        col(L.createdAt, 18),
        col(L.ageDays, 10),
      ],
      rows: a.openCapas.items.map((c) => [
        c.number,
        c.title,
        labels.capaStatus(c.status),
        c.dueDate ?? '',
        when(c.createdAt),
        c.ageDays,
      ]),
    },
    {
      key: 'confirmations',
      title: t(L.confirmations),
      columns: [
        col(L.number, 18),
        col(L.customer, 28),
        col(L.category, 22),
        col(L.stage, 14),
        col(L.closedAt, 18),
        col(L.confirmed, 10),
        col(L.confirmedBy, 14),
        col(L.confirmedAt, 18),
        col(L.note, 36),
      ],
      rows: confirmations.map((c) => [
        c.number,
        c.customer?.name ?? '',
        labels.category(c.category),
        labels.step(c.stage),
        when(c.closedAt),
        labels.yesNo(c.confirmed),
        c.confirmedBy?.name ?? '',
        when(c.confirmedAt),
        c.note ?? '',
      ]),
    },
  ];
  return sections;
}
