/**
 * Supervision of the embedded PostgreSQL Qiao started (issue 9, item 2): a periodic check that its
 * postmaster runs and accepts connections; on death a restart with back-off (1 s doubling to 30 s),
 * logged; after the last failed attempt one line for the caller, who exits so that the service manager
 * (systemd, Docker, PM2) restarts the whole.
 */

export type SupervisorStatus = 'running' | 'restarting' | 'failed';

/** What health and metrics read: `embedded.supervisor.snapshot()`. */
export interface SupervisorSnapshot {
  /** false until supervise() is called (the npm scripts run the server unsupervised). */
  supervised: boolean;
  status: SupervisorStatus;
  /** Successful restarts since Qiao started. */
  restarts: number;
  lastRestartAt: string | null;
  /** Why the last restart attempt failed, if one did. */
  lastError: string | null;
}

export interface Supervisor {
  readonly status: SupervisorStatus;
  readonly restarts: number;
  snapshot(): SupervisorSnapshot;
}

export interface SuperviseOptions {
  /** How often the server is checked; default 3 s. */
  intervalMs?: number;
  /** Restart attempts before giving up; default 5. */
  maxAttempts?: number;
  /** Wait after the first failed attempt, doubling each time; default 1 s. */
  backoffMs?: number;
  /** Longest wait between attempts; default 30 s. */
  maxBackoffMs?: number;
  /** Called once with one line when the server cannot be restarted; Qiao exits there. Default: logs it. */
  onGiveUp?: (message: string) => void;
}

/** What the supervisor needs of the server it watches. */
export interface Supervised {
  /** `dead`: no postmaster; `refusing`: a postmaster that does not accept connections. */
  check(): Promise<{ state: 'ok' | 'dead' | 'refusing'; pid: number | null }>;
  /** Starts the server again on its port (stopping a refusing one first); throws with one line. */
  restart(): Promise<void>;
  port: number;
  log: (message: string) => void;
}

/** A postmaster that refuses connections this many checks in a row is restarted. */
const REFUSALS_BEFORE_RESTART = 3;

export function createSupervisor(target: Supervised) {
  let supervised = false;
  let status: SupervisorStatus = 'running';
  let restarts = 0;
  let lastRestartAt: Date | null = null;
  let lastError: string | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let current: Promise<void> | undefined;
  let refusals = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  async function recover(options: Required<SuperviseOptions>, pid: number | null, refusing: boolean) {
    status = 'restarting';
    const since = Date.now();
    const which = pid ? `the embedded PostgreSQL (pid ${pid})` : 'the embedded PostgreSQL';
    target.log(
      refusing
        ? `${which} does not accept connections: restarting it`
        : `${which} is not running: restarting it`,
    );
    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
      if (stopped) return;
      try {
        await target.restart();
        restarts++;
        status = 'running';
        lastRestartAt = new Date();
        const seconds = ((Date.now() - since) / 1000).toFixed(1);
        target.log(
          `embedded PostgreSQL restarted on port ${target.port} (restart ${restarts}, down ${seconds} s)`,
        );
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        if (attempt === options.maxAttempts) break;
        const delay = Math.min(options.maxBackoffMs, options.backoffMs * 2 ** (attempt - 1));
        target.log(
          `restarting the embedded PostgreSQL failed (attempt ${attempt} of ${options.maxAttempts}): ${lastError}; next attempt in ${delay / 1000} s`,
        );
        await sleep(delay);
      }
    }
    if (stopped) return;
    status = 'failed';
    options.onGiveUp(
      `the embedded PostgreSQL stopped and could not be restarted after ${options.maxAttempts} attempts (${lastError}) — exiting so that the service manager restarts Qiao`,
    );
  }

  async function tick(options: Required<SuperviseOptions>) {
    const { state, pid } = await target.check().catch(() => ({ state: 'ok' as const, pid: null }));
    if (stopped) return;
    refusals = state === 'refusing' ? refusals + 1 : 0;
    if (state === 'dead' || refusals >= REFUSALS_BEFORE_RESTART) {
      refusals = 0;
      await recover(options, pid, state === 'refusing');
    }
  }

  function schedule(options: Required<SuperviseOptions>) {
    if (stopped || status === 'failed') return;
    timer = setTimeout(() => {
      current = tick(options).finally(() => {
        current = undefined;
        schedule(options);
      });
    }, options.intervalMs);
    // The server's own handles keep Qiao alive; the check alone must not.
    timer.unref();
  }

  const supervisor: Supervisor = {
    get status() {
      return status;
    },
    get restarts() {
      return restarts;
    },
    snapshot: () => ({
      supervised,
      status,
      restarts,
      lastRestartAt: lastRestartAt?.toISOString() ?? null,
      lastError,
    }),
  };

  return {
    supervisor,
    start(options: SuperviseOptions = {}) {
      if (supervised) return;
      supervised = true;
      schedule({
        intervalMs: options.intervalMs ?? 3000,
        maxAttempts: options.maxAttempts ?? 5,
        backoffMs: options.backoffMs ?? 1000,
        maxBackoffMs: options.maxBackoffMs ?? 30_000,
        onGiveUp: options.onGiveUp ?? target.log,
      });
    },
    /** Ends supervision (before a deliberate stop), waiting for a restart under way. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      await current;
    },
  };
}
