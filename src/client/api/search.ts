import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GlobalSearchHit, GlobalSearchResult, SearchKind } from '../../shared/schemas/search.ts';
import { api } from './client.ts';

export type { GlobalSearchHit, GlobalSearchResult, SearchKind };

/** The header's search across every kind the user may read (GET /api/v1/search); off while `q` is empty. */
export function useGlobalSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<GlobalSearchResult>('/api/v1/search', { q }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** Where a hit opens: its own page; a contact opens the customer file that holds it. */
export function hitPath(kind: SearchKind, hit: GlobalSearchHit): string | null {
  switch (kind) {
    case 'ticket':
      return `/tickets/${hit.id}`;
    case 'customer':
      return `/customers/${hit.id}`;
    case 'contact':
      return hit.customerId ? `/customers/${hit.customerId}` : null;
    case 'complaint':
      return `/complaints/${hit.id}`;
    case 'capa':
      return `/capas/${hit.id}`;
    case 'return':
      return `/returns/${hit.id}`;
    case 'kb_article':
      return `/kb/articles/${hit.id}`;
  }
}
