import { Tag, Tooltip } from 'antd';
import type { ApplicationStatus, CreditChangeView } from '../../api/admission.ts';
import { useI18n, useT } from '../../i18n/context.ts';

type CreditLevel = 'I' | 'II' | 'III';

export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

const CREDIT_STATUS_COLORS: Record<CreditChangeView['status'], string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function ApplicationStatusTag({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={APPLICATION_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`admission.status.${status}`)}
    </Tag>
  );
}

export function CreditChangeStatusTag({ status }: { status: CreditChangeView['status'] }) {
  const t = useT();
  return (
    <Tag color={CREDIT_STATUS_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`creditChange.status.${status}`)}
    </Tag>
  );
}

/** "III 级" with what the level means on hover (001 §4.2.2). */
export function LevelTag({ level }: { level: CreditLevel | null }) {
  const t = useT();
  if (!level) return <span>—</span>;
  return (
    <Tooltip title={t(`admission.levelHint.${level}`)}>
      <Tag color="purple" variant="outlined" style={{ marginInlineEnd: 0 }}>
        {t('admission.level', { level })}
      </Tag>
    </Tooltip>
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

/** Thousands separators in money inputs: 8,000,000 reads better than 8000000. */
export const moneyInput = {
  formatter: (value: number | string | undefined) =>
    value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ','),
  parser: (text: string | undefined) => Number((text ?? '').replace(/,/g, '')),
};
