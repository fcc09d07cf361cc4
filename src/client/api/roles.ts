import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Localised } from '../../shared/locale.ts';
import { api } from './client.ts';
import type { Ok, RoleView } from './types.ts';

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get<RoleView[]>('/api/v1/roles', undefined, signal),
    enabled,
  });
}

export interface PermissionCatalogue {
  modules: Record<string, Localised>;
  permissions: { key: string; module: string; label: Localised }[];
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: ['roles', 'permission-catalogue'],
    queryFn: ({ signal }) => api.get<PermissionCatalogue>('/api/v1/permissions', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export interface RoleInput {
  name: string;
  description: string | null;
  permissions: string[];
}

export function useCreateRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoleInput & { code: string }) => api.create<RoleView>('/api/v1/roles', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['roles'] }),
  });
}

export function useUpdateRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Partial<RoleInput> }) =>
      api.patch<RoleView>(`/api/v1/roles/${id}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: ['roles'] }),
  });
}

export function useDeleteRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<Ok>(`/api/v1/roles/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['roles'] }),
  });
}
