import { Button, Col, Flex, Result, Row, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { type ComplaintDetail, useComplaint } from '../../api/complaints.ts';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { CompensationsCard } from './CompensationsCard.tsx';
import { ComplaintHeader } from './ComplaintHeader.tsx';
import { ComplaintStepper } from './ComplaintStepper.tsx';
import { CurrentStepPanel } from './CurrentStepPanel.tsx';
import { CapaCard, ReturnsCard } from './LinkedCards.tsx';
import { openStepOf } from './labels.tsx';
import { RecordCard } from './RecordCard.tsx';
import { StepHistory } from './StepHistory.tsx';

function ComplaintView({ complaint }: { complaint: ComplaintDetail }) {
  return (
    <div data-testid="complaint-page" data-stage={complaint.stage}>
      <ComplaintHeader complaint={complaint} />
      <ComplaintStepper complaint={complaint} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <CurrentStepPanel complaint={complaint} open={openStepOf(complaint)} />
            <StepHistory complaint={complaint} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <RecordCard complaint={complaint} />
            <CompensationsCard complaint={complaint} />
            <CapaCard complaint={complaint} />
            <ReturnsCard complaint={complaint} />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

/** 投诉详情: one complaint, its path as a stepper, the current step's form and everything it recorded. */
export default function ComplaintPage() {
  const t = useT();
  const { id } = useParams();
  const complaintId = Number(id);
  const valid = Number.isInteger(complaintId) && complaintId > 0;
  const query = useComplaint(valid ? complaintId : undefined);
  if (!valid || isApiError(query.error, 404)) {
    return (
      <Result
        status="404"
        title={t('complaints.notFound')}
        subTitle={t('complaints.notFoundText')}
        data-testid="complaint-not-found"
        extra={
          <Link to="/complaints">
            <Button type="primary">{t('complaints.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <ComplaintView key={query.data.id} complaint={query.data} />;
}
