import { Alert, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { type CapaDetail, useCapa } from '../../api/capas.ts';
import { useCan } from '../../api/session.ts';
import { DetailPage, useRouteId } from '../../components/DetailPage.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CapaActionsCard } from './CapaActionsCard.tsx';
import { CapaAnalysisCard } from './CapaAnalysisCard.tsx';
import { CapaHeader } from './CapaHeader.tsx';
import { CapaProblemCard } from './CapaProblemCard.tsx';
import { CapaVerificationCard } from './CapaVerificationCard.tsx';

function StatusNote({ capa }: { capa: CapaDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  if (capa.status === 'proposed') return <Alert type="info" showIcon title={t('capas.proposedNote')} />;
  if (capa.status === 'verifying') return <Alert type="warning" showIcon title={t('capas.verifyingNote')} />;
  if (capa.status === 'dismissed')
    return (
      <Alert type="info" showIcon title={t('capas.dismissedReason', { reason: capa.dismissReason ?? '' })} />
    );
  if (capa.status === 'closed' && capa.closedAt)
    return (
      <Alert type="success" showIcon title={t('capas.closedNote', { at: fmt.dateTime(capa.closedAt) })} />
    );
  return null;
}

function Side({ capa }: { capa: CapaDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  const can = useCan();
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'source', label: t('capas.field.source'), children: t(`capas.source.${capa.source}`) },
            { key: 'by', label: t('capas.meta.createdBy'), children: capa.createdBy?.name ?? '—' },
            { key: 'at', label: t('capas.meta.createdAt'), children: fmt.dateTime(capa.createdAt) },
          ]}
        />
      </Card>
      <Card size="small" title={t('capas.section.complaints')} data-testid="capa-complaints">
        {capa.complaints.length === 0 ? (
          <Typography.Text type="secondary">{t('capas.complaints.empty')}</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {capa.complaints.map((c) =>
              can('complaint.read') ? (
                <Link key={c.id} to={`/complaints/${c.id}`} data-testid={`capa-complaint-${c.id}`}>
                  {c.number}
                </Link>
              ) : (
                <Typography.Text key={c.id}>{c.number}</Typography.Text>
              ),
            )}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

/** /capas/:id: one 《纠正与预防措施报告》 from problem to verified closure. */
export default function CapaPage() {
  const t = useT();
  const id = useRouteId();
  const query = useCapa(id);
  return (
    <DetailPage
      id={id}
      query={query}
      back={{ to: '/capas', label: t('capas.back') }}
      notFound={{ title: t('capas.notFound'), text: t('capas.notFoundText') }}
    >
      {(capa) => <CapaView capa={capa} />}
    </DetailPage>
  );
}

function CapaView({ capa }: { capa: CapaDetail }) {
  const can = useCan();
  const editable = can('capa.manage') && ['proposed', 'open', 'in_progress'].includes(capa.status);

  return (
    <div data-testid="capa-page">
      <CapaHeader capa={capa} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Flex vertical gap={16}>
            <StatusNote capa={capa} />
            <CapaProblemCard capa={capa} editable={editable} />
            <CapaAnalysisCard capa={capa} editable={editable} />
            {capa.status === 'proposed' || capa.status === 'dismissed' ? null : (
              <CapaActionsCard capa={capa} />
            )}
            {capa.status === 'proposed' || capa.status === 'dismissed' ? null : (
              <CapaVerificationCard capa={capa} />
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={7}>
          <Side capa={capa} />
        </Col>
      </Row>
    </div>
  );
}
