import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from './client.ts';

export const ME_KEY = ['me'] as const;

/** A 401 anywhere means the session ended: forget the user, and the router sends them to /login. */
function onError(error: unknown): void {
  if (isApiError(error, 401) && queryClient.getQueryData(ME_KEY)) {
    setCsrfToken(null);
    queryClient.setQueryData(ME_KEY, null);
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, validation) will not change on retry; network and 5xx may.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
