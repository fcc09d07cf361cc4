import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { principalOf } from '../modules/idempotency/idempotency.policy.ts';
import {
  beginAttempt,
  bodyHash,
  CLAIM_LEASE_SECONDS,
  finishAttempt,
  type KeyClaim,
} from '../modules/idempotency/idempotency.service.ts';
import { sendError } from './errors.ts';

/** The request header a client sends with a create, and the one a replayed answer carries. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

/** How far this node's clock may be behind the database's, for finding the attempt's audit rows. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** 1–255 printable ASCII characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x20-\x7E]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The Idempotency-Key this request holds while it runs (null when it holds none). */
    idempotencyClaim: (KeyClaim & { claimedAt: Date }) | null;
  }
}

/**
 * Idempotent creates (issue 9): a route flagged `config: { idempotent: true }` accepts an
 * `Idempotency-Key` header. The first request with a key claims it and runs; its answer is stored with
 * the key for a day (idempotency.module.ts removes older keys), and a retry with the same key and body
 * gets that answer again with `Idempotent-Replayed: true` instead of creating a second record. A retry
 * while the first still runs waits briefly, then answers 409 IDEMPOTENCY_IN_PROGRESS; the same key with
 * another body answers 422 IDEMPOTENCY_KEY_REUSED; a first attempt that failed (4xx/5xx) frees the key
 * unless it had already committed its write (see finishAttempt / beginAttempt for the interrupted cases).
 * Requests without the header behave exactly as before.
 *
 * The hook runs at preValidation: after authentication (keys are per caller) and on the body as sent, so
 * an invalid first attempt is claimed, refused and released like any other failure.
 */
export function registerIdempotency(app: FastifyInstance, db: Database): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preValidation', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header.join(', ') : header;
    if (!KEY_PATTERN.test(key)) return sendError(reply, request, 'IDEMPOTENCY_KEY_INVALID');
    const claim: KeyClaim = {
      principal: principalOf(request),
      key,
      method: request.method,
      route: request.url,
      bodyHash: bodyHash(request.body),
      requestId: String(request.id),
    };
    const claimedAt = new Date(Date.now() - CLOCK_SKEW_MS);
    const start = await beginAttempt(db, claim);
    if (start.kind === 'run') {
      request.idempotencyClaim = { ...claim, claimedAt };
      return;
    }
    if (start.kind === 'refuse') return sendError(reply, request, start.code, start.details);
    return reply
      .status(start.status)
      .header(REPLAYED_HEADER, 'true')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(start.body));
  });

  // onSend sees every answer of the attempt, errors included, before it leaves: keep or free the key.
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const body = typeof payload === 'string' ? payload : null;
    const settle = () => finishAttempt(db, claim, reply.statusCode, body, claim.claimedAt);
    try {
      await settle();
    } catch (error) {
      // The answer still goes out. The database is most likely down: settle the claim as soon as it is
      // back, so that the client's retry runs at once instead of waiting out the claim's lease (if this
      // node dies first, the lease frees it — see beginAttempt).
      request.log.warn({ err: error }, 'idempotency: could not record the outcome; retrying');
      settleLater(settle, (err) => request.log.warn({ err }, 'idempotency: outcome still not recorded'));
    }
    return payload;
  });
}

/** Retries `settle` with back-off (0.25 s doubling to 4 s) for up to the claim's lease; timers never hold the process. */
function settleLater(
  settle: () => Promise<void>,
  giveUp: (error: unknown) => void,
  delay = 250,
  spent = 0,
): void {
  const timer = setTimeout(() => {
    settle().catch((error: unknown) => {
      if (spent + delay >= SETTLE_FOR_MS) return giveUp(error);
      settleLater(settle, giveUp, Math.min(delay * 2, 4000), spent + delay);
    });
  }, delay);
  timer.unref();
}

/** As long as a claim's lease: after that a retry takes the claim over anyway. */
const SETTLE_FOR_MS = CLAIM_LEASE_SECONDS * 1000;
