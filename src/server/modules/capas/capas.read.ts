import type { Kysely } from 'kysely';
import type { CapaBoard, CapaBoardQuery, CapaDetail } from '../../../shared/schemas/capas.ts';
import { CAPA_BOARD_STATUSES } from '../../../shared/schemas/capas.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import * as aq from './capa-actions.queries.ts';
import { orgToday, presentAction, presentCapa, presentCapaAttachment } from './capas.presenter.ts';
import * as q from './capas.queries.ts';

/** The report with its actions, the complaints it answers and its files. */
export async function loadCapaDetail(db: Kysely<DB>, id: number): Promise<CapaDetail> {
  const today = await orgToday(db);
  const row = await q.findCapa(db, id, today);
  if (!row) throw notFound();
  const [actions, complaints, attachments] = await Promise.all([
    aq.listActions(db, id),
    q.linkedComplaints(db, id),
    q.capaAttachments(db, id),
  ]);
  return {
    ...presentCapa(row),
    actions: actions.map((a) => presentAction(a, today)),
    complaints,
    attachments: attachments.map((a) => presentCapaAttachment(a, id)),
  };
}

/** Working columns show up to 100 cards each; the closed column the 20 most recently closed. */
const COLUMN_LIMIT = 100;
const CLOSED_LIMIT = 20;

export async function loadBoard(db: Kysely<DB>, f: CapaBoardQuery): Promise<CapaBoard> {
  const today = await orgToday(db);
  const counts = await q.statusCounts(db, f, today);
  const columns = await Promise.all(
    CAPA_BOARD_STATUSES.map(async (status) => {
      const rows = await q.boardColumn(
        db,
        status,
        f,
        today,
        status === 'closed' ? CLOSED_LIMIT : COLUMN_LIMIT,
      );
      return { status, total: counts.get(status) ?? 0, items: rows.map(presentCapa) };
    }),
  );
  return { columns, dismissed: counts.get('dismissed') ?? 0 };
}
