import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TicketCreate,
  TicketListQuery,
  TicketUpdate,
  TicketView,
} from '../../shared/schemas/tickets.ts';
import type { TicketStatus } from '../../shared/tickets/ticket-status.ts';
import { api } from './client.ts';
import { type CursorPage, useCursorList } from './cursor-list.ts';
import type { Ok } from './types.ts';

export type { TicketView };

/** Every key here starts with 'tickets': a live change to any request refreshes what is on screen. */
export const TICKETS_KEY = ['tickets'] as const;

export const TICKET_VIEWS = ['mine', 'unassigned', 'open', 'due_soon', 'breached', 'waiting', 'all'] as const;
export type TicketViewName = (typeof TICKET_VIEWS)[number];

export type TicketFilter = Partial<Omit<TicketListQuery, 'cursor' | 'limit' | 'view'>> & {
  view: TicketViewName;
};

export type TicketPage = CursorPage<TicketView>;

/** Newest first, 25 at a time; "load more" follows the keyset cursor. */
export function useTicketList(filter: TicketFilter) {
  return useCursorList<TicketView>({
    queryKey: ['tickets', 'list', filter],
    path: '/api/v1/tickets',
    query: { ...filter },
    limit: 25,
    // SLA colours move with time even when nobody changes the request.
    refetchInterval: 60_000,
  });
}

/** Requests of one customer (the customer panel); a short list, no paging. */
export function useCustomerTickets(customerId: number | null, enabled = true) {
  return useQuery({
    queryKey: ['tickets', 'customer', customerId],
    queryFn: ({ signal }) =>
      api.get<TicketPage>('/api/v1/tickets', { view: 'open', customerId, limit: 10 }, signal),
    enabled: enabled && customerId !== null,
  });
}

/** How many requests a view holds, up to 100 ("100+" beyond): for the workbench. */
export function useTicketCount(view: TicketViewName, enabled = true) {
  return useQuery({
    queryKey: ['tickets', 'count', view],
    queryFn: async ({ signal }) => {
      const page = await api.get<TicketPage>('/api/v1/tickets', { view, limit: 100 }, signal);
      return { count: page.items.length, more: page.nextCursor !== null };
    },
    enabled,
  });
}

/** A quick search for pickers (merge target, link): number or words. */
export function useTicketSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['tickets', 'search', q],
    queryFn: ({ signal }) =>
      api.get<TicketPage>('/api/v1/tickets', { view: 'all', q: q || undefined, limit: 15 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useTicket(id: number | undefined) {
  return useQuery({
    queryKey: ['tickets', 'one', id],
    queryFn: ({ signal }) => api.get<TicketView>(`/api/v1/tickets/${id}`, undefined, signal),
    enabled: id !== undefined,
    refetchInterval: 60_000,
  });
}

function useTicketWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: TICKETS_KEY }),
  });
}

export function useCreateTicket() {
  return useTicketWrite((input: TicketCreate) => api.create<TicketView>('/api/v1/tickets', input));
}

export function useUpdateTicket(id: number) {
  return useTicketWrite((patch: TicketUpdate) => api.patch<TicketView>(`/api/v1/tickets/${id}`, patch));
}

export function useTransitionTicket(id: number) {
  return useTicketWrite((input: { status: TicketStatus; reason?: string | null }) =>
    api.post<TicketView>(`/api/v1/tickets/${id}/transition`, input),
  );
}

export function useAssignTicket(id: number) {
  return useTicketWrite(
    (input: { assigneeId: number | null; teamId?: number | null; reason?: string | null }) =>
      api.post<TicketView>(`/api/v1/tickets/${id}/assign`, input),
  );
}

/** The sender of a public-form request checked out: their requests join the matching contact on file. */
export function useConfirmSender(id: number) {
  return useTicketWrite(() => api.post<Ok>(`/api/v1/tickets/${id}/confirm-sender`, {}));
}

export type BulkAction =
  | { action: 'assign'; assigneeId: number | null; reason?: string | null }
  | { action: 'status'; status: TicketStatus; reason?: string | null }
  | { action: 'tag'; add: string[]; remove: string[] };

export interface BulkResult {
  results: { id: number; ok: boolean; code: string | null }[];
}

export function useBulkTickets() {
  return useTicketWrite((input: { ids: number[] } & BulkAction) =>
    api.post<BulkResult>('/api/v1/tickets/bulk', input),
  );
}

export function useMergeTicket(id: number) {
  return useTicketWrite((targetId: number) =>
    api.post<{ ok: true }>(`/api/v1/tickets/${id}/merge`, { targetId }),
  );
}

export function useSplitTicket(id: number) {
  return useTicketWrite((input: { messageIds: number[]; subject: string }) =>
    api.create<{ id: number }>(`/api/v1/tickets/${id}/split`, input),
  );
}

export interface TicketLink {
  id: number;
  number: string;
  subject: string;
  status: string;
  kind: string;
  direction: 'out' | 'in';
}

export function useTicketLinks(id: number) {
  return useQuery({
    queryKey: ['tickets', 'links', id],
    queryFn: ({ signal }) => api.get<TicketLink[]>(`/api/v1/tickets/${id}/links`, undefined, signal),
  });
}

export function useLinkTicket(id: number) {
  return useTicketWrite(({ relatedId, remove }: { relatedId: number; remove?: boolean }) =>
    remove
      ? api.delete<{ ok: true }>(`/api/v1/tickets/${id}/links/${relatedId}`)
      : api.post<{ ok: true }>(`/api/v1/tickets/${id}/links`, { relatedId }),
  );
}
