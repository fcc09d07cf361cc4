import { describe, expect, it } from 'vitest';
import { backoff, createLiveHub, type HubMessage, type HubPort, type SourceHandlers } from './live-hub.ts';

/** The browser side the hub talks to, played by hand: event streams the test opens and breaks, a clock it advances. */
function browser() {
  const streams: { handlers: SourceHandlers; closed: boolean }[] = [];
  const timers: { run: () => void; at: number }[] = [];
  let now = 0;
  const hub = createLiveHub({
    open(handlers) {
      const stream = { handlers, closed: false };
      streams.push(stream);
      return {
        close: () => {
          stream.closed = true;
        },
      };
    },
    timers: {
      set: (run, ms) => {
        const timer = { run, at: now + ms };
        timers.push(timer);
        return timer;
      },
      clear: (handle) => void timers.splice(timers.indexOf(handle as (typeof timers)[number]), 1),
    },
    random: () => 0.5,
  });
  const tab = () => {
    const received: HubMessage[] = [];
    const port: HubPort = { post: (message) => received.push(message) };
    return { port, received, types: () => received.map((m) => m.type) };
  };
  const open = () => streams.filter((s) => !s.closed);
  const latest = () => streams.at(-1)!;
  /** Lets the clock run `ms`, firing what falls due. */
  const advance = (ms: number) => {
    now += ms;
    for (const due of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(due), 1);
      due.run();
    }
  };
  return { hub, tab, streams, open, latest, advance };
}

describe('one live stream shared by all tabs', () => {
  it('ten tabs of one user share one stream and each hears every change', () => {
    const b = browser();
    const tabs = Array.from({ length: 10 }, () => b.tab());
    for (const t of tabs) b.hub.receive(t.port, { type: 'subscribe', user: 7 });
    expect(b.streams).toHaveLength(1);
    b.latest().handlers.open();
    b.latest().handlers.change('{"topic":"tickets","id":12}');
    b.latest().handlers.change('not json');
    for (const t of tabs) {
      expect(t.received).toContainEqual({ type: 'status', status: 'open' });
      expect(t.received).toContainEqual({ type: 'change', change: { topic: 'tickets', id: 12 } });
      expect(t.types().filter((type) => type === 'change')).toHaveLength(1);
    }
  });

  it('a tab joining an open stream is told it is open; the stream ends only when the last tab leaves', () => {
    const b = browser();
    const first = b.tab();
    const second = b.tab();
    b.hub.receive(first.port, { type: 'subscribe', user: 7 });
    b.latest().handlers.open();
    b.hub.receive(second.port, { type: 'subscribe', user: 7 });
    expect(second.received).toEqual([{ type: 'status', status: 'open' }]);

    b.hub.receive(first.port, { type: 'unsubscribe' });
    expect(b.open()).toHaveLength(1);
    b.latest().handlers.change('{"topic":"users"}');
    expect(second.types()).toContain('change');
    expect(first.types()).not.toContain('change');

    b.hub.drop(second.port);
    expect(b.open()).toHaveLength(0);
    expect(b.streams).toHaveLength(1);
  });

  it('a dropped stream comes back with growing back-off, and then every tab refetches (resync)', () => {
    const b = browser();
    const tabs = [b.tab(), b.tab()];
    for (const t of tabs) b.hub.receive(t.port, { type: 'subscribe', user: 7 });
    b.latest().handlers.open();

    b.latest().handlers.error(false);
    expect(b.open()).toHaveLength(0);
    expect(tabs[0]!.received.at(-1)).toEqual({ type: 'status', status: 'connecting' });
    b.advance(999);
    expect(b.streams).toHaveLength(1);
    b.advance(1);
    expect(b.streams).toHaveLength(2);

    b.latest().handlers.error(false);
    b.advance(1999);
    expect(b.streams).toHaveLength(2);
    b.advance(1);
    expect(b.streams).toHaveLength(3);
    expect(tabs[0]!.types()).not.toContain('resync');

    b.latest().handlers.open();
    for (const t of tabs)
      expect(t.received.slice(-2)).toEqual([{ type: 'resync' }, { type: 'status', status: 'open' }]);

    // After a successful open the back-off starts again from one second.
    b.latest().handlers.error(false);
    b.advance(1000);
    expect(b.streams).toHaveLength(4);
  });

  it('a refused stream makes every tab check its session, and the hub stops once they have all left', () => {
    const b = browser();
    const tabs = [b.tab(), b.tab()];
    for (const t of tabs) b.hub.receive(t.port, { type: 'subscribe', user: 7 });
    b.latest().handlers.error(true);
    for (const t of tabs) {
      expect(t.received).toContainEqual({ type: 'check-session' });
      expect(t.received).toContainEqual({ type: 'status', status: 'closed' });
    }
    // The session is gone: each tab leaves, and no retry happens afterwards.
    for (const t of tabs) b.hub.receive(t.port, { type: 'unsubscribe' });
    b.advance(60_000);
    expect(b.streams).toHaveLength(1);
  });

  it('another account signing in replaces the stream and sends the old tabs to check their session', () => {
    const b = browser();
    const old = b.tab();
    const fresh = b.tab();
    b.hub.receive(old.port, { type: 'subscribe', user: 7 });
    b.latest().handlers.open();
    b.hub.receive(fresh.port, { type: 'subscribe', user: 8 });
    expect(b.streams).toHaveLength(2);
    expect(b.open()).toEqual([b.latest()]);
    expect(old.received.at(-1)).toEqual({ type: 'check-session' });
    b.latest().handlers.change('{"topic":"tickets"}');
    expect(old.types()).not.toContain('change');
    expect(fresh.types()).toContain('change');
  });

  it('late events from a closed stream are ignored', () => {
    const b = browser();
    const t = b.tab();
    b.hub.receive(t.port, { type: 'subscribe', user: 7 });
    const first = b.latest();
    first.handlers.error(false);
    b.advance(1000);
    first.handlers.change('{"topic":"tickets"}');
    first.handlers.error(false);
    expect(t.types()).not.toContain('change');
    expect(b.streams).toHaveLength(2);
  });
});

describe('back-off', () => {
  it('doubles from one second up to thirty, spread by a quarter either way', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoff(n, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
    expect(backoff(0, () => 0)).toBe(750);
    expect(backoff(9, () => 1)).toBe(37_500);
  });
});
