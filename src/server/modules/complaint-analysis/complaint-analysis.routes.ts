import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DateTime } from 'luxon';
import type { Locale } from '../../../shared/locale.ts';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import {
  analysisMonthParam,
  analysisMonthQuery,
  baseVolumeInput,
  closureConfirmationInput,
  confirmationItem,
  confirmationPage,
  confirmationQuery,
  monthlyAnalysis,
} from '../../../shared/schemas/complaint-analysis.ts';
import type { AppDeps } from '../../app-deps.ts';
import { forbidden } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { sendPrintable } from '../../http/printable.ts';
import { printOrganisation } from '../organisation/organisation.service.ts';
import { L, labelsFor } from './complaint-analysis.labels.ts';
import { mayExport } from './complaint-analysis.policy.ts';
import { renderAnalysisReport } from './complaint-analysis.print.ts';
import { reportSections } from './complaint-analysis.report.ts';
import {
  monthlyAnalysis as analyse,
  clearBaseVolume,
  recordAnalysisExport,
  setBaseVolume,
} from './complaint-analysis.service.ts';
import { analysisWorkbook } from './complaint-analysis.xlsx.ts';
import { confirmationChecklist, confirmClosure } from './confirmations.service.ts';

const tags = ['complaint-analysis'];
const base = '/api/v1/complaint-analysis';
/** The spreadsheet's confirmation sheet lists the month's complaints up to this many. */
const EXPORT_CONFIRMATIONS = 5000;

export function complaintAnalysisRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const changed = (id: number) => void deps.live.publish({ topic: 'complaints', id });

    /** The analysis with every table of the report, for the spreadsheet and the printed page. */
    const report = async (month: string | undefined, locale: Locale) => {
      const now = new Date();
      const analysis = await analyse(deps.db, month, now);
      const checklist = await confirmationChecklist(
        deps.db,
        { month: analysis.month, filter: 'all', page: 1, pageSize: EXPORT_CONFIRMATIONS },
        now,
      );
      const labels = labelsFor(locale);
      return { analysis, labels, now, sections: reportSections(analysis, checklist.items, labels) };
    };

    app.get(
      `${base}/monthly`,
      {
        config: { permission: 'complaint.read' },
        schema: { tags, querystring: analysisMonthQuery, response: { 200: monthlyAnalysis } },
      },
      async (request) => analyse(deps.db, request.query.month, new Date()),
    );

    app.put(
      `${base}/base/:month`,
      {
        config: { permission: 'complaint.review' },
        schema: { tags, params: analysisMonthParam, body: baseVolumeInput, response: { 200: okResponse } },
      },
      async (request) => {
        await setBaseVolume(deps.db, contextOf(request), request.params.month, request.body);
        changed(0);
        return { ok: true as const };
      },
    );

    app.delete(
      `${base}/base/:month`,
      {
        config: { permission: 'complaint.review' },
        schema: { tags, params: analysisMonthParam, response: { 200: okResponse } },
      },
      async (request) => {
        await clearBaseVolume(deps.db, contextOf(request), request.params.month);
        changed(0);
        return { ok: true as const };
      },
    );

    app.get(
      `${base}/confirmations`,
      {
        config: { permission: 'complaint.read' },
        schema: { tags, querystring: confirmationQuery, response: { 200: confirmationPage } },
      },
      async (request) => confirmationChecklist(deps.db, request.query, new Date()),
    );

    app.post(
      '/api/v1/complaints/:id/closure-confirmation',
      {
        config: { permission: 'complaint.review' },
        schema: {
          tags,
          params: idParam,
          body: closureConfirmationInput,
          response: { 200: confirmationItem },
        },
      },
      async (request) => {
        const item = await confirmClosure(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body.note ?? null,
        );
        changed(item.id);
        return item;
      },
    );

    app.get(
      `${base}/monthly.xlsx`,
      {
        config: { permission: 'complaint.read' },
        schema: { tags, querystring: analysisMonthQuery },
      },
      async (request, reply) => {
        if (!mayExport(request.actor!)) throw forbidden();
        const { analysis, labels, sections } = await report(request.query.month, request.locale);
        const buffer = await analysisWorkbook(`${labels.t(L.title)} ${analysis.month}`, sections);
        await recordAnalysisExport(deps.db, contextOf(request), analysis, 'xlsx');
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="complaint-analysis-${analysis.month}.xlsx"`)
          .send(buffer);
      },
    );

    app.get(
      `${base}/monthly/print`,
      {
        config: { permission: 'complaint.read' },
        schema: { tags, querystring: analysisMonthQuery },
      },
      async (request, reply) => {
        const { analysis, labels, now, sections } = await report(request.query.month, request.locale);
        const org = await printOrganisation(deps.db);
        const printedAt = DateTime.fromJSDate(now, { zone: org.timeZone }).toFormat('yyyy-MM-dd HH:mm');
        const html = renderAnalysisReport({
          locale: request.locale,
          organisation: org.name,
          title: labels.t(L.title),
          month: `${labels.t(L.month)}: ${analysis.month}`,
          footer: `${labels.t(L.printed)}: ${printedAt}`,
          emptyLabel: labels.t(L.none),
          sections,
        });
        return sendPrintable(reply, html);
      },
    );
  };
}
