import type { Locale } from '../../../shared/locale.ts';
import { escapeHtml as e, printPage } from '../../http/print-kit.ts';
import type { Cell, ReportSection } from './complaint-analysis.report.ts';

export interface AnalysisPrintInput {
  locale: Locale;
  organisation: string;
  title: string;
  month: string;
  /** "Printed: …" in the caller's language. */
  footer: string;
  emptyLabel: string;
  sections: ReportSection[];
}

/**
 * A report of wide figure tables rather than a form: columns size to their content, a smaller
 * heading, the month centred under it, share bars, and sections kept whole on a page.
 */
const ANALYSIS_CSS = `  header h1 { letter-spacing: 2px; }
  .meta { justify-content: center; font-size: 14px; }
  section { break-inside: avoid; }
  table { margin-bottom: 12px; table-layout: auto; }
  th, td { padding: 4px 6px; }
  th { width: auto; }
  caption small { font-weight: normal; color: #555; }
  td.num { white-space: nowrap; }
  td.share { white-space: nowrap; width: 30%; }
  .bar { display: inline-block; width: 60%; height: 8px; margin-right: 6px; border: 1px solid #555; vertical-align: middle; }
  .bar span { display: block; height: 100%; background: #555; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  td.empty { color: #555; text-align: center; }
`;

const percent = (value: number) => `${(Math.round(value * 1000) / 10).toFixed(1)}%`;

function cellHtml(cell: Cell): string {
  if (typeof cell === 'object') {
    const width = Math.max(0, Math.min(100, cell.share * 100)).toFixed(1);
    return `<td class="share"><span class="bar"><span style="width:${width}%"></span></span>${percent(cell.share)}</td>`;
  }
  return typeof cell === 'number' ? `<td class="num">${e(cell)}</td>` : `<td>${e(cell)}</td>`;
}

function sectionHtml(section: ReportSection, emptyLabel: string): string {
  const head = section.columns.map((c) => `<th>${e(c.title)}</th>`).join('');
  const body = section.rows.length
    ? section.rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${section.columns.length}" class="empty">${e(emptyLabel)}</td></tr>`;
  const note = section.note ? ` <small>${e(section.note)}</small>` : '';
  return `<section id="${e(section.key)}"><table>
<caption>${e(section.title)}${note}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></section>`;
}

/** 月度客户投诉分析报告 as a self-contained, script-free HTML page for printing (tables only, no charts). */
export function renderAnalysisReport(input: AnalysisPrintInput): string {
  return printPage({
    locale: input.locale,
    title: `${e(input.title)} ${e(input.month)}`,
    organisation: input.organisation,
    heading: input.title,
    meta: `<span>${e(input.month)}</span>`,
    body: input.sections.map((s) => sectionHtml(s, input.emptyLabel)).join('\n'),
    footer: e(input.footer),
    extraCss: ANALYSIS_CSS,
  });
}
