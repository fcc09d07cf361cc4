import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/context.ts';

export interface CreatedTicket {
  id: number;
  number: string;
  typeCode: string;
  channel: string;
  subject: string;
  description: string;
  customerId: number | null;
  contactId: number | null;
  product: string | null;
  orderRef: string | null;
  shipmentRef: string | null;
  createdAt: Date;
}

/** Runs inside the transaction that created the request (any channel), e.g. a 投诉 opens its complaint record. */
export type TicketCreatedHook = (
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  ticket: CreatedTicket,
) => Promise<void>;

/**
 * Runs inside the transaction that resolved or closed the request (by an agent, in bulk, by the customer
 * or when its complaint closes); what it sends goes through the outbound queue, so it leaves after commit.
 */
export type TicketFinishedHook = (
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  ticketId: number,
) => Promise<void>;
