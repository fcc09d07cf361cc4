import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignmentRuleView,
  assignmentRuleCreate,
  TeamView,
  teamCreate,
} from '../../shared/schemas/assignment.ts';
import type {
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
import type { CalendarView, Ok } from './types.ts';

export type { AssignmentRuleView, FieldView, TeamView };
export type TicketTypeView = z.infer<typeof ticketTypeView>;
export type TicketTypeInput = z.output<typeof ticketTypeCreate>;
export type TicketCategoryView = z.infer<typeof categoryView>;
export type TicketCategoryInput = z.output<typeof categoryCreate>;
export type FieldInput = z.output<typeof fieldCreate>;
export type SlaPolicyView = z.infer<typeof slaPolicyView>;
export type SlaPolicyInput = z.output<typeof slaPolicyCreate>;
export type TeamInput = z.output<typeof teamCreate>;
export type AssignmentRuleInput = z.output<typeof assignmentRuleCreate>;

const TYPES: QueryKey = ['ticket-config', 'types'];
const CATEGORIES: QueryKey = ['ticket-config', 'categories'];
const POLICIES: QueryKey = ['sla-policies'];
const TEAMS: QueryKey = ['teams'];
const RULES: QueryKey = ['assignment-rules'];

/** A write that refreshes the lists it changes. */
function useWrite<V, R>(fn: (vars: V) => Promise<R>, ...keys: QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}

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
  useWrite((input: TicketTypeInput) => api.post<TicketTypeView>('/api/v1/ticket-config/types', input), TYPES);

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
      api.post<FieldView>(`/api/v1/ticket-config/types/${typeId}/fields`, input),
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
    (input: TicketCategoryInput) => api.post<TicketCategoryView>('/api/v1/ticket-config/categories', input),
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
  useWrite((input: SlaPolicyInput) => api.post<SlaPolicyView>('/api/v1/sla-policies', input), POLICIES);

export const useUpdateSlaPolicy = () =>
  useWrite(
    ({ id, patch }: { id: number; patch: Partial<SlaPolicyInput> }) =>
      api.patch<SlaPolicyView>(`/api/v1/sla-policies/${id}`, patch),
    POLICIES,
  );

// ---------------------------------------------------------------- teams and assignment rules

/** Teams with their members and each member's open workload. */
export function useTeams(enabled = true) {
  return useQuery({
    queryKey: TEAMS,
    queryFn: ({ signal }) => api.get<TeamView[]>('/api/v1/teams', undefined, signal),
    enabled,
  });
}

export const useCreateTeam = () =>
  useWrite((input: TeamInput) => api.post<TeamView>('/api/v1/teams', input), TEAMS);

export const useUpdateTeam = () =>
  useWrite(
    ({ id, patch }: { id: number; patch: Partial<TeamInput> }) =>
      api.patch<TeamView>(`/api/v1/teams/${id}`, patch),
    TEAMS,
  );

export function useAssignmentRules(enabled = true) {
  return useQuery({
    queryKey: RULES,
    queryFn: ({ signal }) => api.get<AssignmentRuleView[]>('/api/v1/assignment-rules', undefined, signal),
    enabled,
  });
}

export const useCreateAssignmentRule = () =>
  useWrite(
    (input: AssignmentRuleInput) => api.post<AssignmentRuleView>('/api/v1/assignment-rules', input),
    RULES,
  );

export const useUpdateAssignmentRule = () =>
  useWrite(
    ({ id, patch }: { id: number; patch: Partial<AssignmentRuleInput> }) =>
      api.patch<AssignmentRuleView>(`/api/v1/assignment-rules/${id}`, patch),
    RULES,
  );

export const useDeleteAssignmentRule = () =>
  useWrite((id: number) => api.delete<Ok>(`/api/v1/assignment-rules/${id}`), RULES);

/** The business calendars an SLA policy may run on (same cache as the calendar page). */
export function useCalendarChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['calendars'],
    queryFn: ({ signal }) => api.get<CalendarView[]>('/api/v1/calendars', undefined, signal),
    enabled,
  });
}
