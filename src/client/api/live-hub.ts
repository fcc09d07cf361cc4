/**
 * The one live-update connection of a browser, shared by all its tabs of the staff app.
 *
 * Over plain HTTP/1.1 a browser opens at most six connections per origin; with one event stream per tab
 * the seventh tab never loaded and back/forward stalled. The hub holds a single stream and passes every
 * event to each subscribed tab. It runs in a SharedWorker (`live.worker.ts`) and, where a browser has
 * none, inside the page itself with that page as its only subscriber.
 *
 * This module is free of the DOM apart from `eventSourceOpener`, so its decisions are tested with fakes.
 */

export type LiveStatus = 'connecting' | 'open' | 'closed';

/** A change worth refreshing a screen for: a topic (the first part of the query keys) and maybe an id. */
export interface ChangeEvent {
  topic: string;
  id?: number | string;
}

/** What the hub tells each tab. */
export type HubMessage =
  | { type: 'status'; status: LiveStatus }
  | { type: 'change'; change: ChangeEvent }
  /** The stream came back after a gap: events may have been missed, so refetch what is on screen. */
  | { type: 'resync' }
  /** The server refused the stream (e.g. the session ended) or another account signed in: re-read the session. */
  | { type: 'check-session' };

/** What a tab tells the hub. */
export type TabMessage = { type: 'subscribe'; user: number } | { type: 'unsubscribe' };

export interface HubPort {
  post(message: HubMessage): void;
}

export interface SourceHandlers {
  open(): void;
  change(data: string): void;
  /** `refused`: the server answered with an error (no automatic retry would help without a check). */
  error(refused: boolean): void;
}

export type OpenSource = (handlers: SourceHandlers) => { close(): void };

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface LiveHub {
  receive(port: HubPort, message: TabMessage): void;
  /** A tab that went away without saying so (its port closed). */
  drop(port: HubPort): void;
}

export function parseChange(data: string): ChangeEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (value && typeof value === 'object' && 'topic' in value && typeof value.topic === 'string') {
      return value as ChangeEvent;
    }
  } catch {
    // Not ours: ignore.
  }
  return null;
}

/** 1 s, 2 s, 4 s … up to 30 s, spread by ±25 % so that browsers do not all come back in the same instant. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  return Math.round(Math.min(30_000, 1000 * 2 ** attempt) * (0.75 + random() * 0.5));
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createLiveHub(options: {
  open: OpenSource;
  timers?: Timers;
  random?: () => number;
}): LiveHub {
  const timers = options.timers ?? realTimers;
  const ports = new Set<HubPort>();
  let user: number | undefined;
  let source: { close(): void } | undefined;
  let retry: unknown;
  let attempt = 0;
  let everOpened = false;
  let status: LiveStatus = 'closed';

  const broadcast = (message: HubMessage) => {
    for (const port of ports) port.post(message);
  };
  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    broadcast({ type: 'status', status });
  };

  const connect = () => {
    retry = undefined;
    setStatus('connecting');
    const current = options.open({
      open() {
        if (source !== current) return;
        if (everOpened) broadcast({ type: 'resync' });
        everOpened = true;
        attempt = 0;
        setStatus('open');
      },
      change(data) {
        if (source !== current) return;
        const change = parseChange(data);
        if (change) broadcast({ type: 'change', change });
      },
      error(refused) {
        if (source !== current) return;
        // The hub retries itself (with back-off) rather than leaving it to the browser's fixed 3 s.
        current.close();
        source = undefined;
        setStatus(refused ? 'closed' : 'connecting');
        if (refused) broadcast({ type: 'check-session' });
        retry = timers.set(connect, backoff(attempt, options.random));
        attempt += 1;
      },
    });
    source = current;
  };

  const disconnect = () => {
    if (retry !== undefined) timers.clear(retry);
    retry = undefined;
    source?.close();
    source = undefined;
    attempt = 0;
    everOpened = false;
    user = undefined;
    setStatus('closed');
  };

  const drop = (port: HubPort) => {
    if (!ports.delete(port)) return;
    if (ports.size === 0) disconnect();
  };

  return {
    receive(port, message) {
      if (message.type === 'unsubscribe') return drop(port);
      if (user !== undefined && message.user !== user) {
        // Another account signed in in this browser: the stream belongs to the old session.
        const others = [...ports].filter((p) => p !== port);
        ports.clear();
        disconnect();
        for (const other of others) other.post({ type: 'check-session' });
      }
      ports.add(port);
      user = message.user;
      port.post({ type: 'status', status });
      if (source === undefined && retry === undefined) connect();
    },
    drop,
  };
}

/** The browser's EventSource behind the hub's `OpenSource`. */
export function eventSourceOpener(url: string): OpenSource {
  return (handlers) => {
    const source = new EventSource(url);
    source.onopen = () => handlers.open();
    source.addEventListener('change', (event) => handlers.change((event as MessageEvent<string>).data));
    source.onerror = () => handlers.error(source.readyState === EventSource.CLOSED);
    return { close: () => source.close() };
  };
}
