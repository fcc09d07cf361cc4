import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { EmailView } from '../../shared/schemas/email.ts';
import type { KbArticleSummary, KbSuggestion } from '../../shared/schemas/knowledge.ts';
import { api } from './client.ts';
import { TICKETS_KEY } from './tickets.ts';

export type { EmailView, KbArticleSummary, KbSuggestion };

export interface TicketMessage {
  id: number;
  kind: 'public' | 'internal' | 'system' | string;
  channel: string | null;
  authorUserId: number | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface TicketEvent {
  id: number;
  kind: string;
  occurredAt: string;
  actorName: string | null;
  data: Record<string, unknown>;
}

export function useTicketMessages(id: number) {
  return useQuery({
    queryKey: ['tickets', 'messages', id],
    queryFn: ({ signal }) => api.get<TicketMessage[]>(`/api/v1/tickets/${id}/messages`, undefined, signal),
  });
}

export function useTicketEvents(id: number) {
  return useQuery({
    queryKey: ['tickets', 'events', id],
    queryFn: ({ signal }) => api.get<TicketEvent[]>(`/api/v1/tickets/${id}/events`, undefined, signal),
  });
}

/** The mail of an email request: sanitised HTML, addresses and delivery state. */
export function useTicketEmails(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'emails', id],
    queryFn: ({ signal }) => api.get<EmailView[]>(`/api/v1/tickets/${id}/emails`, undefined, signal),
    enabled,
  });
}

export function useAddMessage(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      kind: 'public' | 'internal';
      body: string;
      attachmentIds?: number[] | undefined;
    }) => api.create<{ id: number }>(`/api/v1/tickets/${id}/messages`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: TICKETS_KEY }),
  });
}

export interface PresenceOther {
  userId: number;
  displayName: string;
  composing: boolean;
}

/**
 * Collision warning. The screen reports itself every 20 s and as soon as typing starts; the answer lists
 * the other agents on the request. The key starts with the live topic 'ticket-presence', so another agent
 * starting to type refreshes it at once. A report within 3 s of the last one is answered from memory:
 * our own "I am typing" event must not set off another report, and another, and another.
 */
export function useTicketPresence(id: number, composing: boolean) {
  const last = useRef<{ at: number; composing: boolean; others: PresenceOther[] } | null>(null);
  const composingRef = useRef(composing);
  composingRef.current = composing;
  const query = useQuery({
    queryKey: ['ticket-presence', id],
    queryFn: async () => {
      const now = Date.now();
      const previous = last.current;
      if (previous && now - previous.at < 3000 && previous.composing === composingRef.current) {
        return previous.others;
      }
      const answer = await api.post<{ others: PresenceOther[] }>(`/api/v1/tickets/${id}/presence`, {
        composing: composingRef.current,
      });
      last.current = { at: now, composing: composingRef.current, others: answer.others };
      return answer.others;
    },
    refetchInterval: 20_000,
    refetchIntervalInBackground: false,
    staleTime: 0,
    retry: false,
  });
  const { refetch } = query;
  // Starting (or stopping) to type is reported at once.
  useEffect(() => {
    if (last.current && last.current.composing !== composing) void refetch();
  }, [composing, refetch]);
  return query.data ?? [];
}

export interface CannedResponse {
  id: number;
  title: string;
  body: string;
  category: string | null;
  language: string | null;
  shared: boolean;
  ownerUserId: number | null;
}

export function useCannedResponses(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['canned-responses', q],
    queryFn: ({ signal }) =>
      api.get<CannedResponse[]>('/api/v1/canned-responses', { q: q || undefined }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** A canned response with the request's variables filled in (customer name, number, due time, …). */
export function fillCanned(ticketId: number, cannedId: number) {
  return api.get<{ body: string }>(`/api/v1/tickets/${ticketId}/canned-responses/${cannedId}`);
}

/** Published articles (internal scripts included) matching the request's text. Keys start with 'kb'. */
export function useKbSuggestions(text: string, enabled: boolean) {
  return useQuery({
    queryKey: ['kb', 'suggest', text],
    queryFn: ({ signal }) => api.get<KbSuggestion[]>('/api/v1/kb/suggest', { text, limit: 8 }, signal),
    enabled: enabled && text.trim().length > 0,
  });
}

export function useKbSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['kb', 'articles', 'published', q],
    queryFn: ({ signal }) =>
      api.get<{ items: KbArticleSummary[]; nextCursor: string | null }>(
        '/api/v1/kb/articles',
        { q: q || undefined, status: 'published', limit: 10 },
        signal,
      ),
    enabled: enabled && q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The plain text of an article, for inserting into a reply. */
export function fetchKbArticle(id: number) {
  return api.get<{ id: number; title: string; bodyText: string; visibility: string }>(
    `/api/v1/kb/articles/${id}`,
  );
}
