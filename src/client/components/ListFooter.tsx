import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Under a keyset-paged list: how many rows are shown, and "load more" while there are more. */
export function ListFooter({
  shown,
  hasMore,
  loading,
  onMore,
  moreLabel,
  countTestId,
  moreTestId,
}: {
  /** The "N shown" text, or null when the list is empty. */
  shown: ReactNode | null;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  moreLabel: ReactNode;
  countTestId?: string;
  moreTestId?: string;
}) {
  return (
    <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
      {shown ? (
        <Typography.Text type="secondary" data-testid={countTestId}>
          {shown}
        </Typography.Text>
      ) : null}
      {hasMore ? (
        <Button onClick={onMore} loading={loading} data-testid={moreTestId}>
          {moreLabel}
        </Button>
      ) : null}
    </Flex>
  );
}
