import type { Cell, ReportSection } from './complaint-analysis.report.ts';

/** Characters Excel refuses in a sheet name, and its length limit. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

const cellValue = (cell: Cell): string | number => (typeof cell === 'object' ? cell.share : cell);

/** The monthly analysis as a workbook: one sheet per table, titles in the caller's language. */
export async function analysisWorkbook(title: string, sections: ReportSection[]): Promise<Buffer> {
  // Loaded on first use: exceljs is large and only exports need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  workbook.created = new Date();
  for (const section of sections) {
    const sheet = workbook.addWorksheet(sheetName(section.title));
    sheet.columns = section.columns.map((c) => ({ width: c.width }));
    const header = sheet.addRow(section.columns.map((c) => c.title));
    header.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of section.rows) {
      const added = sheet.addRow(row.map(cellValue));
      row.forEach((cell, i) => {
        if (typeof cell === 'object') added.getCell(i + 1).numFmt = '0.0%';
      });
    }
    if (section.note) sheet.addRow([]);
    if (section.note) sheet.addRow([section.note]).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
