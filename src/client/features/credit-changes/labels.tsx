import { Tag } from 'antd';
import type { CreditChangeView } from '../../api/credit-changes.ts';
import { useI18n, useT } from '../../i18n/context.ts';
import type { CreditLevel } from '../customer-applications/labels.tsx';

const CREDIT_STATUS_COLORS: Record<CreditChangeView['status'], string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function CreditChangeStatusTag({ status }: { status: CreditChangeView['status'] }) {
  const t = useT();
  return (
    <Tag color={CREDIT_STATUS_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`creditChange.status.${status}`)}
    </Tag>
  );
}

/** Money and day counts in the UI's style; "未设定" for nothing. */
export function useCreditFormat() {
  const { t, locale } = useI18n();
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    maximumFractionDigits: 0,
  });
  return {
    money: (v: number | null | undefined) =>
      v === null || v === undefined ? t('creditChange.unset') : money.format(v),
    days: (v: number | null | undefined) =>
      v === null || v === undefined ? t('creditChange.unset') : t('approvals.credit.days', { days: v }),
    level: (v: CreditLevel | null | undefined) =>
      v ? t('admission.level', { level: v }) : t('creditChange.unset'),
  };
}
