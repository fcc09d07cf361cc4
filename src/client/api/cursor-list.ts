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
 * changed filter loads (the table dims them) unless `keepPrevious` is false.
 */
export function useCursorList<T>({
  queryKey,
  path,
  query,
  limit,
  enabled = true,
  keepPrevious = true,
  refetchInterval,
  client = api,
}: {
  queryKey: QueryKey;
  path: string;
  /** The filter, as query parameters (undefined ones left out). */
  query: Record<string, QueryValue>;
  limit: number;
  enabled?: boolean;
  /** Keep the rows shown while another filter loads (default), or show the loading state. */
  keepPrevious?: boolean;
  /** Reload every so many milliseconds while the list is shown. */
  refetchInterval?: number;
  /** The JSON API to read through: the staff one unless told otherwise (the portal has its own). */
  client?: Pick<typeof api, 'get'>;
}) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      client.get<CursorPage<T>>(path, { ...query, cursor: pageParam, limit }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(refetchInterval === undefined ? {} : { refetchInterval }),
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

/** A write that refreshes the lists it changes; it settles once they have loaded again. */
export function useListWrite<V, R>(fn: (vars: V) => Promise<R>, ...keys: QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
