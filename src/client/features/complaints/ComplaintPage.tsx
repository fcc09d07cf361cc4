import { Col, Flex, Row } from 'antd';
import { type ComplaintDetail, useComplaint } from '../../api/complaints.ts';
import { DetailPage, useRouteId } from '../../components/DetailPage.tsx';
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
  const id = useRouteId();
  const query = useComplaint(id);
  return (
    <DetailPage
      id={id}
      query={query}
      back={{ to: '/complaints', label: t('complaints.back') }}
      notFound={{
        title: t('complaints.notFound'),
        text: t('complaints.notFoundText'),
        testId: 'complaint-not-found',
      }}
    >
      {(complaint) => <ComplaintView key={complaint.id} complaint={complaint} />}
    </DetailPage>
  );
}
