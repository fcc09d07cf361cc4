import type { UseQueryResult } from '@tanstack/react-query';
import { Skeleton, Spin } from 'antd';
import type { MonthlyAnalysis } from '../../api/complaint-analysis.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { AnalysisCharts } from './AnalysisCharts.tsx';
import { AnalysisTables } from './AnalysisTables.tsx';
import { KpiCards } from './KpiCards.tsx';

/** The analysis tab: figures, charts and tables of the month; the previous month stays while the next loads. */
export function AnalysisOverview({ query }: { query: UseQueryResult<MonthlyAnalysis> }) {
  const t = useT();
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const analysis = query.data;
  if (!analysis) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Spin spinning={query.isFetching && query.isPlaceholderData}>
      <div data-testid="analysis-overview" data-month={analysis.month}>
        <KpiCards analysis={analysis} />
        {analysis.totals.received === 0 ? (
          <EmptyState text={t('complaintAnalysis.empty.month')} />
        ) : (
          <AnalysisCharts analysis={analysis} />
        )}
        <AnalysisTables analysis={analysis} />
      </div>
    </Spin>
  );
}
