import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Skeleton, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { ErrorState } from './states.tsx';

/** The `:id` of the route as a record id; undefined when it is not a positive whole number. */
export function useRouteId(): number | undefined {
  const id = Number(useParams().id);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Where a record's page leads back to: its list. */
export interface BackLink {
  to: string;
  label: string;
}

interface RecordQuery<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * One record's page: "not found" (an id that is no record, or one the caller may not see) with the way
 * back to the list, a skeleton while it loads, the error with a retry, else the record.
 */
export function DetailPage<T>({
  id,
  query,
  back,
  notFound,
  rows = 12,
  children,
}: {
  /** The record's id; undefined when the route holds none (the page is then "not found"). */
  id: number | undefined;
  query: RecordQuery<T>;
  back: BackLink;
  notFound: { title: string; text: string; testId?: string };
  /** Skeleton rows while loading. */
  rows?: number;
  children: (record: T) => ReactNode;
}) {
  if (id === undefined || isApiError(query.error, 404)) {
    return (
      <Result
        status="404"
        title={notFound.title}
        subTitle={notFound.text}
        data-testid={notFound.testId}
        extra={
          <Link to={back.to}>
            <Button type="primary">{back.label}</Button>
          </Link>
        }
      />
    );
  }
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/**
 * The head of a record's page: the way back, the record number (copyable) and its tags on one line; the
 * title (with what goes under it) and the actions below.
 */
export function DetailHeader({
  back,
  number,
  tags,
  title,
  titleTestId,
  titleEditable,
  subtitle,
  headingStyle,
  actions,
  testId,
}: {
  back: BackLink;
  number?: { value: string; testId: string } | undefined;
  /** Status tags and other short facts after the number. */
  tags?: ReactNode;
  title: ReactNode;
  titleTestId?: string;
  titleEditable?: React.ComponentProps<typeof Typography.Title>['editable'];
  /** Under the title: links to related records, who and when, key facts. */
  subtitle?: ReactNode;
  /** Layout of the title block within its row (e.g. `{ flex: 1, minWidth: 280 }` to take the room). */
  headingStyle?: CSSProperties;
  /** Shown as given, opposite the title (usually a wrapping row of buttons). */
  actions?: ReactNode;
  testId?: string;
}) {
  const heading = (
    <Typography.Title
      level={3}
      style={subtitle ? { margin: 0 } : { margin: 0, ...headingStyle }}
      editable={titleEditable}
      data-testid={titleTestId}
    >
      {title}
    </Typography.Title>
  );
  return (
    <div style={{ marginBottom: 16 }} data-testid={testId}>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <Link to={back.to} aria-label={back.label}>
          <Button type="text" size="small" icon={<ArrowLeftOutlined />}>
            {back.label}
          </Button>
        </Link>
        {number ? (
          <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid={number.testId}>
            {number.value}
          </Typography.Text>
        ) : null}
        {tags}
      </Flex>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        {subtitle ? (
          <div style={headingStyle}>
            {heading}
            {subtitle}
          </div>
        ) : (
          heading
        )}
        {actions}
      </Flex>
    </div>
  );
}
