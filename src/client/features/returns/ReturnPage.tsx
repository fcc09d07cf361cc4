import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { type ReturnDetail, returnPrintUrl, reworkPrintUrl, useReturn } from '../../api/returns.ts';
import { useCan } from '../../api/session.ts';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { CancelButton } from './CancelButton.tsx';
import { DisposeForm } from './DisposeForm.tsx';
import { DispositionProgress } from './DispositionProgress.tsx';
import { InspectForm } from './InspectForm.tsx';
import { DispositionTag, ReturnStatusTag } from './labels.tsx';
import { ReceiveForm } from './ReceiveForm.tsx';
import { ReturnCompensations } from './ReturnCompensations.tsx';
import { ReturnFiles } from './ReturnFiles.tsx';
import { ReturnItemsTable } from './ReturnItemsTable.tsx';
import { ReturnRecord } from './ReturnRecord.tsx';
import { ReturnSteps } from './ReturnSteps.tsx';

/** The card for the step at hand: its form for whoever may do it, else who the notice waits for. */
function CurrentStep({ notice: n }: { notice: ReturnDetail }) {
  const t = useT();
  const can = useCan();
  const waiting = (text: string) => (
    <Typography.Text type="secondary" data-testid="return-waiting">
      {text}
    </Typography.Text>
  );
  let title: string;
  let body: ReactNode;
  switch (n.status) {
    case 'notified':
      title = t('returns.receive.title');
      body = can('return.receive') ? <ReceiveForm notice={n} /> : waiting(t('returns.waiting.receive'));
      break;
    case 'received':
      title = t('returns.inspect.title');
      body = can('return.inspect') ? <InspectForm notice={n} /> : waiting(t('returns.waiting.inspect'));
      break;
    case 'inspected':
      title = t('returns.dispose.title');
      body = can('return.manage') ? <DisposeForm notice={n} /> : waiting(t('returns.waiting.dispose'));
      break;
    case 'disposed':
      title = t('returns.progress.title');
      body = (
        <>
          <DispositionProgress notice={n} />
          {n.redisposable ? (
            <>
              <Alert
                type="error"
                showIcon
                style={{ margin: '16px 0' }}
                title={t('returns.redispose')}
                data-testid="return-redispose"
              />
              {can('return.manage') ? <DisposeForm key="again" notice={n} /> : null}
            </>
          ) : null}
        </>
      );
      break;
    default:
      return null;
  }
  return (
    <Card title={title} data-testid={`return-step-${n.status}`}>
      {body}
    </Card>
  );
}

function ReturnView({ notice: n }: { notice: ReturnDetail }) {
  const t = useT();
  const can = useCan();
  return (
    <div data-testid="return-page">
      <Flex align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <Link to="/returns">
          <Button type="text" size="small" icon={<ArrowLeftOutlined />}>
            {t('returns.back')}
          </Button>
        </Link>
        <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="return-number">
          {n.number}
        </Typography.Text>
        <ReturnStatusTag status={n.status} testId="return-status" />
        <DispositionTag disposition={n.disposition} />
        {n.rework ? (
          <Typography.Text
            type="secondary"
            style={{ fontFamily: 'monospace' }}
            data-testid="return-rework-number"
          >
            {t('returns.detail.reworkNumber')} {n.rework.number}
          </Typography.Text>
        ) : null}
      </Flex>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('returns.detail.title', { customer: n.customerName })}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button
            icon={<PrinterOutlined />}
            href={returnPrintUrl(n.id)}
            target="_blank"
            rel="noopener"
            data-testid="return-print"
          >
            {t('returns.print')}
          </Button>
          {n.rework ? (
            <Button
              icon={<PrinterOutlined />}
              href={reworkPrintUrl(n.id)}
              target="_blank"
              rel="noopener"
              data-testid="return-rework-print"
            >
              {t('returns.printRework')}
            </Button>
          ) : null}
          {n.status === 'notified' && can('return.manage') ? <CancelButton notice={n} /> : null}
        </Flex>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <ReturnSteps notice={n} />
      </Card>
      {n.status === 'cancelled' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('returns.cancelled')}
          description={n.cancelReason ? t('returns.cancelledReason', { reason: n.cancelReason }) : undefined}
          data-testid="return-cancelled"
        />
      ) : null}
      {n.inspected.defectConfirmed === false && n.status !== 'inspected' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('returns.defectNotConfirmed')}
          description={n.inspected.note}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <CurrentStep notice={n} />
            <Card title={t('returns.section.items')}>
              <ReturnItemsTable items={n.items} />
            </Card>
            <Card title={t('returns.section.record')}>
              <ReturnRecord notice={n} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card title={t('returns.section.compensations')}>
              <ReturnCompensations notice={n} />
            </Card>
            <Card title={t('returns.section.files')}>
              <ReturnFiles notice={n} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

/** 《退货通知单》 /returns/:id: its course, the step at hand, items, compensations and photos. */
export default function ReturnPage() {
  const t = useT();
  const { id } = useParams();
  const returnId = Number(id);
  const valid = Number.isInteger(returnId) && returnId > 0;
  const query = useReturn(valid ? returnId : undefined);
  if (!valid || isApiError(query.error, 404)) {
    return (
      <Result
        status="404"
        title={t('returns.notFound')}
        subTitle={t('returns.notFoundText')}
        extra={
          <Link to="/returns">
            <Button type="primary">{t('returns.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  // A fresh set of forms per status: each step starts from the notice as it is now.
  return (
    <ReturnView key={`${query.data.id}:${query.data.status}:${query.data.disposition}`} notice={query.data} />
  );
}
