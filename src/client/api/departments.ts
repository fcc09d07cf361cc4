import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { DepartmentView, Ok } from './types.ts';

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<DepartmentView[]>('/api/v1/departments', undefined, signal),
    enabled,
  });
}

export interface DepartmentInput {
  code: string;
  name: string;
  parentId: number | null;
  description: string | null;
  isActive: boolean;
}

export function useCreateDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DepartmentInput) => api.create<DepartmentView>('/api/v1/departments', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['departments'] }),
  });
}

export function useUpdateDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Partial<DepartmentInput> }) =>
      api.patch<DepartmentView>(`/api/v1/departments/${id}`, patch),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['departments'] });
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useDeleteDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<Ok>(`/api/v1/departments/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['departments'] }),
  });
}
