import type { Kysely } from 'kysely';
import type {
  CapaBoard,
  CapaBoardQuery,
  CapaDetail,
  CapaListQuery,
  CapaView,
} from '../../../shared/schemas/capas.ts';
import { CAPA_BOARD_STATUSES } from '../../../shared/schemas/capas.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import { type CursorPage, pageOf } from '../../http/paging.ts';
import * as aq from './capa-actions.queries.ts';
import { requireVisible, scopeOf } from './capas.policy.ts';
import { orgToday, presentAction, presentCapa, presentCapaAttachment } from './capas.presenter.ts';
import * as q from './capas.queries.ts';

/** One page of the reports the actor may see, newest first. */
export async function listCapas(
  db: Kysely<DB>,
  actor: Actor,
  query: CapaListQuery,
): Promise<CursorPage<CapaView>> {
  const rows = await q.listCapas(db, scopeOf(actor), query, await orgToday(db));
  return pageOf(rows, query.limit, presentCapa);
}

/** The report with its actions, the complaints it answers and its files; 404 when missing or hidden. */
export async function loadCapaDetail(db: Kysely<DB>, actor: Actor, id: number): Promise<CapaDetail> {
  const today = await orgToday(db);
  const row = requireVisible(actor, await q.findCapa(db, id, today));
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

export async function loadBoard(db: Kysely<DB>, actor: Actor, f: CapaBoardQuery): Promise<CapaBoard> {
  const today = await orgToday(db);
  const scope = scopeOf(actor);
  const counts = await q.statusCounts(db, scope, f, today);
  const columns = await Promise.all(
    CAPA_BOARD_STATUSES.map(async (status) => {
      const rows = await q.boardColumn(
        db,
        scope,
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
