import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../shared/locale.ts';
import { api } from './client.ts';
import type { Page, UserView } from './types.ts';

export interface UserListParams {
  page: number;
  pageSize: number;
  q?: string | undefined;
  departmentId?: number | undefined;
  roleId?: number | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export function useUsers(params: UserListParams, enabled = true) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => api.get<Page<UserView>>('/api/v1/users', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface UserInput {
  displayName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  departmentId: number | null;
  locale: Locale;
  roleIds: number[];
}

export type UserCreateInput = UserInput & { username: string; password: string };
export type UserPatch = Partial<UserInput> & { status?: 'active' | 'disabled'; password?: string };

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => api.create<UserView>('/api/v1/users', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

/**
 * A partial PATCH that still carries the user's roles and language: the shared update schema gives
 * `roleIds` and `locale` defaults ([] and zh-CN), so leaving them out would reset them on the server.
 */
export function keepingRolesAndLocale(user: UserView, patch: UserPatch): UserPatch {
  return { roleIds: user.roleIds, locale: user.locale, ...patch };
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatch }) =>
      api.patch<UserView>(`/api/v1/users/${id}`, patch),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      void client.invalidateQueries({ queryKey: ['roles'] });
      void client.invalidateQueries({ queryKey: ['departments'] });
    },
  });
}

export function useUser(id: number | undefined) {
  return useQuery({
    queryKey: ['users', 'one', id],
    queryFn: ({ signal }) => api.get<UserView>(`/api/v1/users/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}
