import { useCursorList } from './cursor-list.ts';
import type { AuditEntryView } from './types.ts';

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Newest first, 50 at a time; "load more" follows the server's keyset cursor. */
export function useAuditLog(filter: AuditFilter) {
  return useCursorList<AuditEntryView>({
    queryKey: ['audit', filter],
    path: '/api/v1/audit-log',
    query: { ...filter },
    limit: 50,
    keepPrevious: false,
  });
}
