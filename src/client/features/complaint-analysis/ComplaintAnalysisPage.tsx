import { DownloadOutlined, NumberOutlined } from '@ant-design/icons';
import { Button, DatePicker, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { analysisMonth } from '../../../shared/schemas/complaint-analysis.ts';
import { analysisExportUrl, analysisPrintUrl, useMonthlyAnalysis } from '../../api/complaint-analysis.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PrintButton } from '../../components/PrintButton.tsx';
import { useT } from '../../i18n/context.ts';
import { dayjs, useTimeZone } from '../../i18n/format.ts';
import { AnalysisOverview } from './AnalysisOverview.tsx';
import { BaseVolumeModal } from './BaseVolumeModal.tsx';
import { ConfirmationsTab } from './ConfirmationsTab.tsx';

const TABS = ['overview', 'confirmations'] as const;
type Tab = (typeof TABS)[number];

/** The month in the address (`?month=YYYY-MM`), last month in the organisation's zone by default. */
function useMonthParam(): [string, Tab, (patch: { month?: string; tab?: Tab }) => void] {
  const [params, setParams] = useSearchParams();
  const zone = useTimeZone();
  const asked = params.get('month');
  const month =
    asked && analysisMonth.safeParse(asked).success
      ? asked
      : dayjs().tz(zone).startOf('month').subtract(1, 'month').format('YYYY-MM');
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'overview';
  const update = (patch: { month?: string; tab?: Tab }) => {
    const next = new URLSearchParams(window.location.search);
    if (patch.month) next.set('month', patch.month);
    if (patch.tab) {
      if (patch.tab === 'overview') next.delete('tab');
      else next.set('tab', patch.tab);
    }
    setParams(next, { replace: true });
  };
  return [month, tab, update];
}

/**
 * 月度投诉分析 (001 §4.3.3) and 与客户确认前一个月客诉的最终关闭情况 (001 §3.2.3): one month at a time,
 * exportable as a spreadsheet and printable.
 */
export default function ComplaintAnalysisPage() {
  const t = useT();
  const can = useCan();
  const [month, tab, update] = useMonthParam();
  const analysis = useMonthlyAnalysis(month);
  const [editingBase, setEditingBase] = useState(false);

  return (
    <>
      <PageHeader
        title={t('complaintAnalysis.title')}
        subtitle={t('complaintAnalysis.subtitle')}
        extra={
          <>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(value) => value && update({ month: value.format('YYYY-MM') })}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              aria-label={t('complaintAnalysis.month')}
              data-testid="analysis-month"
            />
            {can('complaint.review') ? (
              <Button
                icon={<NumberOutlined />}
                onClick={() => setEditingBase(true)}
                data-testid="analysis-base"
              >
                {t('complaintAnalysis.base.button')}
              </Button>
            ) : null}
            {can('report.export') ? (
              <Button
                icon={<DownloadOutlined />}
                href={analysisExportUrl(month)}
                download
                data-testid="analysis-export"
              >
                {t('complaintAnalysis.export')}
              </Button>
            ) : null}
            <PrintButton href={analysisPrintUrl(month)} testId="analysis-print">
              {t('complaintAnalysis.print')}
            </PrintButton>
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key as Tab })}
        items={[
          {
            key: 'overview',
            label: <span data-testid="analysis-tab-overview">{t('complaintAnalysis.tab.overview')}</span>,
            children: <AnalysisOverview query={analysis} />,
          },
          {
            key: 'confirmations',
            label: (
              <span data-testid="analysis-tab-confirmations">{t('complaintAnalysis.tab.confirmations')}</span>
            ),
            children: <ConfirmationsTab month={month} />,
          },
        ]}
      />
      {editingBase ? (
        <BaseVolumeModal
          month={month}
          rate={analysis.data?.month === month ? analysis.data.rate : undefined}
          onClose={() => setEditingBase(false)}
        />
      ) : null}
    </>
  );
}
