import type { Locale } from '../../shared/locale.ts';

/** A printed label in zh-CN, zh-TW and English. */
export type Text = readonly [zhCN: string, zhTW: string, en: string];

const INDEX: Record<Locale, 0 | 1 | 2> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/** Any value as HTML text; null and undefined print as nothing. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Label, date, number and value formatting for one printed page in one language. */
export function printKit(locale: Locale, timeZone: string) {
  const i = INDEX[locale];
  const e = escapeHtml;
  const t = (text: Text) => e(text[i]);
  /** The label of a code from a table; an unknown code prints as itself. */
  const pick = (table: Record<string, Text>, key: string | null) => (key ? e(table[key]?.[i] ?? key) : '');
  const when = (iso: string | null, withTime = true) =>
    iso
      ? e(
          new Intl.DateTimeFormat(locale, {
            timeZone,
            dateStyle: 'medium',
            ...(withTime ? { timeStyle: 'short' } : {}),
          }).format(new Date(iso)),
        )
      : '';
  /** A calendar date (yyyy-MM-dd) as it stands, not shifted by any time zone. */
  const day = (date: string | null) => e(date ?? '');
  const qty = (v: number | null) =>
    v === null ? '' : e(new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(v));
  const amount = (v: number | null) =>
    v === null ? '' : e(new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(v));
  /** A row of label/value pairs; a single pair spans the table. */
  const row = (cells: [Text, string][]) =>
    `<tr>${cells
      .map(
        ([label, value]) =>
          `<th>${t(label)}</th><td${cells.length === 1 ? ' colspan="3"' : ''}>${value}</td>`,
      )
      .join('')}</tr>`;
  return { i, e, t, pick, when, day, qty, amount, row };
}

/**
 * The page around a form: A4, serif CJK type, bordered tables, no scripts. `extraCss` comes last,
 * so a page can add its own rules and override the shared ones.
 */
export function printPage(input: {
  locale: Locale;
  title: string;
  organisation: string;
  heading: string;
  meta: string;
  body: string;
  footer: string;
  extraCss?: string;
}): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="${e(input.locale)}"><head><meta charset="utf-8">
<title>${input.title}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12px; color: #000; margin: 0 auto; max-width: 190mm; }
  header { text-align: center; margin-bottom: 8px; }
  header .org { font-size: 18px; font-weight: bold; }
  header h1 { font-size: 20px; letter-spacing: 4px; margin: 6px 0; }
  .meta { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; margin: 4px 0 8px; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 10px; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 5px 6px; vertical-align: top; text-align: left; word-break: break-word; }
  th { background: #f2f2f2; width: 18%; font-weight: normal; }
  table.items th { width: auto; }
  td.num { text-align: right; }
  caption { text-align: left; font-weight: bold; padding: 4px 0; }
  .pre { white-space: pre-wrap; }
  .notes { min-height: 60px; }
  .diff { font-weight: bold; }
  .sign td { height: 48px; }
  footer { font-size: 10px; color: #555; text-align: right; }
${input.extraCss ?? ''}</style></head>
<body>
<header><div class="org">${e(input.organisation)}</div><h1>${e(input.heading)}</h1></header>
<div class="meta">${input.meta}</div>
${input.body}
<footer>${input.footer}</footer>
</body></html>`;
}
