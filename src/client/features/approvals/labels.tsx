import { Tag } from 'antd';
import { APPROVAL_FLOWS, type ApprovalStatus } from '../../../shared/schemas/approvals.ts';
import type { ApprovalStepView } from '../../api/approvals.ts';
import { useI18n } from '../../i18n/context.ts';

export const APPROVAL_STATUS_COLORS: Record<ApprovalStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  cancelled: 'default',
};

const isFlow = (flow: string): flow is keyof typeof APPROVAL_FLOWS => Object.hasOwn(APPROVAL_FLOWS, flow);

/** The flow's name in the UI language (新客户准入, 信用级别调整, …); a flow the client does not know shows its key. */
export function useFlowLabel(): (flow: string) => string {
  const { locale } = useI18n();
  return (flow) => (isFlow(flow) ? APPROVAL_FLOWS[flow].label[locale] : flow);
}

export function ApprovalStatusTag({ status, testId }: { status: ApprovalStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={APPROVAL_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`approvals.status.${status}`)}
    </Tag>
  );
}

/** Who decides a step: "角色：执行副总助理" or "指定人员：王芳". */
export function useApproverText(): (
  step: Pick<ApprovalStepView, 'approverRoleName' | 'approverUserName'>,
) => string {
  const { t } = useI18n();
  return (step) =>
    step.approverUserName
      ? t('approvals.byUser', { name: step.approverUserName })
      : t('approvals.byRole', { name: step.approverRoleName ?? '—' });
}
