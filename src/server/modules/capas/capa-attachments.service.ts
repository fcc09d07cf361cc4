import type { Kysely } from 'kysely';
import type { CapaAttachment } from '../../../shared/schemas/capas.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import type { AttachmentStore } from '../attachments/store.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { mayAttach, mayRemoveAttachment, requireMay, requireVisible } from './capas.policy.ts';
import { presentCapaAttachment } from './capas.presenter.ts';
import * as q from './capas.queries.ts';
import { assertNotFinished } from './capas.service.ts';

/**
 * Whether the actor may add a file to the report now: it exists (404), they run or verify reports (403),
 * and it is not finished. Gives the report's number for the upload's audit row.
 */
export async function admitCapaUpload(db: Kysely<DB>, actor: Actor, capaId: number): Promise<string> {
  const capa = requireVisible(actor, await q.findCapaRow(db, capaId));
  requireMay(mayAttach(actor));
  assertNotFinished(capa);
  return capa.number;
}

/** A stored file of the report, presented with its uploader. */
export async function capaAttachmentView(
  db: Kysely<DB>,
  capaId: number,
  attachmentId: number,
): Promise<CapaAttachment> {
  const row = (await q.capaAttachments(db, capaId)).find((a) => a.id === attachmentId)!;
  return presentCapaAttachment(row, capaId);
}

/** One file of a report the actor can see, for download. */
export async function capaAttachmentFile(db: Kysely<DB>, actor: Actor, capaId: number, attachmentId: number) {
  return requireVisible(actor, await q.findCapaAttachment(db, capaId, attachmentId));
}

/**
 * A file taken off by whoever uploaded it while the report is still running (after that it is record):
 * the row goes with its audit entry, then the stored bytes.
 */
export async function removeCapaAttachment(
  db: Database,
  store: AttachmentStore,
  ctx: RequestContext,
  capaId: number,
  attachmentId: number,
) {
  const file = requireVisible(ctx.actor, await q.findCapaAttachment(db, capaId, attachmentId));
  // Someone else's file is not theirs to remove: the same 404 as a missing one (capas.policy.ts).
  if (!mayRemoveAttachment(ctx.actor, file)) throw notFound();
  await db.transaction().execute(async (trx) => {
    const capa = (await q.lockCapa(trx, capaId))!;
    assertNotFinished(capa);
    await q.deleteAttachmentRow(trx, attachmentId);
    await recordAudit(trx, ctx, {
      action: 'attachment.delete',
      entityType: 'capa',
      entityId: capaId,
      entityLabel: capa.number,
      before: { attachmentId, fileName: file.file_name },
    });
  });
  await store.remove(file.storage_key);
}
