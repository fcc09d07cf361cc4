import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import type { MonthlyAnalysis } from '../../api/complaint-analysis.ts';
import { useT } from '../../i18n/context.ts';

/** The month at a glance: received, valid against not valid, closed, and the rate against its target. */
export function KpiCards({ analysis }: { analysis: MonthlyAnalysis }) {
  const t = useT();
  const { totals, rate } = analysis;
  const base =
    rate.base.source === 'requests'
      ? t('complaintAnalysis.kpi.baseRequests', { volume: rate.base.volume })
      : rate.base.label
        ? t('complaintAnalysis.kpi.baseEntered', { volume: rate.base.volume, label: rate.base.label })
        : t('complaintAnalysis.kpi.baseEnteredPlain', { volume: rate.base.volume });
  const rateColour = rate.met === null ? undefined : rate.met ? '#389e0d' : '#cf1322';

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="analysis-kpi-received">
          <Statistic title={t('complaintAnalysis.kpi.received')} value={totals.received} />
          <Typography.Text type="secondary">
            {t('complaintAnalysis.kpi.breached', { count: analysis.breachedSteps })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="analysis-kpi-validity">
          <Statistic
            title={t('complaintAnalysis.kpi.validity')}
            value={totals.valid}
            suffix={`/ ${totals.notValid}`}
          />
          <Typography.Text type="secondary">
            {t('complaintAnalysis.kpi.pending', { count: totals.pending })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="analysis-kpi-closed">
          <Statistic title={t('complaintAnalysis.kpi.closed')} value={totals.closed} />
          <Typography.Text type="secondary">
            {t('complaintAnalysis.kpi.openAtMonthEnd', { count: totals.openAtMonthEnd })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="analysis-kpi-rate">
          <Statistic
            title={
              <>
                {t('complaintAnalysis.kpi.rate')}{' '}
                {rate.met === null ? null : (
                  <Tag color={rate.met ? 'success' : 'error'} data-testid="analysis-rate-status">
                    {t(rate.met ? 'complaintAnalysis.kpi.met' : 'complaintAnalysis.kpi.notMet')}
                  </Tag>
                )}
              </>
            }
            value={rate.percent ?? '—'}
            suffix={rate.percent === null ? undefined : '%'}
            precision={rate.percent === null ? undefined : 2}
            styles={{ content: rateColour ? { color: rateColour } : {} }}
          />
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {rate.percent === null
              ? t('complaintAnalysis.kpi.noRate')
              : t('complaintAnalysis.kpi.target', { target: rate.targetPercent })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="analysis-rate-base">
            {base}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
