import type { Selectable } from 'kysely';
import type { Notification, OutboundMessage } from '../../db/schema.ts';
import { iso } from '../../http/present.ts';

export function presentNotification(n: Selectable<Notification>) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: iso(n.read_at),
    createdAt: n.created_at.toISOString(),
  };
}

export function presentOutboundMessage(m: Selectable<OutboundMessage>) {
  return {
    id: m.id,
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject,
    body: m.body,
    status: m.status,
    provider: m.provider,
    error: m.error,
    createdAt: m.created_at.toISOString(),
  };
}
