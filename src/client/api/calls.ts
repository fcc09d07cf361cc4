import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CallView, callCreate, callerLookup } from '../../shared/schemas/calls.ts';
import { api } from './client.ts';
import { useCursorList } from './cursor-list.ts';

export type { CallView };
export type CallCreate = z.input<typeof callCreate>;
export type CallerLookup = z.infer<typeof callerLookup>;

export interface CallFilter {
  direction?: 'inbound' | 'outbound' | undefined;
  number?: string | undefined;
  /** Text search: the number in any format, purpose, result, notes. */
  q?: string | undefined;
}

/** The call log, newest first; keys start with the live topic 'calls'. */
export function useCallLog(filter: CallFilter) {
  return useCursorList<CallView>({
    queryKey: ['calls', 'list', filter],
    path: '/api/v1/calls',
    query: { ...filter },
    limit: 25,
  });
}

export function useLogCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallCreate) => api.create<CallView>('/api/v1/calls', input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['calls'] });
      void client.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

/** Screen-pop: the caller's contact, customer, open requests and recent calls. */
export function useCallerLookup(number: string | undefined) {
  const digits = number?.trim() ?? '';
  return useQuery({
    queryKey: ['calls', 'lookup', digits],
    queryFn: ({ signal }) => api.get<CallerLookup>('/api/v1/calls/lookup', { number: digits }, signal),
    enabled: digits.length >= 3,
  });
}

/**
 * Calls ringing now. The key starts with the live topic 'call-ringing': a telephony "ringing" event
 * refreshes it, and the listener compares with what it has already shown.
 */
export function useRingingCalls(enabled: boolean) {
  return useQuery({
    queryKey: ['call-ringing'],
    queryFn: async ({ signal }) => {
      const page = await api.get<{ items: CallView[] }>(
        '/api/v1/calls',
        { direction: 'inbound', limit: 10 },
        signal,
      );
      return page.items.filter((c) => c.state === 'ringing');
    },
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Links a logged call to the request registered for it. */
export function useAttachCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, ticketId }: { callId: number; ticketId: number }) =>
      api.post<{ ok: true }>(`/api/v1/calls/${callId}/ticket`, { ticketId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calls'] }),
  });
}
