import {
  keepPreviousData,
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type QueryValue } from './client.ts';

/** One page of a keyset-paged list. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A keyset-paged list, `limit` rows a page; "load more" follows the cursor. The rows shown stay while a
 * changed filter loads (the table dims them).
 */
export function useCursorList<T>({
  queryKey,
  path,
  query,
  limit,
  enabled = true,
}: {
  queryKey: QueryKey;
  path: string;
  /** The filter, as query parameters (undefined ones left out). */
  query: Record<string, QueryValue>;
  limit: number;
  enabled?: boolean;
}) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<CursorPage<T>>(path, { ...query, cursor: pageParam, limit }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * A write answering with the whole record: the record's page shows it at once (`recordKey`), and the
 * `refresh` keys (its lists, screens that show it) load again behind it.
 */
export function useRecordWrite<I, D extends { id: number }>(
  recordKey: (id: number) => QueryKey,
  refresh: readonly QueryKey[],
  fn: (input: I) => Promise<D>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      client.setQueryData(recordKey(detail.id), detail);
      for (const queryKey of refresh) void client.invalidateQueries({ queryKey });
    },
  });
}
