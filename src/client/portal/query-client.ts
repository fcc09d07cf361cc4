import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';
import { setPortalCsrfToken } from './api.ts';

export const PORTAL_ME_KEY = ['portal', 'me'] as const;

/**
 * The portal keeps its own query cache: a customer's 401 (their portal session ended) forgets the
 * customer and sends them to /portal/login, and never touches a staff session open in the same browser.
 */
function onError(error: unknown): void {
  if (isApiError(error, 401) && portalQueryClient.getQueryData(PORTAL_ME_KEY)) {
    setPortalCsrfToken(null);
    portalQueryClient.setQueryData(PORTAL_ME_KEY, null);
  }
}

export const portalQueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
