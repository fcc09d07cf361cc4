import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Locale } from '../../shared/locale.ts';
import type { Me } from '../../shared/schemas/auth.ts';
import { api, isApiError, setCsrfToken } from './client.ts';
import { ME_KEY } from './query-client.ts';

export type { Me };

/** The signed-in user, or null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.get<Me>('/api/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error, 401)) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

/** Inside the signed-in area the user is always present. */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside the signed-in area');
  return me;
}

export function useCan(): (permission: string) => boolean {
  const me = useContext(SessionContext);
  return (permission) => !!me?.permissions.includes(permission);
}

/** Set by "sign out", cleared by signing in: after a deliberate sign-out nobody is sent back to the old page. */
let deliberateSignOut = false;

export function signedOutDeliberately(): boolean {
  return deliberateSignOut;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { login: string; password: string }) =>
      api.post<{ ok: true }>('/api/auth/login', input),
    onSuccess: async () => {
      deliberateSignOut = false;
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await client.refetchQueries({ queryKey: ME_KEY });
    },
  });
}

/** Forgets the user and everything read for them; the router then sends the tab to /login. */
function forgetSession(client: QueryClient): void {
  deliberateSignOut = true;
  setCsrfToken(null);
  client.setQueryData(ME_KEY, null);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
}

/** The staff app's channel between its tabs (the portal keeps its session to itself). */
const SESSION_CHANNEL = 'qiao-staff-session';
const SIGNED_OUT = 'signed-out';

/** Signing out in another tab of this browser signs this tab out too. Returns the way to stop listening. */
export function listenForSignOut(client: QueryClient): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (event.data === SIGNED_OUT) forgetSession(client);
  };
  return () => channel.close();
}

function tellOtherTabsSignedOut(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  channel.postMessage(SIGNED_OUT);
  channel.close();
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      forgetSession(client);
      tellOtherTabsSignedOut();
    },
  });
}

export interface ProfileUpdate {
  displayName?: string;
  email?: string | null;
  phone?: string | null;
  locale?: Locale;
}

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileUpdate) => api.patch<{ ok: true }>('/api/auth/me', input),
    onSuccess: (_data, input) => {
      client.setQueryData<Me | null>(ME_KEY, (me) =>
        me
          ? {
              ...me,
              user: {
                ...me.user,
                ...(input.displayName ? { displayName: input.displayName } : {}),
                ...(input.email !== undefined ? { email: input.email } : {}),
                ...(input.locale ? { locale: input.locale } : {}),
              },
            }
          : me,
      );
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<{ ok: true }>('/api/auth/password', input),
    onSuccess: () => {
      client.setQueryData<Me | null>(ME_KEY, (me) =>
        me ? { ...me, user: { ...me.user, mustChangePassword: false } } : me,
      );
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
