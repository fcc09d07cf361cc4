// Crash harness for issue 9 (figures, not a test; not run by CI): N cycles of `kill -9` under write load,
// then every acknowledged write is looked up in the database.
//
// Qiao runs from this checkout (`node src/server/main.ts`) on a throwaway data dir with its embedded
// PostgreSQL. W writers create requests (POST /api/v1/tickets, each with an Idempotency-Key and a unique
// subject; a failed attempt is retried with the same key and body). Each cycle lets them write for 1–3 s,
// then kills, in turn: the Qiao process (restarted by the harness: restart time = spawn → /api/health 200),
// the embedded postmaster (Qiao's supervisor must restart it: recovery time = kill → new postmaster and
// health 200), or one PostgreSQL backend of Qiao's pool (recovery time = kill → health 200). A Qiao that
// dies after a database fault counts as a death and is restarted. When the cycles are done, the harness
// compares the acknowledged requests with the ticket table: lost, duplicated, committed-but-unacknowledged,
// and whether the request numbers of each day are gap-free. Then every request the writers gave up on is
// sent once more with its key, after the idempotency claim lease (a claim whose outcome could not be
// recorded answers IDEMPOTENCY_IN_PROGRESS until then): it must be created now, replayed, or answered
// IDEMPOTENCY_INTERRUPTED with the id of the record its first attempt committed — never a duplicate.
//
// Run: node bench/crash-harness.ts [cycles=50] [--writers 8] [--attempts 4] [--keep]
//   (Node 24: node_modules/.bin/node; --keep leaves the data dir and qiao.log for a look)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { processesIn, processState } from '../src/server/db/embedded-checks.ts';
import { CLAIM_LEASE_SECONDS } from '../src/server/modules/idempotency/idempotency.service.ts';
import { apiTokenFor } from './bench-kit.ts';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    writers: { type: 'string', default: '8' },
    attempts: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
  },
});
const cycles = Number(positionals[0] ?? 50);
const writerCount = Number(options.writers);
const maxAttempts = Number(options.attempts);
if (![cycles, writerCount, maxAttempts].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node bench/crash-harness.ts [cycles=50] [--writers 8] [--attempts 4] [--keep]');
  process.exit(2);
}

type Fault = 'qiao' | 'postmaster' | 'backend';
const FAULTS: Fault[] = ['qiao', 'postmaster', 'backend'];
/** Longest wait for Qiao to answer /api/health 200 after a start or a fault. */
const RECOVERY_DEADLINE_MS = 180_000;
/** Longest a single create may take before the client gives up on that attempt. */
const REQUEST_TIMEOUT_MS = 30_000;

const repo = path.resolve(import.meta.dirname, '..');
const dir = await mkdtemp(path.join(tmpdir(), 'qiao-crash-'));
const pgData = path.join(dir, 'postgres');
const logFile = path.join(dir, 'qiao.log');
const log = createWriteStream(logFile, { flags: 'a' });
const runId = randomBytes(4).toString('hex');
const email = 'crash@example.com';
const password = `Crash-${randomBytes(12).toString('base64url')}`;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;

