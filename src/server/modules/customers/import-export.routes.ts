import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CUSTOMER_COLUMNS } from '../../../shared/customer-columns.ts';
import { localise } from '../../../shared/localise.ts';
import { customerListQuery } from '../../../shared/schemas/customers.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { checkRows } from './customer-import.ts';
import { CUSTOMERS_TEXTS } from './customers.texts.ts';
import { exportCustomers, importCustomers } from './import-export.service.ts';
import { csvField, readSheet } from './spreadsheet.ts';

const tags = ['customers'];
const problem = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
const checkResult = z.object({
  rows: z.number(),
  valid: z.number(),
  problems: z.array(problem),
  existing: z.array(z.object({ row: z.number(), name: z.string(), code: z.string() })),
});

export function customerImportExportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 5 } });

    const readUpload = async (request: Parameters<typeof contextOf>[0]) => {
      const file = await request.file();
      if (!file) throw new AppError('IMPORT_FILE_UNREADABLE');
      const buffer = await file.toBuffer();
      const skipExisting = (file.fields.skipExisting as { value?: string } | undefined)?.value === 'true';
      try {
        return { sheet: await readSheet(buffer, file.filename), fileName: file.filename, skipExisting };
      } catch {
        throw new AppError('IMPORT_FILE_UNREADABLE');
      }
    };
    const summarise = (checked: Awaited<ReturnType<typeof checkRows>>) => ({
      rows: checked.rows.length + new Set(checked.problems.map((p) => p.row)).size,
      valid: checked.rows.length,
      problems: checked.problems.slice(0, 1000),
      existing: checked.rows
        .filter((r) => r.existingCode)
        .map((r) => ({ row: r.row, name: r.input.name, code: r.existingCode! })),
    });

    app.post(
      '/api/v1/customer-imports/check',
      {
        config: { permission: 'customer.import' },
        schema: { tags, consumes: ['multipart/form-data'], response: { 200: checkResult } },
      },
      async (request) => {
        const { sheet } = await readUpload(request);
        return summarise(await checkRows(deps.db, request.actor!, sheet, request.locale));
      },
    );

    app.post(
      '/api/v1/customer-imports',
      {
        config: { permission: 'customer.import' },
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          response: { 201: z.object({ created: z.number(), skipped: z.number() }) },
        },
      },
      async (request, reply) => {
        const { sheet, fileName, skipExisting } = await readUpload(request);
        const checked = await checkRows(deps.db, request.actor!, sheet, request.locale);
        const summary = summarise(checked);
        if (checked.problems.length > 0 || (summary.existing.length > 0 && !skipExisting))
          throw new AppError('IMPORT_HAS_ERRORS', summary);
        const fresh = checked.rows.filter((r) => !r.existingCode);
        const ids = await importCustomers(deps.db, contextOf(request), fresh, fileName);
        void deps.live.publish({ topic: 'customers', id: 0 });
        return reply.status(201).send({ created: ids.length, skipped: checked.rows.length - fresh.length });
      },
    );

    app.get(
      '/api/v1/customer-imports/template',
      { config: { permission: 'customer.import' }, schema: { tags } },
      async (request, reply) => {
        const { default: ExcelJS } = await import('exceljs');
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet(localise(CUSTOMERS_TEXTS, 'sheetName', request.locale));
        sheet.addRow(
          CUSTOMER_COLUMNS.filter((c) => !c.exportOnly).map(
            (c) => `${c.header[request.locale]}${c.required ? '*' : ''}`,
          ),
        );
        sheet.getRow(1).font = { bold: true };
        const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="customers-template.xlsx"`)
          .send(buffer);
      },
    );

    app.get(
      '/api/v1/customers/export',
      {
        config: { permission: 'customer.export' },
        schema: {
          tags,
          querystring: customerListQuery
            .omit({ cursor: true, limit: true })
            .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        },
      },
      async (request, reply) => {
        const { format, ...filters } = request.query;
        const { headers, rows } = await exportCustomers(deps.db, contextOf(request), filters, format);
        const stamp = new Date().toISOString().slice(0, 10);
        if (format === 'csv') {
          const text = `\uFEFF${[headers, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="customers-${stamp}.csv"`)
            .send(text);
        }
        const { default: ExcelJS } = await import('exceljs');
        const stream = new PassThrough();
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
        const sheet = workbook.addWorksheet(localise(CUSTOMERS_TEXTS, 'sheetName', request.locale));
        sheet.addRow(headers).commit();
        for (const r of rows) sheet.addRow(r).commit();
        sheet.commit();
        void workbook.commit();
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="customers-${stamp}.xlsx"`)
          .send(stream);
      },
    );
  };
}
