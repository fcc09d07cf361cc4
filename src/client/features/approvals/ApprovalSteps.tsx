import { RollbackOutlined } from '@ant-design/icons';
import { Flex, Steps, Tag, Typography } from 'antd';
import type { ApprovalRequestView, ApprovalStepView } from '../../api/approvals.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { useApproverText } from './labels.tsx';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

const STEP_TAG: Record<ApprovalStepView['status'], string> = {
  waiting: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  skipped: 'default',
};

const STEPS_STATUS: Record<ApprovalStepView['status'], StepStatus> = {
  waiting: 'wait',
  pending: 'process',
  approved: 'finish',
  rejected: 'error',
  skipped: 'wait',
};

/**
 * One request's course: who submitted it, then each step with its approver (role or named person), the
 * decision, decider, time and comment; a withdrawal closes the list.
 */
export function ApprovalSteps({ request, testId }: { request: ApprovalRequestView; testId?: string }) {
  const t = useT();
  const fmt = useDateFormat();
  const approver = useApproverText();
  const items = [
    {
      key: 'submitted',
      status: 'finish' as StepStatus,
      title: t('approvals.submittedStep'),
      content: (
        <Typography.Text type="secondary">
          {t('approvals.decidedBy', {
            name: request.requestedByName ?? '—',
            time: fmt.dateTime(request.requestedAt),
          })}
        </Typography.Text>
      ),
    },
    ...request.steps.map((step) => ({
      key: step.id,
      status: STEPS_STATUS[step.status],
      title: (
        <Flex gap={8} align="center" wrap data-testid="approval-step" data-status={step.status}>
          <span>{step.name}</span>
          <Tag color={STEP_TAG[step.status]} style={{ marginInlineEnd: 0 }}>
            {t(`approvals.step.${step.status}`)}
          </Tag>
        </Flex>
      ),
      content: (
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">{approver(step)}</Typography.Text>
          {step.decidedAt ? (
            <Typography.Text type="secondary">
              {t('approvals.decidedBy', {
                name: step.decidedByName ?? '—',
                time: fmt.dateTime(step.decidedAt),
              })}
            </Typography.Text>
          ) : null}
          {step.comment ? (
            <Typography.Paragraph
              style={{
                margin: '4px 0 0',
                padding: '6px 10px',
                background: step.status === 'rejected' ? '#fff2f0' : '#f6f8fa',
                borderRadius: 6,
                whiteSpace: 'pre-wrap',
              }}
            >
              {step.comment}
            </Typography.Paragraph>
          ) : null}
        </Flex>
      ),
    })),
    ...(request.status === 'cancelled'
      ? [
          {
            key: 'cancelled',
            status: 'wait' as StepStatus,
            icon: <RollbackOutlined style={{ color: '#8c8c8c' }} />,
            title: t('approvals.cancelledStep'),
            content: request.decidedAt ? (
              <Typography.Text type="secondary">{fmt.dateTime(request.decidedAt)}</Typography.Text>
            ) : null,
          },
        ]
      : []),
  ];
  // The step in progress is the current one; a finished request's last step.
  const inProgress = items.findIndex((item) => item.status === 'process');
  const current = inProgress >= 0 ? inProgress : items.length - 1;
  return (
    <div data-testid={testId}>
      <Steps orientation="vertical" size="small" current={current} items={items} />
    </div>
  );
}
