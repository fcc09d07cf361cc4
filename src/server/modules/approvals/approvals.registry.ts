import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/context.ts';
import type { RequestRow } from './approvals.queries.ts';

export interface ApprovalOutcome {
  status: 'approved' | 'rejected' | 'cancelled';
  /** The deciding comment (the reason of a rejection), or the requester's note when cancelling. */
  comment: string | null;
}

/** Runs inside the transaction that finished the request: the owning module applies the outcome. */
export type ApprovalFinishedHandler = (
  trx: Kysely<DB>,
  ctx: RequestContext,
  request: RequestRow,
  outcome: ApprovalOutcome,
) => Promise<void>;

const handlers = new Map<string, ApprovalFinishedHandler>();

/** Called once by the module owning a flow (at import); a second registration replaces the first. */
export function onApprovalFinished(flow: string, handler: ApprovalFinishedHandler): void {
  handlers.set(flow, handler);
}

export function finishedHandler(flow: string): ApprovalFinishedHandler {
  const handler = handlers.get(flow);
  // A request finishing with nobody to apply it would look approved but change nothing: fail loudly.
  if (!handler) throw new Error(`no approval handler registered for flow ${flow}`);
  return handler;
}
