import { escapeHtml as e } from '../customer-applications/customer-applications.print.ts';
import type { Cell, ReportSection } from './complaint-analysis.report.ts';

export interface AnalysisPrintInput {
  locale: string;
  organisation: string;
  title: string;
  month: string;
  /** "Printed: …" in the caller's language. */
  footer: string;
  emptyLabel: string;
  sections: ReportSection[];
}

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
  return `<!doctype html>
<html lang="${e(input.locale)}"><head><meta charset="utf-8">
<title>${e(input.title)} ${e(input.month)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12px; color: #000; margin: 0 auto; max-width: 190mm; }
  header { text-align: center; margin-bottom: 8px; }
  header .org { font-size: 18px; font-weight: bold; }
  header h1 { font-size: 20px; letter-spacing: 2px; margin: 6px 0; }
  header .month { font-size: 14px; }
  section { break-inside: avoid; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 12px; }
  th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; word-break: break-word; }
  th { background: #f2f2f2; font-weight: normal; }
  caption { text-align: left; font-weight: bold; padding: 4px 0; }
  caption small { font-weight: normal; color: #555; }
  td.num { text-align: right; white-space: nowrap; }
  td.share { white-space: nowrap; width: 30%; }
  .bar { display: inline-block; width: 60%; height: 8px; margin-right: 6px; border: 1px solid #555; vertical-align: middle; }
  .bar span { display: block; height: 100%; background: #555; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  td.empty { color: #555; text-align: center; }
  footer { font-size: 10px; color: #555; text-align: right; }
</style></head>
<body>
<header><div class="org">${e(input.organisation)}</div><h1>${e(input.title)}</h1><div class="month">${e(input.month)}</div></header>
${input.sections.map((s) => sectionHtml(s, input.emptyLabel)).join('\n')}
<footer>${e(input.footer)}</footer>
</body></html>`;
}
