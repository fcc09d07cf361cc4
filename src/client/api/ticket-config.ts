import {
  keepPreviousData,
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  cannedCreate,
  cannedView,
  categoryCreate,
  categoryView,
  FieldView,
  fieldCreate,
  slaPolicyCreate,
  slaPolicyView,
  ticketTypeCreate,
  ticketTypeView,
} from '../../shared/schemas/ticket-config.ts';
import { api } from './client.ts';
import { useListWrite as useWrite } from './cursor-list.ts';
import type { CalendarView, Ok } from './types.ts';

export type { FieldView };
export type TicketTypeView = z.infer<typeof ticketTypeView>;
export type TicketTypeInput = z.output<typeof ticketTypeCreate>;
export type TicketCategoryView = z.infer<typeof categoryView>;
export type TicketCategoryInput = z.output<typeof categoryCreate>;
export type FieldInput = z.output<typeof fieldCreate>;
export type SlaPolicyView = z.infer<typeof slaPolicyView>;
export type SlaPolicyInput = z.output<typeof slaPolicyCreate>;

const TYPES: QueryKey = ['ticket-config', 'types'];
const CATEGORIES: QueryKey = ['ticket-config', 'categories'];
const POLICIES: QueryKey = ['sla-policies'];

// ---------------------------------------------------------------- types, fields, categories

/** Every request type, inactive ones included (the admin list; agents use /api/v1/ticket-types). */
export function useTicketTypes(enabled = true) {
  return useQuery({
    queryKey: TYPES,
    queryFn: ({ signal }) => api.get<TicketTypeView[]>('/api/v1/ticket-config/types', undefined, signal),
    enabled,
  });
}

export const useCreateTicketType = () =>
  useWrite(
    (input: TicketTypeInput) => api.create<TicketTypeView>('/api/v1/ticket-config/types', input),
    TYPES,
  );

export const useUpdateTicketType = () =>
  useWrite(
    ({ id, patch }: { id: number; patch: Partial<Omit<TicketTypeInput, 'code'>> }) =>
      api.patch<TicketTypeView>(`/api/v1/ticket-config/types/${id}`, patch),
    TYPES,
  );

export function useTypeFields(typeId: number | undefined) {
  return useQuery({
    queryKey: [...TYPES, typeId, 'fields'],
    queryFn: ({ signal }) =>
      api.get<FieldView[]>(`/api/v1/ticket-config/types/${typeId}/fields`, undefined, signal),
    enabled: typeId !== undefined,
  });
}

export const useCreateField = () =>
  useWrite(
    ({ typeId, input }: { typeId: number; input: FieldInput }) =>
      api.create<FieldView>(`/api/v1/ticket-config/types/${typeId}/fields`, input),
    TYPES,
  );

export const useUpdateField = () =>
  useWrite(
    ({ id, patch }: { id: number; patch: Partial<Omit<FieldInput, 'key'>> }) =>
      api.patch<FieldView>(`/api/v1/ticket-config/fields/${id}`, patch),
    TYPES,
  );

export function useTicketCategories(enabled = true) {
  return useQuery({
    queryKey: CATEGORIES,
    queryFn: ({ signal }) =>
      api.get<TicketCategoryView[]>('/api/v1/ticket-config/categories', undefined, signal),
    enabled,
  });
}

export const useCreateTicketCategory = () =>
  useWrite(
    (input: TicketCategoryInput) => api.create<TicketCategoryView>('/api/v1/ticket-config/categories', input),
    CATEGORIES,
  );

export const useUpdateTicketCategory = () =>
  useWrite(
    ({ id, patch }: { id: number; patch: Partial<TicketCategoryInput> }) =>
      api.patch<TicketCategoryView>(`/api/v1/ticket-config/categories/${id}`, patch),
    CATEGORIES,
  );

// ---------------------------------------------------------------- SLA policies

/** Ordered by position: the first active policy whose conditions match a request applies. */
export function useSlaPolicies() {
  return useQuery({
    queryKey: POLICIES,
    queryFn: ({ signal }) => api.get<SlaPolicyView[]>('/api/v1/sla-policies', undefined, signal),
  });
}

export const useCreateSlaPolicy = () =>
  useWrite((input: SlaPolicyInput) => api.create<SlaPolicyView>('/api/v1/sla-policies', input), POLICIES);

export const useUpdateSlaPolicy = () =>
  useWrite(
    ({ id, patch }: { id: number; patch: Partial<SlaPolicyInput> }) =>
      api.patch<SlaPolicyView>(`/api/v1/sla-policies/${id}`, patch),
    POLICIES,
  );

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
        ? api.create<CannedView>('/api/v1/canned-responses', input)
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

/** The business calendars an SLA policy may run on (same cache as the calendar page). */
export function useCalendarChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['calendars'],
    queryFn: ({ signal }) => api.get<CalendarView[]>('/api/v1/calendars', undefined, signal),
    enabled,
  });
}
