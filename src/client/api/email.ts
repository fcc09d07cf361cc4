import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EmailView,
  MailboxPollResult,
  MailboxView,
  mailboxCreate,
  mailboxTestResult,
  mailboxUpdate,
} from '../../shared/schemas/email.ts';
import { api } from './client.ts';
import type { Ok } from './types.ts';

export type { EmailView, MailboxPollResult, MailboxView };
export type MailboxInput = z.input<typeof mailboxCreate>;
export type MailboxPatch = z.input<typeof mailboxUpdate>;
export type MailboxTestResult = z.infer<typeof mailboxTestResult>;

export function useMailboxes() {
  return useQuery({
    queryKey: ['mailboxes'],
    queryFn: ({ signal }) => api.get<MailboxView[]>('/api/v1/mailboxes', undefined, signal),
  });
}

export function useSaveMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: MailboxPatch }) =>
      id === null
        ? api.create<MailboxView>('/api/v1/mailboxes', input)
        : api.patch<MailboxView>(`/api/v1/mailboxes/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mailboxes'] }),
  });
}

export function useDeleteMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<Ok>(`/api/v1/mailboxes/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mailboxes'] }),
  });
}

/** Signs in to IMAP and verifies SMTP with the saved settings; failure is MAILBOX_CONNECTION_FAILED. */
export function useTestMailbox() {
  return useMutation({
    mutationFn: (id: number) => api.post<MailboxTestResult>(`/api/v1/mailboxes/${id}/test`),
  });
}

export function usePollMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<MailboxPollResult>(`/api/v1/mailboxes/${id}/poll`),
    onSettled: () => client.invalidateQueries({ queryKey: ['mailboxes'] }),
  });
}

/** The mailbox's recent mail in and out, newest first. */
export function useMailboxLog(id: number | undefined, status?: EmailView['status']) {
  return useQuery({
    queryKey: ['mailboxes', id, 'log', status ?? null],
    queryFn: ({ signal }) =>
      api.get<EmailView[]>(`/api/v1/mailboxes/${id}/log`, { limit: 100, status }, signal),
    enabled: id !== undefined,
  });
}
