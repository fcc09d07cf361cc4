import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import {
  createLiveHub,
  eventSourceOpener,
  type HubMessage,
  type LiveStatus,
  type TabMessage,
} from './live-hub.ts';
import { ME_KEY } from './query-client.ts';
import { listenForSignOut } from './session.ts';

export type { LiveStatus };

let status: LiveStatus = 'closed';
const listeners = new Set<() => void>();

function setStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}

/** The SharedWorker's name: the staff app's own; a portal stream would take another name. */
const WORKER_NAME = 'qiao-staff-live';

interface HubLink {
  send(message: TabMessage): void;
  close(): void;
}

/** The hub inside this page, for browsers without SharedWorker (or when it fails to start). */
function localHub(onMessage: (message: HubMessage) => void): HubLink {
  const hub = createLiveHub({ open: eventSourceOpener('/api/live') });
  const port = { post: onMessage };
  return { send: (message) => hub.receive(port, message), close: () => hub.drop(port) };
}

/** The browser's shared hub; falls back to a hub in this page if the worker cannot start. */
function connectHub(onMessage: (message: HubMessage) => void): HubLink {
  if (typeof SharedWorker === 'undefined') return localHub(onMessage);
  let worker: SharedWorker;
  try {
    worker = new SharedWorker(new URL('./live.worker.ts', import.meta.url), {
      type: 'module',
      name: WORKER_NAME,
    });
  } catch {
    return localHub(onMessage);
  }
  let fallback: HubLink | undefined;
  let last: TabMessage | undefined;
  const port = worker.port;
  port.onmessage = (event: MessageEvent<HubMessage>) => onMessage(event.data);
  worker.onerror = () => {
    // The worker script did not load: carry on with a stream of this page's own.
    if (fallback) return;
    port.close();
    fallback = localHub(onMessage);
    if (last) fallback.send(last);
  };
  port.start();
  return {
    send(message) {
      last = message;
      if (fallback) fallback.send(message);
      else port.postMessage(message);
    },
    close() {
      if (fallback) return fallback.close();
      port.postMessage({ type: 'unsubscribe' } satisfies TabMessage);
      port.close();
    },
  };
}

function applyMessage(client: QueryClient, userId: number, message: HubMessage): void {
  switch (message.type) {
    case 'status':
      setStatus(message.status);
      return;
    case 'change': {
      const change = message.change;
      void client.invalidateQueries({ queryKey: [change.topic] });
      // Role and own-account changes may change what this user may see.
      if (change.topic === 'roles' || (change.topic === 'users' && Number(change.id) === userId)) {
        void client.invalidateQueries({ queryKey: ME_KEY });
      }
      return;
    }
    case 'resync':
      // The stream was down for a while: anything on screen may be stale.
      void client.invalidateQueries();
      return;
    case 'check-session':
      void client.invalidateQueries({ queryKey: ME_KEY });
      return;
  }
}

/**
 * Change events while signed in: each `change` refreshes the queries keyed by its topic. All tabs of the
 * browser share one stream (`live-hub.ts`); after an outage every tab refreshes everything, since events
 * may have been missed. Signing out in one tab signs out the others.
 */
export function useLiveUpdates(userId: number | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (userId === undefined || typeof EventSource === 'undefined') return;
    const hub = connectHub((message) => applyMessage(client, userId, message));
    const subscribe = () => hub.send({ type: 'subscribe', user: userId });
    subscribe();
    // A page kept in the back/forward cache leaves the stream and, on its return, refreshes what it shows.
    const onHide = () => hub.send({ type: 'unsubscribe' });
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      subscribe();
      void client.invalidateQueries();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    const stopListening = listenForSignOut(client);
    return () => {
      stopListening();
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
      hub.close();
      setStatus('closed');
    };
  }, [client, userId]);
}
