import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../shared/locale.ts';
import { api } from './client.ts';
import { useCursorList } from './cursor-list.ts';
import type { Ok } from './types.ts';

// ---------------------------------------------------------------- in-app notifications 站内通知

export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  nextCursor: string | null;
}

/** The latest in-app notifications and the unread count; the live topic 'notifications' refreshes them. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/v1/notifications', { limit: 20 }, signal),
    staleTime: 60_000,
  });
}

/** Marks the given notifications read, or all of them without ids. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) => api.post<{ ok: true }>('/api/v1/notifications/read', ids ? { ids } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
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

/** Newest first, 50 at a time, optionally for one recipient. */
export function useOutboundMessages(recipient: string) {
  return useCursorList<OutboundMessageView>({
    queryKey: ['outbound-messages', recipient],
    path: '/api/v1/outbound-messages',
    query: { recipient: recipient.trim() || undefined },
    limit: 50,
    keepPrevious: false,
  });
}
