import { Card, Col, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { MonthlyAnalysis } from '../../api/complaint-analysis.ts';
import { EChart } from '../../components/EChart.tsx';
import { useT } from '../../i18n/context.ts';
import { useAnalysisLabels } from './labels.ts';

const tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' } };

function bar(names: string[], values: number[], colour: string): EChartsCoreOption {
  return {
    tooltip,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    // longest first from the top: the axis runs bottom-up, so the lists are reversed
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: [...values].reverse(),
        itemStyle: { color: colour },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

function pie(items: { name: string; value: number }[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: items,
        label: { formatter: '{b}: {c}' },
      },
    ],
  };
}

/** Category, channel, class, the six-month trend and the time each step takes, as charts. */
export function AnalysisCharts({ analysis }: { analysis: MonthlyAnalysis }) {
  const t = useT();
  const labels = useAnalysisLabels();
  const options = useMemo(
    () => ({
      category: bar(
        analysis.byCategory.map((c) => labels.category(c.key)),
        analysis.byCategory.map((c) => c.count),
        '#1677ff',
      ),
      channel: pie(analysis.byChannel.map((c) => ({ name: labels.channel(c.key), value: c.count }))),
      customerClass: pie(
        analysis.byClass.map((c) => ({ name: labels.customerClass(c.key), value: c.count })),
      ),
      trend: {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
        xAxis: { type: 'category', data: analysis.trend.map((p) => p.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'line',
            name: t('complaintAnalysis.chart.received'),
            data: analysis.trend.map((p) => p.received),
          },
          {
            type: 'line',
            name: t('complaintAnalysis.chart.valid'),
            data: analysis.trend.map((p) => p.valid),
          },
        ],
      } satisfies EChartsCoreOption,
      steps: {
        tooltip,
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
        xAxis: {
          type: 'category',
          data: analysis.stepDurations.map((s) => labels.step(s.step)),
          axisLabel: { interval: 0, rotate: 30 },
        },
        yAxis: [
          { type: 'value', name: t('complaintAnalysis.chart.hours') },
          { type: 'value', minInterval: 1 },
        ],
        series: [
          {
            type: 'bar',
            name: t('complaintAnalysis.chart.hours'),
            data: analysis.stepDurations.map((s) => s.averageHours),
            itemStyle: { color: '#13a8a8' },
          },
          {
            type: 'bar',
            name: t('complaintAnalysis.chart.breached'),
            yAxisIndex: 1,
            data: analysis.stepDurations.map((s) => s.breached),
            itemStyle: { color: '#cf1322' },
          },
        ],
      } satisfies EChartsCoreOption,
    }),
    [analysis, labels, t],
  );

  const chart = (key: keyof typeof options, title: string, testId: string) => (
    <Card size="small" title={title}>
      <EChart option={options[key]} label={title} testId={testId} />
    </Card>
  );

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        {chart('category', t('complaintAnalysis.chart.category'), 'analysis-chart-category')}
      </Col>
      <Col xs={24} lg={12}>
        {chart('trend', t('complaintAnalysis.chart.trend'), 'analysis-chart-trend')}
      </Col>
      <Col xs={24} lg={12}>
        {chart('channel', t('complaintAnalysis.chart.channel'), 'analysis-chart-channel')}
      </Col>
      <Col xs={24} lg={12}>
        {chart('customerClass', t('complaintAnalysis.chart.class'), 'analysis-chart-class')}
      </Col>
      <Col span={24}>{chart('steps', t('complaintAnalysis.chart.steps'), 'analysis-chart-steps')}</Col>
    </Row>
  );
}
