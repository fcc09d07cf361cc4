import { Alert, Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type ReturnDetail, returnPrintUrl, reworkPrintUrl, useReturn } from '../../api/returns.ts';
import { useCan } from '../../api/session.ts';
import { DetailHeader, DetailPage, useRouteId } from '../../components/DetailPage.tsx';
import { PrintButton } from '../../components/PrintButton.tsx';
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
      <DetailHeader
        back={{ to: '/returns', label: t('returns.back') }}
        number={{ value: n.number, testId: 'return-number' }}
        tags={
          <>
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
          </>
        }
        title={t('returns.detail.title', { customer: n.customerName })}
        actions={
          <Flex gap={8} wrap>
            <PrintButton href={returnPrintUrl(n.id)} testId="return-print">
              {t('returns.print')}
            </PrintButton>
            {n.rework ? (
              <PrintButton href={reworkPrintUrl(n.id)} testId="return-rework-print">
                {t('returns.printRework')}
              </PrintButton>
            ) : null}
            {n.status === 'notified' && can('return.manage') ? <CancelButton notice={n} /> : null}
          </Flex>
        }
      />
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
  const id = useRouteId();
  const query = useReturn(id);
  return (
    <DetailPage
      id={id}
      query={query}
      back={{ to: '/returns', label: t('returns.back') }}
      notFound={{ title: t('returns.notFound'), text: t('returns.notFoundText') }}
    >
      {/* A fresh set of forms per status: each step starts from the notice as it is now. */}
      {(n) => <ReturnView key={`${n.id}:${n.status}:${n.disposition}`} notice={n} />}
    </DetailPage>
  );
}