function percentile(values: number[], p: number) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const seconds = (ms: number) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);
const note = (line: string) => console.log(`[crash] ${line}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

// ---- The Qiao process ---------------------------------------------------------------------------------

interface QiaoProcess {
  child: ChildProcess;
  pid: number;
  /** Set when the harness killed or stopped it on purpose. */
  expected: boolean;
  exited: boolean;
  exit: Promise<void>;
}

let qiao: QiaoProcess | undefined;
/** Unexpected exits of Qiao, by the fault of the cycle in which they happened. */
const deaths: Record<Fault | 'start', number> = { qiao: 0, postmaster: 0, backend: 0, start: 0 };
let phase: Fault | 'start' = 'start';

function startQiao(): QiaoProcess {
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      QIAO_DATA_DIR: dir,
      DATABASE_URL: '',
      QIAO_ADMIN_EMAIL: email,
      QIAO_ADMIN_PASSWORD: password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const proc: QiaoProcess = {
    child,
    pid: child.pid!,
    expected: false,
    exited: false,
    exit: new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        proc.exited = true;
        if (!proc.expected) {
          deaths[phase]++;
          note(
            `Qiao (pid ${proc.pid}) died unexpectedly (${signal ?? `exit ${code}`}) during a ${phase} cycle`,
          );
        }
        resolve();
      });
    }),
  };
  log.write(`\n===== [crash] Qiao started, pid ${proc.pid} =====\n`);
  return proc;
}

async function healthOk(): Promise<boolean> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Polls /api/health until 200 (and `also()` holds); a Qiao that dies meanwhile is started again.
 * Returns the time waited, or null when the deadline passed.
 */
async function waitHealthy(also: () => Promise<boolean> = async () => true): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < RECOVERY_DEADLINE_MS) {
    if (qiao?.exited) {
      await qiao.exit;
      qiao = startQiao();
    }
    if ((await healthOk()) && (await also())) return performance.now() - started;
    await sleep(100);
  }
  return null;
}

async function stopQiao() {
  const proc = qiao;
  if (!proc || proc.exited) return;
  proc.expected = true;
  proc.child.kill('SIGTERM');
  const stopped = await Promise.race([proc.exit.then(() => true), sleep(60_000).then(() => false)]);
  if (!stopped) {
    note(`Qiao (pid ${proc.pid}) did not stop within 60 s: SIGKILL`);
    proc.child.kill('SIGKILL');
    await proc.exit;
  }
}

// ---- The embedded PostgreSQL ----------------------------------------------------------------------------

async function postmaster(): Promise<{ pid: number; port: number } | null> {
  const text = await readFile(path.join(pgData, 'postmaster.pid'), 'utf8').catch(() => '');
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const pgPort = Number(lines[3]);
  if (!(pid > 0 && pgPort > 0)) return null;
  return (await processState(pid)) === 'alive' ? { pid, port: pgPort } : null;
}

/** A client of the `qiao` database with the credentials embedded-postgres.ts stored for the data dir. */
async function connect(): Promise<pg.Client> {
  const running = await postmaster();
  if (!running) throw new Error('the embedded PostgreSQL is not running');
  const state = JSON.parse(await readFile(path.join(dir, 'embedded-postgres.json'), 'utf8')) as {
    user: string;
    password: string;
  };
  const client = new pg.Client({
    host: '127.0.0.1',
    port: running.port,
    user: state.user,
    password: state.password,
    database: 'qiao',
    application_name: 'crash-harness',
    connectionTimeoutMillis: 5000,
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

async function qiaoBackends(): Promise<number[]> {
  const client = await connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE application_name = 'qiao' AND datname = 'qiao'",
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end().catch(() => {});
  }
}

function kill9(pid: number) {
  process.kill(pid, 'SIGKILL');
}

// ---- The writers ----------------------------------------------------------------------------------------

interface Ack {
  subject: string;
  id: number;
  number: string;
}
interface Request {
  subject: string;
  key: string;
  body: string;
}
/** What one create came to, after its attempts. */
type Outcome =
  | { kind: 'created'; id: number; number: string; replayed: boolean }
  /** The server says the first attempt committed (entity id) but its answer was lost. */
  | { kind: 'interrupted'; entityId: string }
  | { kind: 'failed'; last: string };

const acked: Ack[] = [];
/** Requests whose every attempt failed (the client never learnt whether it was created). */
const givenUp: (Request & { last: string; at: number })[] = [];
/** Failed attempts by kind (network error code, or HTTP status and error code). */
const failedAttempts = new Map<string, number>();
let attemptsTotal = 0;
let replayed = 0;
let interrupted = 0;
let writing = true;

let auth: Record<string, string> = {};
let typeId = 0;

function countFailure(kind: string) {
  failedAttempts.set(kind, (failedAttempts.get(kind) ?? 0) + 1);
}

function networkCode(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'client timeout';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `network ${cause?.code ?? cause?.message ?? String(error)}`;
}

/** One create, retried with the same Idempotency-Key and body while a retry may succeed. */
async function attemptCreate(request: Request, attempts: number): Promise<Outcome> {
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(250 * 2 ** (attempt - 2));
    attemptsTotal++;
    let res: Response;
    try {
      res = await fetch(`${base}/api/v1/tickets`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': request.key },
        body: request.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      last = networkCode(error);
      countFailure(last);
      continue;
    }
    const text = await res.text().catch(() => '');
    if (res.status === 201) {
      const view = JSON.parse(text) as { id: number; number: string };
      const replay = res.headers.get('idempotent-replayed') === 'true';
      return { kind: 'created', id: view.id, number: view.number, replayed: replay };
    }
    let error: { code?: string; details?: { entityId?: unknown } } = {};
    try {
      error = (JSON.parse(text) as { error?: typeof error }).error ?? {};
    } catch {
      // not JSON
    }
    last = `HTTP ${res.status} ${error.code ?? ''}`.trim();
    countFailure(last);
    if (error.code === 'IDEMPOTENCY_INTERRUPTED')
      return { kind: 'interrupted', entityId: String(error.details?.entityId) };
    if (!(res.status >= 500 || error.code === 'IDEMPOTENCY_IN_PROGRESS')) break;
  }
  return { kind: 'failed', last };
}

/** A create under load: acknowledged, or given up (kept for the late retry). */
async function createOne(subject: string) {
  const request = { subject, key: randomUUID(), body: JSON.stringify({ typeId, subject }) };
  const outcome = await attemptCreate(request, maxAttempts);
  if (outcome.kind === 'created') {
    if (outcome.replayed) replayed++;
    acked.push({ subject, id: outcome.id, number: outcome.number });
    return;
  }
  if (outcome.kind === 'interrupted') interrupted++;
  const last = outcome.kind === 'failed' ? outcome.last : 'HTTP 409 IDEMPOTENCY_INTERRUPTED';
  givenUp.push({ ...request, last, at: Date.now() });
  // Do not hammer a server that is down.
  await sleep(300);
}

async function writer(w: number) {
  for (let n = 1; writing; n++) await createOne(`crash-${runId}-w${w}-${n}`);
}

async function signIn() {
  const token = await apiTokenFor(base, email, password, 'crash-harness');
  auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const types = (await (await fetch(`${base}/api/v1/ticket-types`, { headers: auth })).json()) as {
    id: number;
  }[];
  typeId = types[0]!.id;
}

// ---- Cleanup --------------------------------------------------------------------------------------------

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  writing = false;
  await stopQiao().catch((error: unknown) => note(`stopping Qiao: ${String(error)}`));
  // A graceful stop of Qiao stops its PostgreSQL; after a failed one, end whatever still runs in our data
  // dir (the postmaster first: SIGQUIT is PostgreSQL's immediate shutdown, which takes its backends along).
  const left = await postmaster();
  if (left) {
    note(`the embedded PostgreSQL (pid ${left.pid}) still runs: immediate shutdown`);
    process.kill(left.pid, 'SIGQUIT');
    for (let i = 0; i < 100 && (await postmaster()); i++) await sleep(100);
  }
  for (const pid of await processesIn(pgData)) {
    note(`process ${pid} still works in ${pgData}: SIGKILL`);
    kill9(pid);
  }
  await new Promise<void>((resolve) => log.end(resolve));
  if (options.keep) note(`data dir kept: ${dir} (Qiao's output in ${logFile})`);
  else await rm(dir, { recursive: true, force: true });
}
process.once('SIGINT', () => {
  note('interrupted: cleaning up');
  void cleanup().then(() => process.exit(130));
});

// ---- The run --------------------------------------------------------------------------------------------

interface CycleResult {
  fault: Fault;
  /** Qiao kill: spawn → health 200; database faults: kill → health 200 (and a new postmaster). */
  ms: number | null;
  /** Database faults: whether /api/health was seen failing at all. */
  healthDipped?: boolean;
  skipped?: string;
}
const results: CycleResult[] = [];

async function tailOfLog(lines = 15) {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Waits for health 200 after a database fault, noting whether it dipped (it may stay ok throughout). */
async function recoverFromDatabaseFault(also?: () => Promise<boolean>) {
  const started = performance.now();
  let dipped = false;
  // Give the fault up to 3 s to show (a dead connection is noticed on its next use).
  while (performance.now() - started < 3000) {
    if (!(await healthOk()) || qiao?.exited) {
      dipped = true;
      break;
    }
    if (also && !(await also())) {
      dipped = true;
      break;
    }
    await sleep(100);
  }
  const waited = await waitHealthy(also);
  return { ms: waited === null ? null : performance.now() - started, dipped };
}

interface Verification {
  bySubject: Map<string, { id: number; number: string }[]>;
  lost: number;
  wrongId: number;
  duplicates: number;
  /** Rows of this run whose subject was neither acknowledged nor given up. */
  strays(givenUpSubjects: Set<string>): number;
  sequences: { period: string; last_value: number; n: number; distinct_numbers: number }[];
  gaps: { period: string; last_value: number; n: number; distinct_numbers: number }[];
}

/** This run's requests in the database against the acknowledged ones; per-day numbering against its counter. */
async function verify(acks: Ack[]): Promise<Verification> {
  const client = await connect();
  let rows: { id: number; subject: string; number: string }[];
  let sequences: Verification['sequences'];
  try {
    rows = (
      await client.query<{ id: number; subject: string; number: string }>(
        'SELECT id::int AS id, subject, number FROM ticket WHERE subject LIKE $1',
        [`crash-${runId}-%`],
      )
    ).rows;
    sequences = (
      await client.query<Verification['sequences'][number]>(
        `SELECT s.period, s.last_value::int AS last_value, count(t.id)::int AS n,
                count(DISTINCT t.number)::int AS distinct_numbers
           FROM number_sequence s
           LEFT JOIN ticket t ON t.number LIKE 'SR-' || s.period || '-%'
          WHERE s.kind = 'ticket'
          GROUP BY s.period, s.last_value ORDER BY s.period`,
      )
    ).rows;
  } finally {
    await client.end().catch(() => {});
  }
  const bySubject = new Map<string, { id: number; number: string }[]>();
  for (const row of rows) bySubject.set(row.subject, [...(bySubject.get(row.subject) ?? []), row]);
  let lost = 0;
  let wrongId = 0;
  for (const ack of acks) {
    const found = bySubject.get(ack.subject);
    if (!found) {
      lost++;
      note(`LOST: ${ack.subject} (id ${ack.id}, ${ack.number})`);
    } else if (!found.some((r) => r.id === ack.id)) {
      wrongId++;
      note(`acknowledged id ${ack.id} of ${ack.subject} is not in the database (found ${found[0]!.id})`);
    }
  }
  const ackedSubjects = new Set(acks.map((a) => a.subject));
  return {
    bySubject,
    lost,
    wrongId,
    duplicates: [...bySubject.values()].reduce((sum, found) => sum + found.length - 1, 0),
    strays: (givenUpSubjects) =>
      rows.filter((r) => !ackedSubjects.has(r.subject) && !givenUpSubjects.has(r.subject)).length,
    sequences,
    gaps: sequences.filter((s) => s.n !== s.last_value || s.distinct_numbers !== s.n),
  };
}

let exitCode = 0;
try {
  note(`data dir ${dir}, port ${port}, ${cycles} cycles, ${writerCount} writers, run ${runId}`);
  const firstStart = performance.now();
  qiao = startQiao();
  if ((await waitHealthy()) === null) throw new Error(`Qiao did not start:\n${await tailOfLog()}`);
  note(`first start (initdb, migrations) → health 200: ${seconds(performance.now() - firstStart)}`);
  await signIn();

  const writers = Array.from({ length: writerCount }, (_, w) => writer(w + 1));
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const fault = FAULTS[(cycle - 1) % FAULTS.length]!;
    await sleep(1000 + Math.random() * 2000);
    // A Qiao that died since the last fault (counted then) is started again before the next fault.
    if (qiao!.exited && (await waitHealthy()) === null)
      throw new Error(`Qiao did not come back:\n${await tailOfLog()}`);
    phase = fault;
    let result: CycleResult;
    if (fault === 'qiao') {
      const proc = qiao!;
      proc.expected = true;
      kill9(proc.pid);
      await proc.exit;
      qiao = startQiao();
      result = { fault, ms: await waitHealthy() };
    } else if (fault === 'postmaster') {
      const running = await postmaster();
      if (!running) {
        result = { fault, ms: null, skipped: 'no running postmaster found' };
      } else {
        kill9(running.pid);
        const restarted = async () => {
          const now = await postmaster();
          return now !== null && now.pid !== running.pid;
        };
        const { ms, dipped } = await recoverFromDatabaseFault(restarted);
        result = { fault, ms, healthDipped: dipped };
      }
    } else {
      const pids = await qiaoBackends().catch(() => [] as number[]);
      const pid = pids[Math.floor(Math.random() * pids.length)];
      if (pid === undefined) {
        result = { fault, ms: null, skipped: 'no backend with application_name qiao' };
      } else {
        kill9(pid);
        const { ms, dipped } = await recoverFromDatabaseFault();
        result = { fault, ms, healthDipped: dipped };
      }
    }
    results.push(result);
    const outcome = result.skipped
      ? `skipped: ${result.skipped}`
      : result.ms === null
        ? `NOT healthy within ${RECOVERY_DEADLINE_MS / 1000} s`
        : `${fault === 'qiao' ? 'restart' : 'health back'} in ${seconds(result.ms)}${result.healthDipped === false ? ' (health never dipped)' : ''}`;
    note(
      `cycle ${cycle}/${cycles}: kill -9 ${fault} → ${outcome}; acknowledged ${acked.length}, given up ${givenUp.length}`,
    );
    if (result.ms === null && !result.skipped) note(`Qiao's last lines:\n${await tailOfLog()}`);
  }
  phase = 'start';
  writing = false;
  await Promise.all(writers);
  if (!(await healthOk())) await waitHealthy();

  const beforeLate = await verify(acked);
  const failedUnderLoad = [...failedAttempts].sort((a, b) => b[1] - a[1]);
  const attemptsUnderLoad = attemptsTotal;

  // ---- Late retry: every given-up request once more with its key, after abandoned claims expired ----
  const late = { created: 0, replayed: 0, interrupted: 0, interruptedWrongId: 0, failed: 0 };
  const lateAcks: Ack[] = [];
  if (givenUp.length) {
    const lastGiveUp = Math.max(...givenUp.map((g) => g.at));
    const wait = lastGiveUp + (CLAIM_LEASE_SECONDS + 2) * 1000 - Date.now();
    note(`late retry of ${givenUp.length} given-up requests in ${seconds(Math.max(0, wait))} (claim lease)`);
    if (wait > 0) await sleep(wait);
    const queue = [...givenUp];
    await Promise.all(
      Array.from({ length: writerCount }, async () => {
        for (let request = queue.shift(); request; request = queue.shift()) {
          const outcome = await attemptCreate(request, maxAttempts);
          if (outcome.kind === 'created') {
            if (outcome.replayed) late.replayed++;
            else late.created++;
            lateAcks.push({ subject: request.subject, id: outcome.id, number: outcome.number });
          } else if (outcome.kind === 'interrupted') {
            late.interrupted++;
            const found = beforeLate.bySubject.get(request.subject) ?? [];
            if (!found.some((r) => String(r.id) === outcome.entityId)) late.interruptedWrongId++;
          } else {
            late.failed++;
            note(`late retry of ${request.subject} failed: ${outcome.last}`);
          }
        }
      }),
    );
  }
  const afterLate = await verify([...acked, ...lateAcks]);
  // A given-up request that is neither in the database nor acknowledged late is one nobody can account for.
  const lateSubjects = new Set(lateAcks.map((a) => a.subject));
  const unresolved = givenUp.filter(
    (g) => !afterLate.bySubject.has(g.subject) && !lateSubjects.has(g.subject),
  ).length;

  // ---- Figures ----
  const done = (fault: Fault) => results.filter((r) => r.fault === fault && !r.skipped);
  const times = (fault: Fault) => done(fault).flatMap((r) => (r.ms === null ? [] : [r.ms]));
  const notRecovered = results.filter((r) => r.ms === null && !r.skipped).length;
  const line = (label: string, value: string | number) => console.log(`  ${label.padEnd(52)} ${value}`);
  const pair = (values: number[]) =>
    `${seconds(percentile(values, 50))} / ${seconds(values.length ? Math.max(...values) : Number.NaN)}`;
  const gapText = (v: Verification) =>
    v.gaps.length === 0
      ? `yes (${v.sequences.map((s) => `${s.period}: ${s.n}`).join(', ')})`
      : `NO: ${v.gaps.map((s) => `${s.period}: ${s.n} rows, ${s.distinct_numbers} distinct, counter ${s.last_value}`).join('; ')}`;
  const givenUpBy = new Map<string, number>();
  for (const g of givenUp) givenUpBy.set(g.last, (givenUpBy.get(g.last) ?? 0) + 1);

  console.log(
    `\nCrash harness: ${cycles} cycles, ${writerCount} writers, up to ${maxAttempts} attempts a create`,
  );
  line(
    'cycles by fault',
    FAULTS.map((f) => `${f} ${done(f).length}`).join(', ') +
      (results.some((r) => r.skipped) ? ` (skipped ${results.filter((r) => r.skipped).length})` : ''),
  );
  console.log('Under load:');
  line('acknowledged (201)', acked.length);
  line('  of them replayed answers (Idempotent-Replayed)', replayed);
  line('lost (acknowledged, not in the database)', beforeLate.lost);
  line('acknowledged id differs from the stored one', beforeLate.wrongId);
  line('duplicates (same subject more than once)', beforeLate.duplicates);
  line('given up by the client (every attempt failed)', givenUp.length);
  line(
    '  of them committed (unacknowledged, fine)',
    givenUp.filter((g) => beforeLate.bySubject.has(g.subject)).length,
  );
  line('  of them answered IDEMPOTENCY_INTERRUPTED', interrupted);
  for (const [last, count] of [...givenUpBy].sort((a, b) => b[1] - a[1]))
    line(`  last failure ${last}`, count);
  line('requests in the database never attempted', beforeLate.strays(new Set(givenUp.map((g) => g.subject))));
  line('request numbers gap-free per day', gapText(beforeLate));
  console.log(
    `Late retry of the given-up requests, same key and body, after the ${CLAIM_LEASE_SECONDS} s claim lease:`,
  );
  line('created now (the first attempts had not committed)', late.created);
  line('replayed stored answer', late.replayed);
  line(
    'answered IDEMPOTENCY_INTERRUPTED (committed before)',
    `${late.interrupted} (id not the stored one: ${late.interruptedWrongId})`,
  );
  line('still failing', late.failed);
  line('after it: lost / duplicates', `${afterLate.lost + afterLate.wrongId} / ${afterLate.duplicates}`);
  line('after it: given up, not in the database, no answer', unresolved);
  line('after it: request numbers gap-free per day', gapText(afterLate));
  console.log('Process:');
  line(
    'Qiao deaths from database faults',
    `${deaths.postmaster + deaths.backend} (postmaster ${deaths.postmaster}, backend ${deaths.backend})`,
  );
  line('other unexpected Qiao exits', deaths.qiao + deaths.start);
  line('faults not recovered within the deadline', notRecovered);
  line('Qiao kill: restart (spawn → health 200) p50/max', pair(times('qiao')));
  line('postmaster kill: health recovery p50/max', pair(times('postmaster')));
  line(
    'backend kill: health recovery p50/max',
    `${pair(times('backend'))} (health dipped in ${done('backend').filter((r) => r.healthDipped).length} of ${done('backend').length})`,
  );
  console.log(`Failed attempts under load, by kind (${attemptsUnderLoad} attempts in all):`);
  for (const [kind, count] of failedUnderLoad) line(`  ${kind}`, count);
  if (
    beforeLate.lost + beforeLate.wrongId + afterLate.lost + afterLate.wrongId + afterLate.duplicates ||
    deaths.postmaster + deaths.backend ||
    afterLate.gaps.length ||
    late.interruptedWrongId ||
    unresolved
  )
    exitCode = 1;
} catch (error) {
  console.error('[crash] the harness failed:', error);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
