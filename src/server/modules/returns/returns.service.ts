import type { Kysely, Selectable } from 'kysely';
import type {
  ReturnCreate,
  ReturnDetail,
  ReturnInspect,
  ReturnListQuery,
  ReturnReceive,
} from '../../../shared/schemas/returns.ts';
import type { Database } from '../../db/database.ts';
import type { DB, ReturnItem } from '../../db/schema.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { compensationsOfReturn } from '../complaints/compensation.queries.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import { mayAttach, requireMay, requireVisible, scopeOf } from './returns.policy.ts';
import {
  auditSnapshot,
  presentReturnAttachment,
  presentReturnDetail,
  sameQuantity,
} from './returns.presenter.ts';
import * as q from './returns.queries.ts';

/** One page (limit + 1 rows) of the notices the actor may see. */
export function listReturns(db: Kysely<DB>, actor: Actor, query: ReturnListQuery) {
  return q.listReturns(db, scopeOf(actor), query);
}

/** The notice with its items, the people who acted, its compensations and files; 404 when there is none. */
export async function loadReturnDetail(db: Kysely<DB>, actor: Actor, id: number): Promise<ReturnDetail> {
  const row = requireVisible(actor, await q.findReturn(db, id));
  const [items, names, compensations, attachments] = await Promise.all([
    q.itemsOf(db, id),
    q.actorNames(db, row),
    compensationsOfReturn(db, id),
    q.attachmentsOf(db, id),
  ]);
  return presentReturnDetail({ row, items, names, compensations, attachments });
}

export async function snapshotOf(trx: Kysely<DB>, id: number) {
  const row = (await q.findReturn(trx, id))!;
  return { row, snapshot: auditSnapshot(row, await q.itemsOf(trx, id)) };
}

/** One audit row per action with the notice before and after it. */
export async function auditReturn(
  trx: Kysely<DB>,
  ctx: RequestContext,
  action: string,
  id: number,
  before?: object,
  extra?: object,
) {
  const { row, snapshot } = await snapshotOf(trx, id);
  await recordAudit(trx, ctx, {
    action: `return_notice.${action}`,
    entityType: 'return_notice',
    entityId: id,
    entityLabel: `${row.number} ${row.customer_name}`,
    ...(before ? { before } : {}),
    after: { ...snapshot, ...extra },
  });
  return row;
}

/** Tells users that a notice waits for them (never the one who just acted). */
async function tell(trx: Kysely<DB>, ctx: RequestContext, userIds: number[], key: string, row: q.ReturnRow) {
  await notifyUsers(
    trx,
    userIds.filter((u) => u !== ctx.actor.userId),
    key,
    { 'return.number': row.number, 'customer.name': row.customer_name, items: row.items_summary },
    `/returns/${row.id}`,
  );
}

/** 《退货通知单》 filed by 营业部: numbered, with its items; the warehouse hears that goods are coming back. */
export async function createReturn(db: Database, ctx: RequestContext, input: ReturnCreate): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const complaint = input.complaintId ? await q.findComplaint(trx, input.complaintId) : null;
    if (input.complaintId && !complaint) throw invalid('RETURN_COMPLAINT_NOT_FOUND', 'complaintId');
    const customerId = input.customerId ?? complaint?.customer_id ?? null;
    if (!customerId) throw invalid('RETURN_CUSTOMER_REQUIRED', 'customerId');
    if (input.customerId && complaint?.customer_id && complaint.customer_id !== input.customerId)
      throw invalid('RETURN_COMPLAINT_OTHER_CUSTOMER', 'complaintId');
    if (!(await q.findCustomer(trx, customerId))) throw invalid('RETURN_CUSTOMER_NOT_FOUND', 'customerId');
    const id = await q.insertReturn(trx, {
      number: await nextRecordNumber(trx, 'return'),
      complaint_id: complaint?.id ?? null,
      customer_id: customerId,
      order_ref: input.orderRef ?? null,
      reason: input.reason,
      requested_by: ctx.actor.userId,
    });
    await q.insertItems(
      trx,
      input.items.map((item, i) => ({
        return_id: id,
        position: i + 1,
        product: item.product,
        spec: item.spec ?? null,
        unit: item.unit ?? null,
        quantity: String(item.quantity),
      })),
    );
    const row = await auditReturn(trx, ctx, 'create', id);
    await tell(trx, ctx, await q.holdersOf(trx, 'return.receive'), 'return.notified', row);
    return id;
  });
}

/** The notice's items matched one to one with what the form sent, in the notice's order. */
function matchItems<T extends { itemId: number }>(items: Selectable<ReturnItem>[], sent: T[]) {
  const byId = new Map(sent.map((s) => [s.itemId, s]));
  if (byId.size !== sent.length || byId.size !== items.length || items.some((i) => !byId.has(i.id)))
    throw invalid('RETURN_ITEMS_MISMATCH', 'items');
  return items.map((item) => ({ item, sent: byId.get(item.id)! }));
}

