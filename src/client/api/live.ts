import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { ME_KEY } from './query-client.ts';

export type LiveStatus = 'connecting' | 'open' | 'closed';

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

interface ChangeEvent {
  topic: string;
  id?: number | string;
}

function parseChange(data: string): ChangeEvent | null {
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

/**
 * Server-sent change events while signed in: each `change` refreshes the queries keyed by its topic.
 * After an outage every query is refreshed, since events may have been missed.
 */
export function useLiveUpdates(userId: number | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (userId === undefined || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let everOpened = false;

    const connect = () => {
      setStatus('connecting');
      const next = new EventSource('/api/live');
      source = next;
      next.onopen = () => {
        if (everOpened) void client.invalidateQueries();
        everOpened = true;
        attempt = 0;
        setStatus('open');
      };
      next.addEventListener('change', (event) => {
        const change = parseChange((event as MessageEvent<string>).data);
        if (!change) return;
        void client.invalidateQueries({ queryKey: [change.topic] });
        // Role and own-account changes may change what this user may see.
        if (change.topic === 'roles' || (change.topic === 'users' && Number(change.id) === userId)) {
          void client.invalidateQueries({ queryKey: ME_KEY });
        }
      });
      next.onerror = () => {
        if (next.readyState !== EventSource.CLOSED) {
          setStatus('connecting');
          return;
        }
        // The browser gave up (e.g. the session ended): check the session, then try again later.
        next.close();
        setStatus('closed');
        void client.invalidateQueries({ queryKey: ME_KEY });
        retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempt));
        attempt += 1;
      };
    };

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
      setStatus('closed');
    };
  }, [client, userId]);
}
