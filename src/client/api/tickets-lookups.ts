import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Localised } from '../../shared/locale.ts';
import type { TeamView } from '../../shared/schemas/assignment.ts';
import type { FieldView } from '../../shared/schemas/ticket-config.ts';
import { api } from './client.ts';
import type { Page, UserView } from './types.ts';

export type { FieldView, TeamView };

/**
 * Look-ups the request screens need: types, categories and custom fields (no live topic of their own;
 * keys start with 'ticket-config'), teams, contacts and colleagues.
 */
export interface TicketTypeOption {
  id: number;
  code: string;
  label: Localised;
}

export interface CategoryOption {
  id: number;
  parentId: number | null;
  label: Localised;
  isActive: boolean;
  sortOrder: number;
}

export function useTicketTypes() {
  return useQuery({
    queryKey: ['ticket-config', 'active-types'],
    queryFn: ({ signal }) => api.get<TicketTypeOption[]>('/api/v1/ticket-types', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useTicketCategories() {
  return useQuery({
    queryKey: ['ticket-config', 'categories'],
    queryFn: ({ signal }) => api.get<CategoryOption[]>('/api/v1/ticket-config/categories', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** The custom fields of a type, active ones in their order. */
export function useTypeFields(typeId: number | undefined) {
  return useQuery({
    queryKey: ['ticket-config', 'fields', typeId],
    queryFn: async ({ signal }) =>
      (await api.get<FieldView[]>(`/api/v1/ticket-config/types/${typeId}/fields`, undefined, signal))
        .filter((f) => f.isActive)
        .sort((a, b) => a.sortOrder - b.sortOrder),
    enabled: typeId !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api.get<TeamView[]>('/api/v1/teams', undefined, signal),
    enabled,
  });
}

/** "Away": automatic assignment skips the agent in every team they belong to. */
export function useSetAway() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (isAway: boolean) => api.post<{ ok: true }>('/api/v1/me/away', { isAway }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export interface ContactMatch {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  customerId: number | null;
  customerName: string | null;
  customerClass: string | null;
  /** Phone and email are masked (the user lacks customer.view_sensitive). */
  masked: boolean;
}

export function useContactLookup(q: string, enabled = true) {
  return useQuery({
    queryKey: ['contacts', 'lookup', q],
    queryFn: ({ signal }) => api.get<ContactMatch[]>('/api/v1/contacts/lookup', { q, limit: 10 }, signal),
    enabled: enabled && q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export interface StaffOption {
  id: number;
  username: string;
  displayName: string;
}

/**
 * Colleagues to assign or @mention: the user directory when the role may read it, else the members of
 * the teams (which every agent may see).
 */
export function useStaff(q: string, canReadUsers: boolean, enabled = true) {
  const users = useQuery({
    queryKey: ['users', 'staff', q],
    queryFn: ({ signal }) =>
      api.get<Page<UserView>>(
        '/api/v1/users',
        { q: q || undefined, status: 'active', page: 1, pageSize: 30 },
        signal,
      ),
    enabled: enabled && canReadUsers,
    placeholderData: keepPreviousData,
  });
  const teams = useTeams(enabled && !canReadUsers);
  if (canReadUsers) {
    return {
      isPending: users.isPending && users.fetchStatus !== 'idle',
      options: (users.data?.items ?? []).map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
      })),
    };
  }
  const seen = new Map<number, StaffOption>();
  for (const team of teams.data ?? []) {
    for (const m of team.members) {
      if (!seen.has(m.userId)) seen.set(m.userId, { id: m.userId, username: '', displayName: m.displayName });
    }
  }
  const needle = q.trim().toLowerCase();
  return {
    isPending: teams.isPending && teams.fetchStatus !== 'idle',
    options: [...seen.values()].filter((s) => !needle || s.displayName.toLowerCase().includes(needle)),
  };
}

/** Colleagues' names by id (for the history: "assigned to …"). */
export function useStaffNames(canReadUsers: boolean): Map<number, string> {
  const users = useQuery({
    queryKey: ['users', 'staff-names'],
    queryFn: ({ signal }) => api.get<Page<UserView>>('/api/v1/users', { page: 1, pageSize: 100 }, signal),
    enabled: canReadUsers,
    staleTime: 5 * 60_000,
  });
  const teams = useTeams(!canReadUsers);
  const names = new Map<number, string>();
  for (const u of users.data?.items ?? []) names.set(u.id, u.displayName);
  for (const team of teams.data ?? []) for (const m of team.members) names.set(m.userId, m.displayName);
  return names;
}
