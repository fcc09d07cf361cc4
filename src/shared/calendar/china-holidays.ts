// Mainland China public holidays (法定节假日) with their make-up working days (调休上班), as published
// by the General Office of the State Council (国务院办公厅). Seeds the calendar screen's "import a year".
// Every day of each holiday period is listed as 'holiday' (including weekend days inside it), and each
// make-up working day (a Saturday or Sunday) as 'workday'.
import type { CalendarDay } from './business-time.ts';

/** Consecutive dates from `first` to `last` inclusive ('yyyy-MM-dd', same year, UTC date arithmetic). */
function dateRange(first: string, last: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function holidays(name: string, first: string, last: string = first): CalendarDay[] {
  return dateRange(first, last).map((date) => ({ date, kind: 'holiday', name }));
}

function makeupDays(name: string, ...dates: string[]): CalendarDay[] {
  return dates.map((date) => ({ date, kind: 'workday', name: `${name}调休上班` }));
}

/**
 * 2025 — 国办发明电〔2024〕12号 (published 12 Nov 2024). In 2025 the Mid-Autumn Festival (6 Oct)
 * falls inside the National Day holiday, so 1–8 Oct carry the combined name 国庆节、中秋节.
 */
export function chinaPublicHolidays2025(): CalendarDay[] {
  return [
    ...holidays('元旦', '2025-01-01'),
    ...makeupDays('春节', '2025-01-26'), // Sunday
    ...holidays('春节', '2025-01-28', '2025-02-04'),
    ...makeupDays('春节', '2025-02-08'), // Saturday
    ...holidays('清明节', '2025-04-04', '2025-04-06'),
    ...makeupDays('劳动节', '2025-04-27'), // Sunday
    ...holidays('劳动节', '2025-05-01', '2025-05-05'),
    ...holidays('端午节', '2025-05-31', '2025-06-02'),
    ...makeupDays('国庆节、中秋节', '2025-09-28'), // Sunday
    ...holidays('国庆节、中秋节', '2025-10-01', '2025-10-08'),
    ...makeupDays('国庆节、中秋节', '2025-10-11'), // Saturday
  ];
}

/**
 * 2026 — 国务院办公厅关于2026年部分节假日安排的通知, dated 4 Nov 2025 (Xinhua, same day):
 * 元旦 1–3 Jan, work Sun 4 Jan; 春节 15–23 Feb, work Sat 14 Feb and Sat 28 Feb; 清明节 4–6 Apr;
 * 劳动节 1–5 May, work Sat 9 May; 端午节 19–21 Jun; 中秋节 25–27 Sep; 国庆节 1–7 Oct, work Sun 20 Sep
 * and Sat 10 Oct. Cross-checked against the weekday annotations in the notice (see the tests);
 * re-verify against www.gov.cn before relying on it in production.
 */
export function chinaPublicHolidays2026(): CalendarDay[] {
  return [
    ...holidays('元旦', '2026-01-01', '2026-01-03'),
    ...makeupDays('元旦', '2026-01-04'), // Sunday
    ...makeupDays('春节', '2026-02-14'), // Saturday
    ...holidays('春节', '2026-02-15', '2026-02-23'),
    ...makeupDays('春节', '2026-02-28'), // Saturday
    ...holidays('清明节', '2026-04-04', '2026-04-06'),
    ...holidays('劳动节', '2026-05-01', '2026-05-05'),
    ...makeupDays('劳动节', '2026-05-09'), // Saturday
    ...holidays('端午节', '2026-06-19', '2026-06-21'),
    ...makeupDays('国庆节', '2026-09-20'), // Sunday
    ...holidays('中秋节', '2026-09-25', '2026-09-27'),
    ...holidays('国庆节', '2026-10-01', '2026-10-07'),
    ...makeupDays('国庆节', '2026-10-10'), // Saturday
  ];
}
