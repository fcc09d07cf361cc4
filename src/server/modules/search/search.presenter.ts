import type { CapaView } from '../../../shared/schemas/capas.ts';
import type { GlobalSearchHit } from '../../../shared/schemas/search.ts';
import type { ComplaintRow } from '../complaints/complaints.queries.ts';
import type { presentLookupHit } from '../customers/customers.presenter.ts';
import type { CustomerRow } from '../customers/customers.queries.ts';
import type { ArticleListRow } from '../knowledge/articles.queries.ts';
import type { ReturnRow } from '../returns/returns.queries.ts';
import type { TicketRow } from '../tickets/tickets.queries.ts';

/** Rows of each kind's list → one line (and a second) in the global search panel. */

const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ') || null;

export const ticketHit = (r: TicketRow): GlobalSearchHit => ({
  id: r.id,
  number: r.number,
  title: r.subject,
  subtitle: line(r.customer_name, r.contact_name),
  customerId: null,
});

export const customerHit = (r: CustomerRow): GlobalSearchHit => ({
  id: r.id,
  number: r.code,
  title: r.name,
  subtitle: line(r.short_name, r.region),
  customerId: null,
});

/** A contact as the lookup presents it: phone and e-mail already masked for callers without the right. */
export const contactHit = (r: ReturnType<typeof presentLookupHit>): GlobalSearchHit => ({
  id: r.id,
  number: null,
  title: r.name,
  subtitle: line(r.customerName, r.phone),
  customerId: r.customerId,
});

export const complaintHit = (r: ComplaintRow): GlobalSearchHit => ({
  id: r.id,
  number: r.number,
  title: r.subject,
  subtitle: line(r.customer_name, r.product),
  customerId: null,
});

export const capaHit = (c: CapaView): GlobalSearchHit => ({
  id: c.id,
  number: c.number,
  title: c.title,
  subtitle: line(c.product),
  customerId: null,
});

export const returnHit = (r: ReturnRow): GlobalSearchHit => ({
  id: r.id,
  number: r.number,
  title: r.reason,
  subtitle: line(r.customer_name, r.items_summary),
  customerId: null,
});

export const articleHit = (r: ArticleListRow): GlobalSearchHit => ({
  id: r.id,
  number: null,
  title: r.title,
  subtitle: null,
  customerId: null,
});
