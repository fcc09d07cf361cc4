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

const hooks = new Map<string, TicketCreatedHook>();

/** Registered once by the owning module at import; the key keeps a re-import from adding it twice. */
export function onTicketCreated(key: string, hook: TicketCreatedHook): void {
  hooks.set(key, hook);
}

export async function runTicketCreatedHooks(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  ticket: CreatedTicket,
) {
  for (const hook of hooks.values()) await hook(trx, ctx, ticket);
}