/** The notice locked for a change; 404 when it is missing or hidden from the actor. */
export async function lockVisible(trx: Kysely<DB>, actor: Actor, id: number) {
  return requireVisible(actor, await q.lockReturn(trx, id));
}

/** 签收确认 and 点收: what actually came back, item by item; differences are explained, and quality is told. */
export async function receiveReturn(db: Database, ctx: RequestContext, id: number, input: ReturnReceive) {
  await db.transaction().execute(async (trx) => {
    const row = await lockVisible(trx, ctx.actor, id);
    if (row.status !== 'notified') throw new AppError('RETURN_NOT_AWAITING_RECEIPT');
    const items = await q.itemsOf(trx, id);
    const before = auditSnapshot(row, items);
    const pairs = matchItems(items, input.items);
    for (const { item, sent } of pairs) {
      if (!sameQuantity(sent.receivedQuantity, Number(item.quantity)) && !sent.note)
        throw invalid('RETURN_DISCREPANCY_NOTE_REQUIRED', 'items');
    }
    for (const { item, sent } of pairs)
      await q.updateItem(trx, item.id, {
        received_quantity: String(sent.receivedQuantity),
        note: sent.note ?? null,
      });
    await q.updateReturn(trx, id, {
      status: 'received',
      received_at: new Date(),
      received_by: ctx.actor.userId,
      receipt_note: input.note ?? null,
    });
    const after = await auditReturn(trx, ctx, 'receive', id, before);
    await tell(trx, ctx, await q.holdersOf(trx, 'return.inspect'), 'return.received', after);
  });
}

/** 品保部依照退货单确认实际不良状况: defective quantities, whether the defect is real, and why. */
export async function inspectReturn(db: Database, ctx: RequestContext, id: number, input: ReturnInspect) {
  await db.transaction().execute(async (trx) => {
    const row = await lockVisible(trx, ctx.actor, id);
    if (row.status !== 'received') throw new AppError('RETURN_NOT_RECEIVED');
    const items = await q.itemsOf(trx, id);
    const before = auditSnapshot(row, items);
    const pairs = matchItems(items, input.items);
    for (const { item, sent } of pairs) {
      const received = Number(item.received_quantity ?? 0);
      if (Math.round(sent.defectiveQuantity * 1000) > Math.round(received * 1000))
        throw invalid('RETURN_DEFECTIVE_EXCEEDS_RECEIVED', 'items');
    }
    for (const { item, sent } of pairs)
      await q.updateItem(trx, item.id, { defective_quantity: String(sent.defectiveQuantity) });
    await q.updateReturn(trx, id, {
      status: 'inspected',
      inspected_at: new Date(),
      inspected_by: ctx.actor.userId,
      defect_confirmed: input.defectConfirmed,
      inspection_note: input.note,
    });
    const after = await auditReturn(trx, ctx, 'inspect', id, before);
    // 营业部 (who filed the notice) decides the disposition next.
    await tell(trx, ctx, row.requested_by ? [row.requested_by] : [], 'return.inspected', after);
  });
}

/** A notice withdrawn before the goods arrived (the customer kept them, or it was filed by mistake). */
export async function cancelReturn(db: Database, ctx: RequestContext, id: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    const row = await lockVisible(trx, ctx.actor, id);
    if (row.status === 'closed' || row.status === 'cancelled') throw new AppError('RETURN_CLOSED');
    if (row.status !== 'notified') throw new AppError('RETURN_CANCEL_AFTER_RECEIPT');
    const before = auditSnapshot(row, await q.itemsOf(trx, id));
    await q.updateReturn(trx, id, { status: 'cancelled', cancel_reason: reason });
    await auditReturn(trx, ctx, 'cancel', id, before);
  });
}

// ── Files ────────────────────────────────────────────────────────────────────────────────────────────

/** The photos and documents of a notice the actor can see. */
export async function returnAttachments(db: Kysely<DB>, actor: Actor, id: number) {
  requireVisible(actor, await q.findReturn(db, id));
  return (await q.attachmentsOf(db, id)).map((a) => presentReturnAttachment(a, id));
}

/**
 * Whether the actor may add a file to the notice now: it exists (404), they work on returns (403), and it
 * is still open. Gives the notice's label for the upload's audit row.
 */
export async function admitReturnUpload(db: Kysely<DB>, actor: Actor, id: number): Promise<string> {
  const row = requireVisible(actor, await q.findReturn(db, id));
  requireMay(mayAttach(actor));
  if (row.status === 'closed' || row.status === 'cancelled') throw new AppError('RETURN_CLOSED');
  return `${row.number} ${row.customer_name}`;
}

/** One file of a notice the actor can see, for download. */
export async function returnAttachmentFile(db: Kysely<DB>, actor: Actor, id: number, attachmentId: number) {
  return requireVisible(actor, await q.findAttachment(db, id, attachmentId));
}
