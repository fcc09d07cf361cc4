import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/context.ts';

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A failed load: the server's own (localised) message and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-state"
      title={t('common.loadFailed')}
      description={errorText(error)}
      action={
        onRetry ? (
          <Button size="small" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** A cell or field with no value. */
export const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** Nothing to show yet, with a line saying what to do about it. */
export function EmptyState({ text, children }: { text: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} data-testid="empty-state">
      {children}
    </Empty>
  );
}

interface LoadStateProps<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  rows?: number;
  children: (data: T) => ReactNode;
}

/** Skeleton while loading, the error with a retry, else the content. */
export function LoadState<T>({ query, rows = 4, children }: LoadStateProps<T>) {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (query.error || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
