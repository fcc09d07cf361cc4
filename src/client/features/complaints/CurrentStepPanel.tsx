import { CheckCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { STEP_PERMISSIONS } from '../../../shared/complaints/complaint-flow.ts';
import type { ComplaintDetail, ComplaintStepView } from '../../api/complaints.ts';
import { useCan, useSession } from '../../api/session.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { StepDue, useComplaintLabels } from './labels.tsx';
import { StepForm } from './StepForm.tsx';
import { StepOwnerModal } from './StepOwnerModal.tsx';

/** 结案报告 with the general manager: the report waits (and its form with it) until the decision. */
function FinalReportState({ complaint, open }: { complaint: ComplaintDetail; open: ComplaintStepView }) {
  const t = useT();
  const returned = typeof open.data.returnedComment === 'string' ? open.data.returnedComment : null;
  const pending = complaint.finalApprovalStatus === 'pending';
  return (
    <>
      {pending ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="complaint-final-pending"
          title={t('complaints.final.pending')}
          action={
            <Link to={`/approvals/${complaint.finalApprovalRequestId}`}>
              {t('complaints.final.openApproval')}
            </Link>
          }
        />
      ) : returned !== null || complaint.finalApprovalStatus === 'rejected' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="complaint-final-returned"
          title={t('complaints.final.returned')}
          description={returned || undefined}
          action={
            complaint.finalApprovalRequestId ? (
              <Link to={`/approvals/${complaint.finalApprovalRequestId}`}>
                {t('complaints.final.openApproval')}
              </Link>
            ) : undefined
          }
        />
      ) : null}
      {pending ? null : <StepForm complaint={complaint} open={open} />}
    </>
  );
}

/**
 * 当前步骤: who has it and until when, handing it to someone else, and — for whoever may complete it
 * (its owner, or a holder of the step's permissions) — the step's form.
 */
export function CurrentStepPanel({
  complaint,
  open,
}: {
  complaint: ComplaintDetail;
  open: ComplaintStepView | undefined;
}) {
  const t = useT();
  const fmt = useDateFormat();
  const can = useCan();
  const me = useSession().user;
  const labels = useComplaintLabels();
  const [reassigning, setReassigning] = useState(false);

  if (!open) {
    return (
      <Card data-testid="complaint-current-step">
        <Result
          status="success"
          icon={<CheckCircleOutlined />}
          title={t('complaints.closedTitle')}
          subTitle={
            complaint.closedAt
              ? t(
                  complaint.validity === 'not_valid' ? 'complaints.closedNotValid' : 'complaints.closedText',
                  {
                    time: fmt.dateTime(complaint.closedAt),
                  },
                )
              : undefined
          }
        />
      </Card>
    );
  }

  const mayAct = open.ownerUserId === me.id || STEP_PERMISSIONS[open.step].some((p) => can(p));
  return (
    <Card
      data-testid="complaint-current-step"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('complaints.currentStep', { step: labels.step(open.step) })}</span>
          <StepDue dueAt={open.dueAt} breached={open.breached} testId="complaint-step-due" />
        </Flex>
      }
      extra={
        can('complaint.handle') ? (
          <Button
            size="small"
            icon={<SwapOutlined />}
            onClick={() => setReassigning(true)}
            data-testid="complaint-reassign"
          >
            {t('complaints.reassign')}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('complaints.stepOwner')}>
          <span data-testid="complaint-step-owner">
            {open.ownerName ?? <Typography.Text type="warning">{t('complaints.unowned')}</Typography.Text>}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.startedAt')}>
          {fmt.dateTime(open.startedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.dueAt')}>{fmt.dateTime(open.dueAt) || '—'}</Descriptions.Item>
      </Descriptions>
      {!mayAct ? (
        <Alert
          type="info"
          showIcon
          data-testid="complaint-step-waiting"
          title={
            open.ownerName
              ? t('complaints.waitingFor', { name: open.ownerName })
              : t('complaints.waitingForAny', { step: labels.step(open.step) })
          }
        />
      ) : open.step === 'final_report' ? (
        <FinalReportState complaint={complaint} open={open} />
      ) : (
        // A fresh form per step: the next step never inherits the last one's text.
        <StepForm key={open.id} complaint={complaint} open={open} />
      )}
      <StepOwnerModal
        complaintId={complaint.id}
        open={reassigning}
        current={open.ownerUserId && open.ownerName ? { id: open.ownerUserId, name: open.ownerName } : null}
        onClose={() => setReassigning(false)}
      />
    </Card>
  );
}
