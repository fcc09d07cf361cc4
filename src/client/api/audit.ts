import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditEntryView } from './types.ts';

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

/** Newest first, 50 at a time; "load more" follows the server's keyset cursor. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>('/api/v1/audit-log', { ...filter, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
