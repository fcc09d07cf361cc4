import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { Locale } from '../../shared/locale.ts';
import type { portalMe } from '../../shared/schemas/portal.ts';
import { isApiError } from '../api/client.ts';
import type { Ok } from '../api/types.ts';
import { portalApi, setPortalCsrfToken } from './api.ts';
import { PORTAL_ME_KEY } from './query-client.ts';

export type PortalMe = z.infer<typeof portalMe>;

/** The signed-in customer, or null when nobody is signed in to the portal. */
export const portalMeQuery = queryOptions({
  queryKey: PORTAL_ME_KEY,
  queryFn: async (): Promise<PortalMe | null> => {
    try {
      const me = await portalApi.get<PortalMe>('/api/portal/me');
      setPortalCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error, 401)) {
        setPortalCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function usePortalMe() {
  return useQuery(portalMeQuery);
}

/** Inside the signed-in part of the portal the customer is always present. */
export const PortalSessionContext = createContext<PortalMe | null>(null);

export function usePortalSession(): PortalMe {
  const me = useContext(PortalSessionContext);
  if (!me) throw new Error('usePortalSession outside the signed-in portal');
  return me;
}

let deliberateSignOut = false;

/** After "sign out" nobody is sent back to the page they were on. */
export function portalSignedOutDeliberately(): boolean {
  return deliberateSignOut;
}

export function usePortalLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      portalApi.post<Ok>('/api/portal/login', input),
    onSuccess: async () => {
      deliberateSignOut = false;
      client.removeQueries({ predicate: (q) => q.queryKey[1] !== PORTAL_ME_KEY[1] });
      await client.refetchQueries({ queryKey: PORTAL_ME_KEY });
    },
  });
}

export function usePortalLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => portalApi.post<Ok>('/api/portal/logout'),
    onSettled: () => {
      deliberateSignOut = true;
      setPortalCsrfToken(null);
      client.setQueryData(PORTAL_ME_KEY, null);
      client.removeQueries({ queryKey: ['portal', 'tickets'] });
    },
  });
}

/** Sign-up takes no password: it is chosen at the verification link, by whoever owns the address. */
export interface RegisterInput {
  name: string;
  email: string;
  phone?: string | null;
  company?: string | null;
  locale: Locale;
}

export function useRegister() {
  return useMutation({
    mutationFn: (input: RegisterInput) => portalApi.post<Ok>('/api/portal/register', input),
  });
}

/** The verification link's form: proves the address and sets the password in one step. */
export function useVerifyEmail() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      portalApi.post<Ok>('/api/portal/verify', input),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => portalApi.post<Ok>('/api/portal/password/forgot', { email }),
  });
}

export function useSetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      portalApi.post<Ok>('/api/portal/password/reset', input),
  });
}
