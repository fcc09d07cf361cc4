import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { type ApprovalRequestView, useApproval } from '../../api/approvals.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorState } from '../../components/states.tsx';
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
      <Flex align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <Link to="/approvals">
          <Button type="text" size="small" icon={<ArrowLeftOutlined />}>
            {t('approvals.back')}
          </Button>
        </Link>
        <Tag color={FLOW_COLORS[request.flow] ?? 'default'}>{flowLabel(request.flow)}</Tag>
        <ApprovalStatusTag status={request.status} testId="approval-status" />
      </Flex>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div style={{ flex: 1, minWidth: 280 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="approval-title">
            {request.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('approvals.requestedBy', {
              name: request.requestedByName ?? '—',
              time: fmt.dateTime(request.requestedAt),
            })}
            {request.decidedAt
              ? ` · ${t('approvals.decidedAt', { time: fmt.dateTime(request.decidedAt) })}`
              : ''}
          </Typography.Text>
        </div>
        <DecisionBar request={request} />
      </Flex>
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
  const { id } = useParams();
  const requestId = Number(id);
  const valid = Number.isInteger(requestId) && requestId > 0;
  const query = useApproval(valid ? requestId : undefined);
  if (!valid || isApiError(query.error, 404)) {
    return (
      <Result
        status="404"
        title={t('approvals.notFound')}
        subTitle={t('approvals.notFoundText')}
        data-testid="approval-not-found"
        extra={
          <Link to="/approvals">
            <Button type="primary">{t('approvals.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <ApprovalView request={query.data} />;
}
