import type { Kysely } from 'kysely';
import { capaListQuery } from '../../../shared/schemas/capas.ts';
import { complaintListQuery } from '../../../shared/schemas/complaints.ts';
import { customerListQuery } from '../../../shared/schemas/customers.ts';
import { returnListQuery } from '../../../shared/schemas/returns.ts';
import type {
  GlobalSearchHit,
  GlobalSearchQuery,
  GlobalSearchResult,
  SearchKind,
} from '../../../shared/schemas/search.ts';
import { ticketListQuery } from '../../../shared/schemas/tickets.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import { listCapas } from '../capas/capas.read.ts';
import { listComplaints } from '../complaints/complaints.service.ts';
import { lookupContactsFor } from '../customers/contacts.service.ts';
import { listCustomers } from '../customers/customers.service.ts';
import { searchArticles } from '../knowledge/articles.search.ts';
import { scopeOf as kbScopeOf } from '../knowledge/knowledge.policy.ts';
import { listReturns } from '../returns/returns.service.ts';
import { listVisibleTickets } from '../tickets/tickets.service.ts';
import { searchableKinds } from './search.policy.ts';
import * as present from './search.presenter.ts';

/**
 * One search box over every kind of record the caller may read. Each kind is searched through its own
 * list — the same index, the same query building and the same policy scope as the list page — so the
 * header finds exactly what the caller would find on that page, newest first, at most `limit` per kind.
 */
export async function globalSearch(
  db: Kysely<DB>,
  actor: Actor,
  query: GlobalSearchQuery,
): Promise<GlobalSearchResult> {
  const { q, limit } = query;
  const search: Record<SearchKind, () => Promise<GlobalSearchHit[]>> = {
    ticket: async () =>
      (await listVisibleTickets(db, actor, ticketListQuery.parse({ q, limit })))
        .slice(0, limit)
        .map(present.ticketHit),
    customer: async () =>
      (await listCustomers(db, actor, customerListQuery.parse({ q, limit })))
        .slice(0, limit)
        .map(present.customerHit),
    contact: async () => (await lookupContactsFor(db, actor, q, limit)).map(present.contactHit),
    complaint: async () =>
      (await listComplaints(db, actor, complaintListQuery.parse({ q, limit })))
        .slice(0, limit)
        .map(present.complaintHit),
    capa: async () =>
      (await listCapas(db, actor, capaListQuery.parse({ q, limit }))).items.map(present.capaHit),
    return: async () =>
      (await listReturns(db, actor, returnListQuery.parse({ q, limit })))
        .slice(0, limit)
        .map(present.returnHit),
    kb_article: async () =>
      (await searchArticles(db, { q, limit }, kbScopeOf(actor), present.articleHit)).items,
  };
  const kinds = searchableKinds(actor);
  const groups = await Promise.all(kinds.map(async (kind) => ({ kind, items: await search[kind]() })));
  return { groups };
}
