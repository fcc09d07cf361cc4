import { type QueryKey, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignmentRuleView,
  assignmentRuleCreate,
  TeamView,
  teamCreate,
} from '../../shared/schemas/assignment.ts';
import { api } from './client.ts';
import { useListWrite as useWrite } from './cursor-list.ts';
import type { Ok } from './types.ts';

export type { AssignmentRuleView, TeamView };
export type TeamInput = z.output<typeof teamCreate>;
export type AssignmentRuleInput = z.output<typeof assignmentRuleCreate>;

const TEAMS: QueryKey = ['teams'];
const RULES: QueryKey = ['assignment-rules'];

/** Teams with their members and each member's open workload. */
export function useTeams(enabled = true) {
  return useQuery({
    queryKey: TEAMS,
    queryFn: ({ signal }) => api.get<TeamView[]>('/api/v1/teams', undefined, signal),
    enabled,
  });
}

export const useCreateTeam = () =>
  useWrite((input: TeamInput) => api.create<TeamView>('/api/v1/teams', input), TEAMS);

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
    (input: AssignmentRuleInput) => api.create<AssignmentRuleView>('/api/v1/assignment-rules', input),
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
