import { Table, type TableColumnsType } from 'antd';
import { type HTMLAttributes, type MouseEvent, type ReactNode, useMemo } from 'react';
import type { NavigateFunction } from 'react-router';
import { ListFooter } from './ListFooter.tsx';
import { ErrorState } from './states.tsx';

/** What the table reads of a keyset-paged (infinite) query. */
export interface PagedList<Row> {
  data: { pages: readonly { items: Row[] }[] } | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/** The rows of every page loaded so far. */
export function usePagedItems<Row>(list: PagedList<Row>): Row[] {
  return useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
}

/** Row properties that open `to` on a click anywhere in the row but on a link (which goes its own way). */
export function rowOpens(to: string, navigate: NavigateFunction) {
  return {
    style: { cursor: 'pointer' },
    onClick: (event: MouseEvent) => {
      if ((event.target as HTMLElement).closest('a')) return;
      void navigate(to);
    },
  };
}

/**
 * A keyset-paged list as a table: its error with a retry (when nothing is loaded), the rows (dimmed while
 * a new filter loads), `empty` once loaded with no rows, and under it "N shown" and "load more".
 */
export function PagedTable<Row extends object>({
  list,
  columns,
  rowKey = 'id' as keyof Row & string,
  scrollX,
  empty,
  shown,
  moreLabel,
  rowProps,
  testId,
  countTestId,
  moreTestId,
}: {
  list: PagedList<Row>;
  columns: TableColumnsType<Row>;
  rowKey?: keyof Row & string;
  scrollX: number;
  /** Shown once loaded with no rows (usually an EmptyState saying why). */
  empty: ReactNode;
  /** The "N shown" text. */
  shown: (count: number) => ReactNode;
  moreLabel: ReactNode;
  /** Each row's attributes: its test id and data-* values, a click that opens it. */
  rowProps?: (row: Row) => Record<string, unknown>;
  testId?: string;
  countTestId?: string;
  moreTestId?: string;
}) {
  const items = usePagedItems(list);
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Table<Row>
        rowKey={rowKey}
        size="middle"
        columns={columns}
        dataSource={items}
        loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
        pagination={false}
        scroll={{ x: scrollX }}
        data-testid={testId}
        onRow={rowProps ? (row) => rowProps(row) as HTMLAttributes<HTMLElement> : undefined}
        locale={{ emptyText: list.isPending ? ' ' : empty }}
      />
      <ListFooter
        shown={items.length > 0 ? shown(items.length) : null}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        moreLabel={moreLabel}
        countTestId={countTestId}
        moreTestId={moreTestId}
      />
    </>
  );
}
