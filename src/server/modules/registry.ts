import type { Kysely } from 'kysely';
import type { PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import type { ApprovalFinishedHandler } from './approvals/approvals.registry.ts';
import type { CreatedTicket, TicketCreatedHook, TicketFinishedHook } from './tickets/ticket-hooks.ts';

export type JobLog = (msg: string) => void;

/** A scheduled job: runs once per schedule across all app nodes (pg-boss). */
export interface ScheduledJob {
  name: string;
  /** Cron expression. */
  cron: string;
  /** Daily jobs run at their hour in the organisation's time zone; minute/hour jobs in UTC. */
  zone: 'organisation' | 'utc';
  run(db: Database, log: JobLog): Promise<void>;
}

/** Jobs that need pg-boss itself (fan-out queues, their own workers), e.g. mailbox polling. */
export type QueueSetup = (boss: PgBoss, db: Database, log: JobLog) => Promise<void>;

/** What a module may hang onto the shared machinery; each module's `register()` receives it. */
export interface ModuleRegistry {
  /** Applies the outcome of an approval flow the module owns, inside the deciding transaction. */
  approvalOutcome(flow: string, handler: ApprovalFinishedHandler): void;
  /** Runs inside the transaction that created a request, whatever the channel. */
  ticketCreated(key: string, hook: TicketCreatedHook): void;
  /** Runs inside the transaction that moved a request to 已解决 (resolved). */
  ticketResolved(key: string, hook: TicketFinishedHook): void;
  /** Runs inside the transaction that moved a request to 已关闭 (closed). */
  ticketClosed(key: string, hook: TicketFinishedHook): void;
  job(job: ScheduledJob): void;
  queues(key: string, setup: QueueSetup): void;
}

/** The registered hooks and jobs, filled once per process by installModules(). */
class Registry implements ModuleRegistry {
  readonly approvalHandlers = new Map<string, ApprovalFinishedHandler>();
  readonly created = new Map<string, TicketCreatedHook>();
  readonly resolved = new Map<string, TicketFinishedHook>();
  readonly closed = new Map<string, TicketFinishedHook>();
  readonly jobs = new Map<string, ScheduledJob>();
  readonly queueSetups = new Map<string, QueueSetup>();

  approvalOutcome(flow: string, handler: ApprovalFinishedHandler) {
    this.approvalHandlers.set(flow, handler);
  }
  ticketCreated(key: string, hook: TicketCreatedHook) {
    this.created.set(key, hook);
  }
  ticketResolved(key: string, hook: TicketFinishedHook) {
    this.resolved.set(key, hook);
  }
  ticketClosed(key: string, hook: TicketFinishedHook) {
    this.closed.set(key, hook);
  }
  job(job: ScheduledJob) {
    this.jobs.set(job.name, job);
  }
  queues(key: string, setup: QueueSetup) {
    this.queueSetups.set(key, setup);
  }
}

export const registry = new Registry();

export function approvalHandlerFor(flow: string): ApprovalFinishedHandler {
  const handler = registry.approvalHandlers.get(flow);
  // A request finishing with nobody to apply it would look approved but change nothing: fail loudly.
  if (!handler) throw new Error(`no approval handler registered for flow ${flow}`);
  return handler;
}

export async function runTicketCreatedHooks(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  ticket: CreatedTicket,
) {
  for (const hook of registry.created.values()) await hook(trx, ctx, ticket);
}

export async function runTicketFinishedHooks(
  event: 'resolved' | 'closed',
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  ticketId: number,
) {
  const hooks = event === 'resolved' ? registry.resolved : registry.closed;
  for (const hook of hooks.values()) await hook(trx, ctx, ticketId);
}
