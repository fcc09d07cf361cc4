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
