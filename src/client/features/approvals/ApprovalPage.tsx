import { Alert, Card, Col, Row, Tag, Typography } from 'antd';
import { type ApprovalRequestView, useApproval } from '../../api/approvals.ts';
import { DetailHeader, DetailPage, useRouteId } from '../../components/DetailPage.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { ApprovalSteps } from './ApprovalSteps.tsx';
import { DecisionBar } from './DecisionBar.tsx';
import { FLOW_COLORS } from './InboxTab.tsx';
import { ApprovalStatusTag, useApproverText, useFlowLabel } from './labels.tsx';
import { ApprovalSubject } from './Subjects.tsx';

function Banner({ request }: { request: ApprovalRequestView }) {
  const t = useT();
  const approver = useApproverText();
  const pending = request.steps.find((s) => s.status === 'pending');
  if (request.status !== 'pending' || !pending) return null;
  if (request.decidableStepId !== null)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('approvals.yourTurn', { step: pending.name })}
        data-testid="approval-your-turn"
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('approvals.waitingFor', { step: pending.name, who: approver(pending) })}
      description={request.canCancel ? t('approvals.ownRequest') : undefined}
    />
  );
}

function ApprovalView({ request }: { request: ApprovalRequestView }) {
  const t = useT();
  const fmt = useDateFormat();
  const flowLabel = useFlowLabel();
  return (
    <div data-testid="approval-page" data-request-id={request.id}>
      <DetailHeader
        back={{ to: '/approvals', label: t('approvals.back') }}
        tags={
          <>
            <Tag color={FLOW_COLORS[request.flow] ?? 'default'}>{flowLabel(request.flow)}</Tag>
            <ApprovalStatusTag status={request.status} testId="approval-status" />
          </>
        }
        title={request.title}
        titleTestId="approval-title"
        headingStyle={{ flex: 1, minWidth: 280 }}
        subtitle={
          <Typography.Text type="secondary">
            {t('approvals.requestedBy', {
              name: request.requestedByName ?? '—',
              time: fmt.dateTime(request.requestedAt),
            })}
            {request.decidedAt
              ? ` · ${t('approvals.decidedAt', { time: fmt.dateTime(request.decidedAt) })}`
              : ''}
          </Typography.Text>
        }
        actions={<DecisionBar request={request} />}
      />
      <Banner request={request} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('approvals.subject')} size="small">
            <ApprovalSubject request={request} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('approvals.steps')} size="small">
            <ApprovalSteps request={request} testId="approval-steps" />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** 审批详情 (/approvals/:id, where notifications link): the subject, the steps, and the decision. */
export default function ApprovalPage() {
  const t = useT();
  const id = useRouteId();
  const query = useApproval(id);
  return (
    <DetailPage
      id={id}
      query={query}
      back={{ to: '/approvals', label: t('approvals.back') }}
      notFound={{
        title: t('approvals.notFound'),
        text: t('approvals.notFoundText'),
        testId: 'approval-not-found',
      }}
      rows={10}
    >
      {(request) => <ApprovalView request={request} />}
    </DetailPage>
  );
}
