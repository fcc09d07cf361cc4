import { Tag } from 'antd';
import type { CompensationStatus } from '../../../shared/complaints/complaint-flow.ts';
import type { ReturnDisposition, ReturnStatus } from '../../api/returns.ts';
import { useT } from '../../i18n/context.ts';

export const RETURN_STATUS_COLORS: Record<ReturnStatus, string> = {
  notified: 'blue',
  received: 'cyan',
  inspected: 'gold',
  disposed: 'processing',
  closed: 'success',
  cancelled: 'default',
};

const DISPOSITION_COLORS: Record<ReturnDisposition, string> = {
  rework: 'orange',
  replace: 'geekblue',
  scrap: 'red',
  refund: 'purple',
};

const COMPENSATION_COLORS: Record<CompensationStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  executed: 'green',
};

export function ReturnStatusTag({ status, testId }: { status: ReturnStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag
      color={RETURN_STATUS_COLORS[status]}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`returns.status.${status}`)}
    </Tag>
  );
}

export function DispositionTag({ disposition }: { disposition: ReturnDisposition | null }) {
  const t = useT();
  if (!disposition) return null;
  return (
    <Tag color={DISPOSITION_COLORS[disposition]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`returns.disposition.${disposition}`)}
    </Tag>
  );
}

export function CompensationStatusTag({ status }: { status: CompensationStatus }) {
  const t = useT();
  return (
    <Tag color={COMPENSATION_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`returns.compensation.status.${status}`)}
    </Tag>
  );
}

/** 1234.5 → "1,234.5" (quantities keep up to three decimals). */
export function useQuantity() {
  return (v: number | null | undefined) =>
    v === null || v === undefined
      ? '—'
      : new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(v);
}
