import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/context.ts';
import { portalErrorText } from '../api.ts';

/** The portal's error text in the language the customer is reading now. */
export function usePortalErrorText(): (error: unknown) => string {
  const { locale } = useI18n();
  return (error) => portalErrorText(error, locale);
}

export function PortalError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = usePortalErrorText();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-state"
      title={t('common.loadFailed')}
      description={text(error)}
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

export function PortalEmpty({ text, children }: { text: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} data-testid="empty-state">
      {children}
    </Empty>
  );
}

interface LoadProps<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  rows?: number;
  /** Shown instead of an error when the record does not exist (an old or mistyped link). */
  notFound?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Skeleton while loading, the error with a retry, else the content. */
export function PortalLoad<T>({ query, rows = 4, notFound, children }: LoadProps<T>) {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (notFound && isApiError(query.error, 404)) return <>{notFound}</>;
  if (query.error || query.data === undefined)
    return <PortalError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** A failed submission, above the form's button. */
export function FormAlert({ error, testId }: { error: unknown; testId: string }) {
  const text = usePortalErrorText();
  if (!error) return null;
  return (
    <Alert type="error" showIcon title={text(error)} style={{ marginBottom: 16 }} data-testid={testId} />
  );
}
