import type { Kysely } from 'kysely';
import {
  COMPLAINT_CATEGORY_LABELS,
  type ComplaintCategory,
  type ComplaintSettings,
  DEFAULT_COMPLAINT_SETTINGS,
} from '../../../shared/complaints/complaint-flow.ts';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { listSeparator, localise } from '../../../shared/localise.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import * as aq from './capa-actions.queries.ts';
import * as q from './capas.queries.ts';
import { auditCapa } from './capas.service.ts';
import { CAPAS_TEXTS } from './capas.texts.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Repeat detection (SPEC §2 "patterns of repeated problems raise a CAPA"), called by the complaints module
 * inside its transaction whenever a complaint's product or category is set. When the complaints on the
 * same product and category within `repeatDays` reach `repeatCount`: a running CAPA on that product and
 * category gets this complaint linked; without one, a `proposed` CAPA is created with all of them linked
 * and the CAPA managers are told. Returns the CAPA's id, or null below the threshold.
 */
export async function proposeCapaForRepeats(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  complaint: { id: number; product: string | null; category: string; receivedAt: Date },
): Promise<number | null> {
  const product = complaint.product?.trim();
  if (!product) return null;
  const settings = await readSetting<ComplaintSettings>(trx, 'complaints', DEFAULT_COMPLAINT_SETTINGS);
  await q.lockRepeatKey(trx, product, complaint.category);
  const from = new Date(complaint.receivedAt.getTime() - settings.repeatDays * DAY_MS);
  const ids = await q.repeatComplaintIds(trx, product, complaint.category, from, complaint.receivedAt);
  if (!ids.includes(complaint.id)) ids.push(complaint.id);
  if (ids.length < settings.repeatCount) return null;

  const running = await q.runningCapaFor(trx, product, complaint.category);
  if (running) {
    const linked = await q.linkComplaints(trx, running.id, [complaint.id]);
    if (linked.length)
      await auditCapa(trx, ctx, 'link_complaint', running.id, { after: { complaintId: complaint.id } });
    return running.id;
  }

  const org = await readOrganisation(trx);
  const locale: Locale = isLocale(org.default_locale) ? org.default_locale : 'zh-CN';
  const label =
    COMPLAINT_CATEGORY_LABELS[complaint.category as ComplaintCategory]?.[locale] ?? complaint.category;
  const numbers = await q.complaintNumbers(trx, ids);
  const vars = {
    product,
    category: label,
    days: settings.repeatDays,
    count: ids.length,
    numbers: numbers.join(listSeparator(locale)),
  };
  const id = await q.insertCapa(trx, {
    number: await nextRecordNumber(trx, 'capa'),
    source: 'repeat',
    status: 'proposed',
    title: localise(CAPAS_TEXTS, 'repeatTitle', locale, vars).slice(0, 200),
    problem: localise(CAPAS_TEXTS, 'repeatProblem', locale, vars),
    product,
    complaint_category: complaint.category,
    created_by: ctx?.actor.userId ?? null,
  });
  await q.linkComplaints(trx, id, ids);
  const view = await auditCapa(trx, ctx, 'propose', id);
  await recordAudit(trx, ctx, {
    action: 'capa.link_complaint',
    entityType: 'capa',
    entityId: id,
    entityLabel: view.number,
    after: { complaintIds: ids },
  });
  await notifyUsers(
    trx,
    await aq.usersWithPermission(trx, 'capa.manage'),
    'capa.proposed',
    {
      'capa.number': view.number,
      'capa.title': view.title,
      count: String(ids.length),
      days: String(settings.repeatDays),
    },
    `/capas/${id}`,
  );
  return id;
}
