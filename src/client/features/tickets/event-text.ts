import type { TicketEvent } from '../../api/tickets-conversation.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import type { Translate } from '../../i18n/context.ts';
import type { useTicketLabels } from './labels.ts';

const FIELD_KEYS: Record<string, MessageKey> = {
  type_id: 'tickets.field.type',
  category_id: 'tickets.field.category',
  priority: 'tickets.field.priority',
  complexity: 'tickets.field.complexity',
  subject: 'tickets.field.subject',
  product: 'tickets.field.product',
  order_ref: 'tickets.field.orderRef',
  shipment_ref: 'tickets.field.shipmentRef',
  tags: 'tickets.field.tags',
  stage: 'tickets.field.stage',
  custom_fields: 'tickets.props.customFields',
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** One line of the request's history, in the UI language. */
export function eventText(
  e: TicketEvent,
  t: Translate,
  labels: ReturnType<typeof useTicketLabels>,
  names: Map<number, string>,
): { text: string; reason: string | null } {
  const actor = e.actorName ?? t('tickets.event.system');
  const d = e.data;
  const reason = typeof d.reason === 'string' && d.reason ? d.reason : null;
  const person = (v: unknown) => (typeof v === 'number' ? (names.get(v) ?? `#${v}`) : '');
  switch (e.kind) {
    case 'created':
      return {
        text: d.splitFrom
          ? t('tickets.event.splitFrom', { actor, from: str(d.splitFrom) })
          : t('tickets.event.created', { actor, channel: labels.channel(str(d.channel)) }),
        reason: null,
      };
    case 'status':
      return {
        text: t('tickets.event.status', {
          actor,
          from: labels.status(str(d.from)),
          to: labels.status(str(d.to)),
        }),
        reason,
      };
    case 'assigned':
      if (d.to === null || d.to === undefined)
        return { text: t('tickets.event.unassigned', { actor }), reason };
      if (d.from === d.to)
        return { text: t('tickets.event.assignedSame', { actor, to: person(d.to) }), reason };
      if (d.from === null || d.from === undefined)
        return { text: t('tickets.event.assigned', { actor, to: person(d.to) }), reason };
      return {
        text: t('tickets.event.reassigned', { actor, from: person(d.from), to: person(d.to) }),
        reason,
      };
    case 'updated': {
      const fields = Array.isArray(d.fields) ? d.fields.map((f) => str(f)) : [];
      if (fields.length === 0) return { text: t('tickets.event.saved', { actor }), reason: null };
      const named = fields.map((f) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f]) : f));
      return {
        text: t('tickets.event.updated', { actor, fields: named.join(t('tickets.listSeparator')) }),
        reason: null,
      };
    }
    case 'merged':
      return {
        text: t('tickets.event.merged', {
          actor,
          from: str(d.from),
          into: str(d.into),
          count: str(d.messages) || '0',
        }),
        reason: null,
      };
    case 'split':
      return {
        text: t('tickets.event.split', {
          actor,
          into: str(d.into),
          count: Array.isArray(d.messages) ? d.messages.length : 0,
        }),
        reason: null,
      };
    case 'customer_message':
      return {
        text: t('tickets.event.customerMessage', { channel: labels.channel(str(d.channel)) }),
        reason: null,
      };
    case 'sla.breached':
      return {
        text: t('tickets.event.breached', {
          clock: d.clock === 'first_response' ? t('tickets.sla.firstResponse') : t('tickets.sla.resolution'),
        }),
        reason: null,
      };
    case 'rated':
      return { text: t('tickets.event.rated', { score: str(d.score) }), reason: null };
    default:
      return { text: t('tickets.event.other', { actor, kind: e.kind }), reason: null };
  }
}
