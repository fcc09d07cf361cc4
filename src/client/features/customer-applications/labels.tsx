import { Tag, Tooltip } from 'antd';
import type { ApplicationStatus } from '../../api/customer-applications.ts';
import { useT } from '../../i18n/context.ts';

export type CreditLevel = 'I' | 'II' | 'III';

export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
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
