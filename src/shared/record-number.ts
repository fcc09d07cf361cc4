/**
 * Record numbers such as `TS-{yyyyMMdd}-{seq4}` → `TS-20261123-0001`. The date parts of a pattern also
 * define its counter's period: a pattern with {dd} restarts every day, one with only {yyyy} every year.
 */
export interface DateParts {
  yyyy: string;
  MM: string;
  dd: string;
}

export function datePartsIn(timeZone: string, at: Date): DateParts {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { yyyy: get('year'), MM: get('month'), dd: get('day') };
}

function fillDates(pattern: string, d: DateParts): string {
  return pattern
    .replaceAll('{yyyyMMdd}', `${d.yyyy}${d.MM}${d.dd}`)
    .replaceAll('{yyyyMM}', `${d.yyyy}${d.MM}`)
    .replaceAll('{yyyy}', d.yyyy)
    .replaceAll('{yy}', d.yyyy.slice(2))
    .replaceAll('{MM}', d.MM)
    .replaceAll('{dd}', d.dd);
}

/** The counter period of a pattern at a date: the date tokens it uses, filled in. */
export function sequencePeriod(pattern: string, d: DateParts): string {
  const tokens = pattern.match(/\{(yyyyMMdd|yyyyMM|yyyy|yy|MM|dd)\}/g) ?? [];
  if (tokens.length === 0) return 'all';
  return fillDates(tokens.join(''), d);
}

export function formatRecordNumber(pattern: string, d: DateParts, seq: number): string {
  return fillDates(pattern, d).replace(/\{seq(\d)\}/, (_m, width: string) =>
    String(seq).padStart(Number(width), '0'),
  );
}

/** Default patterns for the forms of SPEC §0; an administrator may change them. */
export const DEFAULT_NUMBER_PATTERNS: Record<string, string> = {
  ticket: 'SR-{yyyyMMdd}-{seq4}',
  complaint: 'TS-{yyyyMMdd}-{seq4}',
  capa: 'CAPA-{yyyyMM}-{seq3}',
  return: 'TH-{yyyyMMdd}-{seq3}',
  rework: 'FG-{yyyyMMdd}-{seq3}',
  customer: 'KH{yyyy}{seq5}',
  customer_application: 'XKH-{yyyyMM}-{seq3}',
  order: 'DD{yyyyMMdd}-{seq4}',
  shipment: 'FY{yyyyMMdd}-{seq4}',
  service_receipt: 'HZ-{yyyyMMdd}-{seq4}',
  survey: 'DC-{yyyy}-{seq4}',
};
