import { Tag } from 'antd';
import type { CapaActionView, CapaStatus } from '../../api/capas.ts';
import { useT } from '../../i18n/context.ts';

const STATUS_COLORS: Record<CapaStatus, string> = {
  proposed: 'purple',
  open: 'orange',
  in_progress: 'processing',
  verifying: 'gold',
  closed: 'success',
  dismissed: 'default',
};

const ACTION_COLORS: Record<CapaActionView['status'], string> = {
  open: 'blue',
  done: 'success',
  cancelled: 'default',
};

export function CapaStatusTag({ status, testId }: { status: CapaStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`capas.status.${status}`)}
    </Tag>
  );
}

export function ActionStatusTag({ status }: { status: CapaActionView['status'] }) {
  const t = useT();
  return (
    <Tag color={ACTION_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`capas.actionStatus.${status}`)}
    </Tag>
  );
}

export const dash = '—';
