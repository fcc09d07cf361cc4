import type { PortalActor } from '../../http/authentication.ts';
import { iso } from '../../http/present.ts';
import { mayRate } from './portal.policy.ts';
import type { PortalTicketRow } from './portal-tickets.queries.ts';

export function presentPortalTicket(portal: PortalActor, t: PortalTicketRow) {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    description: t.description,
    status: t.status,
    typeCode: t.type_code,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
    resolvedAt: iso(t.resolved_at),
    satisfaction: t.satisfaction,
    canRate: mayRate(portal, t) && t.satisfaction === null,
  };
}

export function presentPortalMessage(m: {
  id: number;
  author_user_id: number | null;
  author_name: string | null;
  body: string;
  created_at: Date;
}) {
  return {
    id: m.id,
    fromCustomer: m.author_user_id === null,
    authorName: m.author_name,
    body: m.body,
    createdAt: m.created_at.toISOString(),
  };
}
