import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Locale, Localised } from '../../../shared/locale.ts';
import type { portalMessageView, portalTicketView } from '../../../shared/schemas/portal.ts';
import { type AttachmentView, uploadFile } from '../../api/attachments.ts';
import { useCursorList } from '../../api/cursor-list.ts';
import type { Ok } from '../../api/types.ts';
import { portalApi, portalCsrf } from '../api.ts';

export type PortalTicket = z.infer<typeof portalTicketView>;
export type PortalMessage = z.infer<typeof portalMessageView>;
export interface TicketType {
  id: number;
  code: string;
  label: Partial<Localised>;
}

const TICKETS = ['portal', 'tickets'] as const;
/** New replies from the service team show up without a reload while the page is open. */
const POLL_MS = 30_000;

export function useMyRequests() {
  return useCursorList<PortalTicket>({
    queryKey: [...TICKETS, 'list'],
    path: '/api/portal/tickets',
    query: {},
    limit: 20,
    keepPrevious: false,
    client: portalApi,
  });
}

export function useMyRequest(id: number) {
  return useQuery({
    queryKey: [...TICKETS, id],
    queryFn: ({ signal }) => portalApi.get<PortalTicket>(`/api/portal/tickets/${id}`, undefined, signal),
    enabled: id > 0,
    refetchInterval: POLL_MS,
  });
}

export function useRequestMessages(id: number) {
  return useQuery({
    queryKey: [...TICKETS, id, 'messages'],
    queryFn: ({ signal }) =>
      portalApi.get<PortalMessage[]>(`/api/portal/tickets/${id}/messages`, undefined, signal),
    enabled: id > 0,
    refetchInterval: POLL_MS,
  });
}

export interface NewRequest {
  typeId?: number | null;
  subject: string;
  description: string;
  orderRef?: string | null;
}

export function useCreateRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRequest) => portalApi.create<PortalTicket>('/api/portal/tickets', input),
    onSuccess: (ticket) => {
      client.setQueryData([...TICKETS, ticket.id], ticket);
      void client.invalidateQueries({ queryKey: [...TICKETS, 'list'] });
    },
  });
}

/** The request's files the customer may see: their own and those on the team's public replies. */
export function useRequestAttachments(id: number) {
  return useQuery({
    queryKey: [...TICKETS, id, 'attachments'],
    queryFn: ({ signal }) =>
      portalApi.get<AttachmentView[]>(`/api/portal/tickets/${id}/attachments`, undefined, signal),
    enabled: id > 0,
    refetchInterval: POLL_MS,
  });
}

/** One file onto the customer's own request, sent with the portal session's CSRF token. */
export function uploadRequestAttachment(id: number, file: File, onProgress?: (percent: number) => void) {
  return uploadFile(`/api/portal/tickets/${id}/attachments`, file, {
    csrf: portalCsrf,
    ...(onProgress ? { onProgress } : {}),
  });
}

/** Takes a file the customer attached but did not send off the request again. */
export function useRemoveRequestAttachment(ticketId: number) {
  const client = useQueryClient();
  return (attachmentId: number) =>
    portalApi
      .delete<void>(`/api/portal/attachments/${attachmentId}`)
      .then(() => client.invalidateQueries({ queryKey: [...TICKETS, ticketId, 'attachments'] }));
}

export function useReply(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; attachmentIds?: number[] }) =>
      portalApi.post<{ id: number }>(`/api/portal/tickets/${id}/messages`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: [...TICKETS] }),
  });
}

export function useRate(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { score: number; comment?: string | null }) =>
      portalApi.post<Ok>(`/api/portal/tickets/${id}/rating`, input),
    onSuccess: (_ok, input) => {
      client.setQueryData<PortalTicket>([...TICKETS, id], (t) =>
        t ? { ...t, satisfaction: input.score, canRate: false } : t,
      );
      void client.invalidateQueries({ queryKey: [...TICKETS] });
    },
  });
}

/** Request types a customer may choose (public; labels in every language). */
export function useTicketTypes() {
  return useQuery({
    queryKey: ['portal', 'ticket-types'],
    queryFn: ({ signal }) => portalApi.get<TicketType[]>('/api/portal/ticket-types', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export interface PublicRequest {
  name: string;
  email: string;
  phone?: string | null;
  company?: string | null;
  subject: string;
  description: string;
  /** The honeypot: always empty when a person fills the form. */
  website: string;
  /** The token fetched when the form was shown: the server measures the time to fill it from there. */
  formToken: string;
  locale: Locale;
}

/** The public form's token, fetched each time the form is shown (never reused from a cache). */
export function usePublicFormToken() {
  return useQuery({
    queryKey: ['public-form-token'],
    queryFn: ({ signal }) =>
      portalApi.get<{ formToken: string }>('/api/public/requests/form', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** The sender of a public-form request confirms, from the emailed link, that they sent it. */
export function useConfirmPublicRequest() {
  return useMutation({
    mutationFn: (token: string) => portalApi.post<Ok>('/api/public/requests/confirm', { token }),
  });
}

/** The public form (no account): answers the new request's number (null when it looked like a bot). */
export function useSubmitPublicRequest() {
  return useMutation({
    mutationFn: (input: PublicRequest) =>
      portalApi.create<{ number: string | null }>('/api/public/requests', input),
  });
}
