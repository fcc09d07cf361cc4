import type { TicketCreate, TicketView } from '../../../shared/schemas/tickets.ts';
import type { ApiClient } from '../api-client.ts';
import type { TestApp } from '../test-app.ts';
import { type Channel, send, unique } from './api.ts';

/** Service requests. */

/** The id of a ticket type by its code (inquiry, repair, complaint, technical_support, order_issue…). */
export async function ticketTypeId(t: TestApp, code = 'inquiry'): Promise<number> {
  return (
    await t.db.selectFrom('ticket_type').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

export type TicketSpec = Partial<TicketCreate> & {
  /** Who registers it: the administrator by default. */
  client?: ApiClient;
  /** The ticket type's code, when `typeId` is not given. */
  type?: string;
};

/** A service request registered on the request form. */
export async function buildTicket(t: TestApp, spec: TicketSpec = {}): Promise<TicketView> {
  const { client, type, ...input } = spec;
  return send<TicketView>(t, client, '/api/v1/tickets', {
    typeId: input.typeId ?? (await ticketTypeId(t, type)),
    subject: `测试请求 ${unique()}`,
    ...input,
  });
}

export interface TicketRowSpec {
  type?: string;
  number?: string;
  subject?: string;
  channel?: Channel;
  customerId?: number | null;
  createdAt?: Date;
  mergedIntoId?: number | null;
}

/** A request row as of `createdAt`, without SLA clocks or hooks (for analyses over past months). */
export async function buildTicketRow(
  t: TestApp,
  spec: TicketRowSpec = {},
): Promise<{ id: number; number: string }> {
  const tag = unique();
  return t.db
    .insertInto('ticket')
    .values({
      number: spec.number ?? `TT-${tag}`,
      subject: spec.subject ?? `测试请求 ${tag}`,
      channel: spec.channel ?? 'phone',
      type_id: await ticketTypeId(t, spec.type ?? 'inquiry'),
      customer_id: spec.customerId ?? null,
      merged_into_id: spec.mergedIntoId ?? null,
      ...(spec.createdAt ? { created_at: spec.createdAt } : {}),
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}
