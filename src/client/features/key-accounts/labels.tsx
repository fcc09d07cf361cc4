import { Tag } from 'antd';
import type { KeyAccountMeasure, KeyAccountStatus } from '../../api/key-accounts.ts';
import { useT } from '../../i18n/context.ts';

const STATUS_COLORS: Record<KeyAccountStatus, string> = {
  applied: 'orange',
  designated: 'gold',
  rejected: 'red',
  withdrawn: 'default',
  revoked: 'default',
};

const MEASURE_COLORS: Record<KeyAccountMeasure['status'], string> = {
  open: 'blue',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
};

export function KeyAccountStatusTag({ status, testId }: { status: KeyAccountStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`keyAccounts.status.${status}`)}
    </Tag>
  );
}

export function MeasureStatusTag({ status }: { status: KeyAccountMeasure['status'] }) {
  const t = useT();
  return (
    <Tag color={MEASURE_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`keyAccounts.ms.${status}`)}
    </Tag>
  );
}
