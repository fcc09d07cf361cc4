import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A row's icon-only button, named by its tooltip (and for screen readers). */
export function RowAction({
  title,
  icon,
  onClick,
  testId,
  danger,
  loading,
}: {
  title: string;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
  danger?: boolean;
  loading?: boolean;
}) {
  return (
    <Tooltip title={title}>
      <Button
        size="small"
        type="text"
        danger={danger}
        icon={icon}
        aria-label={title}
        loading={loading}
        onClick={onClick}
        data-testid={testId}
      />
    </Tooltip>
  );
}

/** A due date, red and bold once overdue, with a red tag under it saying so. */
export function DueDateCell({
  date,
  overdue,
  overdueLabel,
  overdueTestId,
}: {
  date: string;
  overdue: boolean;
  /** The tag's text ("overdue", "overdue · escalated"). */
  overdueLabel: ReactNode;
  overdueTestId: string;
}) {
  return (
    <Flex vertical gap={2} align="flex-start">
      <Typography.Text
        type={overdue ? 'danger' : undefined}
        strong={overdue}
        style={{ whiteSpace: 'nowrap' }}
      >
        {date}
      </Typography.Text>
      {overdue ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={overdueTestId}>
          {overdueLabel}
        </Tag>
      ) : null}
    </Flex>
  );
}
