import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { Locale } from '../../shared/locale.ts';
import type { cannedCreate, cannedView } from '../../shared/schemas/ticket-config.ts';
import { api } from './client.ts';
import type { Ok } from './types.ts';

// ---------------------------------------------------------------- canned responses 快捷回复

export type CannedView = z.infer<typeof cannedView>;
export type CannedInput = z.output<typeof cannedCreate>;

/** Shared responses and the caller's own; `q` searches title and body (Chinese and English). */
export function useCannedResponses(q: string) {
  return useQuery({
    queryKey: ['canned-responses', q],
    queryFn: ({ signal }) =>
      api.get<CannedView[]>('/api/v1/canned-responses', { q: q.trim() || undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveCanned() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: CannedInput }) =>
      id === null
        ? api.post<CannedView>('/api/v1/canned-responses', input)
        : api.patch<CannedView>(`/api/v1/canned-responses/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['canned-responses'] }),
  });
}

export function useDeleteCanned() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<Ok>(`/api/v1/canned-responses/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['canned-responses'] }),
  });
}

// ---------------------------------------------------------------- message templates 消息模板

export type TemplateChannel = 'email' | 'sms' | 'in_app';

export interface MessageTemplateView {
  key: string;
  channel: TemplateChannel;
  locale: Locale;
  subject: string | null;
  body: string;
  /** An administrator's text replaces the built-in one. */
  customised: boolean;
}

export function useMessageTemplates() {
  return useQuery({
    queryKey: ['message-templates'],
    queryFn: ({ signal }) => api.get<MessageTemplateView[]>('/api/v1/message-templates', undefined, signal),
  });
}

export interface TemplateInput {
  key: string;
  channel: TemplateChannel;
  locale: Locale;
  subject: string | null;
  body: string;
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateInput) => api.put<Ok>('/api/v1/message-templates', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['message-templates'] }),
  });
}

// ---------------------------------------------------------------- outbound log 发送记录

export interface OutboundMessageView {
  id: number;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  /** queued, sent, logged (no provider configured: written to the log only) or failed. */
  status: string;
  provider: string | null;
  error: string | null;
  createdAt: string;
}

interface OutboundPage {
  items: OutboundMessageView[];
  nextCursor: string | null;
}

/** Newest first, 50 at a time, optionally for one recipient. */
export function useOutboundMessages(recipient: string) {
  return useInfiniteQuery({
    queryKey: ['outbound-messages', recipient],
    queryFn: ({ pageParam, signal }) =>
      api.get<OutboundPage>(
        '/api/v1/outbound-messages',
        { recipient: recipient.trim() || undefined, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
